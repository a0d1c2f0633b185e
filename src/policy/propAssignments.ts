// `name=value` prop assignments from a command line or an action input. Values that look like
// numbers, booleans or JSON are read as such; anything else is text.
import type { Value } from '../mql/values.js';

export class PropAssignmentError extends Error {
  override name = 'PropAssignmentError';
}

export function parsePropAssignments(entries: readonly string[]): Record<string, Value> {
  const props: Record<string, Value> = {};
  for (const entry of entries) {
    const eq = entry.indexOf('=');
    const name = eq > 0 ? entry.slice(0, eq).trim() : '';
    if (!/^[A-Za-z_]\w*$/.test(name)) throw new PropAssignmentError(`a prop is written name=value, not '${entry}'`);
    const raw = entry.slice(eq + 1).trim();
    let value: Value = raw;
    if (/^-?\d+(\.\d+)?$/.test(raw)) value = Number(raw);
    else if (raw === 'true' || raw === 'false') value = raw === 'true';
    else if (/^[[{"]/.test(raw)) {
      try {
        value = JSON.parse(raw) as Value;
      } catch {
        throw new PropAssignmentError(`the prop ${name}: '${raw}' looks like JSON but does not parse`);
      }
    }
    props[name] = value;
  }
  return props;
}
