// Turns results into plain trees for printing: resources become their default fields (read on
// demand), blocks their labelled entries. Printing itself (text or JSON) is then synchronous.
import { normalizeLabel } from './labels.js';
import { BlockValue, ErrorValue, isDict, isResource, MqlDuration, MqlTime, type Value } from './values.js';

export type Display =
  | { kind: 'scalar'; value: string | number | boolean | null }
  | { kind: 'time'; ms: number }
  | { kind: 'duration'; ms: number }
  | { kind: 'regex'; source: string; flags: string }
  | { kind: 'list'; items: Display[] }
  | { kind: 'dict'; entries: Array<[string, Display]> }
  | { kind: 'resource'; type: string; fields: Array<[string, Display]> }
  | { kind: 'block'; entries: Array<[string, Display]> }
  | { kind: 'error'; message: string; needs?: string };

const MAX_DEPTH = 8;

export async function materialize(v: Value, depth = 0): Promise<Display> {
  if (v instanceof ErrorValue) return { kind: 'error', message: v.message, needs: v.needs };
  if (v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return { kind: 'scalar', value: v };
  if (v instanceof MqlTime) return { kind: 'time', ms: v.ms };
  if (v instanceof MqlDuration) return { kind: 'duration', ms: v.ms };
  if (v instanceof RegExp) return { kind: 'regex', source: v.source, flags: v.flags };
  if (depth > MAX_DEPTH) return { kind: 'scalar', value: '…' };
  if (Array.isArray(v)) return { kind: 'list', items: await Promise.all(v.map((i) => materialize(i, depth + 1))) };
  if (v instanceof BlockValue) {
    const values = await Promise.all(v.entries.map((e) => materialize(e.value, depth + 1)));
    return { kind: 'block', entries: v.entries.map((e, i) => [e.label, values[i]!]) };
  }
  if (isResource(v)) {
    const names = v.defaultFields();
    const values = await Promise.all(names.map((n) => fieldByPath(v, n)));
    const fields = await Promise.all(values.map((x) => materialize(x, depth + 1)));
    return { kind: 'resource', type: v.type, fields: names.map((n, i) => [normalizeLabel(n), fields[i]!]) };
  }
  if (isDict(v)) {
    // Sorted, and without null values, which Okta sends for every unset attribute.
    const keys = Object.keys(v).filter((k) => v[k] !== null).sort();
    const values = await Promise.all(keys.map((k) => materialize(v[k]!, depth + 1)));
    return { kind: 'dict', entries: keys.map((k, i) => [k, values[i]!]) };
  }
  return { kind: 'scalar', value: String(v) };
}

/** A default field may be a path such as `profile['email']`. */
async function fieldByPath(r: Extract<Value, { kind: 'resource' }>, path: string): Promise<Value> {
  const m = /^(\w+)((?:\[['"][^'"]+['"]\])*)$/.exec(path);
  if (!m) return r.field(path);
  let v: Value = await r.field(m[1]!);
  for (const [, key] of m[2]!.matchAll(/\[['"]([^'"]+)['"]\]/g)) v = isDict(v) ? (v[key!] ?? null) : null;
  return v;
}
