// The shell's help, written from the resource schema: the collections under `okta`, and for any
// resource its fields with their types and what they hold.
import { didYouMean } from '../mql/errors.js';
import { FUNCTIONS } from '../mql/functions.js';
import { RESOURCE_SPECS } from '../resources/schema/index.js';
import { typeLabel } from '../resources/types.js';

function table(rows: Array<[string, string, string]>): string {
  const w1 = Math.max(...rows.map((r) => r[0].length));
  const w2 = Math.max(...rows.map((r) => r[1].length));
  return rows.map(([a, b, c]) => `  ${a.padEnd(w1)}  ${b.padEnd(w2)}  ${c}`).join('\n');
}

export function helpText(topic?: string): string {
  if (!topic) {
    const okta = RESOURCE_SPECS.okta!;
    return [
      'Query the org with MQL, for example:',
      '  okta.users.where(status == "SUSPENDED") { profile[\'email\'] status }',
      '  okta.organization.threatInsightSettings.action == "block"',
      '',
      'Resources under okta:',
      table(Object.entries(okta.fields).map(([name, f]) => [`okta.${name}`, typeLabel(f.type), f.doc])),
      '',
      "Type 'help <resource>' (help okta.user) for its fields, 'help functions' for list and text functions,",
      "Tab to complete, 'exit' to leave. A statement may span lines while braces are open.",
    ].join('\n');
  }
  if (topic === 'functions') {
    return ['Functions:', table(Object.entries(FUNCTIONS).map(([name, f]) => [`${name}(${f.arity.at(-1) ? '…' : ''})`, f.on.join(', '), f.doc]))].join('\n');
  }
  const spec = RESOURCE_SPECS[topic];
  if (!spec) return `There is no resource '${topic}'${didYouMean(topic, Object.keys(RESOURCE_SPECS))}. Type 'help' for the list.`;
  return [
    `${spec.name}: ${spec.doc}`,
    spec.defaults.length ? `Shown by default: ${spec.defaults.join(', ')}` : '',
    '',
    table(Object.entries(spec.fields).map(([name, f]) => [name, typeLabel(f.type), f.doc])),
  ]
    .filter((l, i) => l !== '' || i === 2)
    .join('\n');
}
