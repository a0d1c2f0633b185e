// Writes the resource reference (docs/resources.md) from the schema, so the docs cannot drift.
import { RESOURCE_SPECS } from './schema/index.js';
import { typeLabel } from './types.js';

const cell = (s: string) => s.replace(/\|/g, '\\|');

export function renderResourceDocs(): string {
  const lines = [
    '# The okta.* resources',
    '',
    'Generated from `src/resources/schema/` (`UPDATE_RESOURCE_DOCS=1 npm test` rewrites this file).',
    'Resource and field names follow cnspec\'s Okta provider, so MQL written for `cnspec shell okta`',
    'works here. Fields marked as a list or a resource are read from Okta when a query touches them.',
    '',
  ];
  for (const spec of Object.values(RESOURCE_SPECS)) {
    lines.push(`## ${spec.name}`, '', spec.doc, '');
    if (spec.defaults.length) lines.push(`Shown by default: ${spec.defaults.map((d) => `\`${d}\``).join(', ')}.`, '');
    lines.push('| field | type | what it holds |', '|---|---|---|');
    for (const [name, field] of Object.entries(spec.fields)) lines.push(`| \`${name}\` | \`${typeLabel(field.type)}\` | ${cell(field.doc)} |`);
    lines.push('');
  }
  return lines.join('\n');
}
