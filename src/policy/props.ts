// Policy properties: each has a default written in MQL (`mql: 15`, `mql: return 15`, a list,
// a string), which policies may override, and the user may override again by name.
import { evaluate } from '../mql/evaluator.js';
import { MqlError } from '../mql/errors.js';
import { parse } from '../mql/parser.js';
import { ErrorValue, type Value } from '../mql/values.js';
import type { Bundle, PropDef } from './bundle.js';

export class PropsError extends Error {
  override name = 'PropsError';
}

/** A prop's default: its MQL, which must be a constant. */
export async function propDefault(prop: PropDef, now: number): Promise<Value> {
  const text = prop.mql.text.trim().replace(/^return\s+/, '');
  const offset = prop.mql.text.indexOf(text);
  let program;
  try {
    program = parse(text);
  } catch (error) {
    if (error instanceof MqlError) throw new PropsError(`the prop ${prop.uid} (${locate(prop, offset + error.start)}): ${error.message}`);
    throw error;
  }
  try {
    const results = await evaluate(program, { global: () => undefined, globalNames: () => [], props: {}, now });
    const value = results.at(-1)?.value ?? null;
    if (value instanceof ErrorValue) throw new PropsError(`the prop ${prop.uid} (${locate(prop, offset)}): ${value.message}`);
    return value;
  } catch (error) {
    if (error instanceof MqlError) throw new PropsError(`the prop ${prop.uid} (${locate(prop, offset + error.start)}) must be a constant such as 15, "text" or ["a", "b"]: ${error.message}`);
    throw error;
  }
}

function locate(prop: PropDef, offset: number): string {
  const at = prop.mql.locate(offset);
  return `${at.file}:${at.line}:${at.column}`;
}

/** Every prop the bundle's queries and policies define: policy defaults override query defaults. */
export function propDefinitions(bundle: Bundle, policyUids: ReadonlySet<string>): Map<string, PropDef> {
  const defs = new Map<string, PropDef>();
  for (const q of bundle.queries.values()) for (const p of q.props) if (!defs.has(p.uid)) defs.set(p.uid, p);
  for (const policy of bundle.policies) if (policyUids.has(policy.uid)) for (const p of policy.props) defs.set(p.uid, p);
  return defs;
}

/** Resolves defaults, then applies the user's values; an unknown name is an error, not ignored. */
export async function resolveProps(
  defs: ReadonlyMap<string, PropDef>,
  overrides: Readonly<Record<string, Value>>,
  now: number,
): Promise<Record<string, Value>> {
  const props: Record<string, Value> = {};
  for (const [uid, def] of defs) props[uid] = await propDefault(def, now);
  for (const [name, value] of Object.entries(overrides)) {
    if (!defs.has(name)) {
      const known = [...defs.keys()].sort();
      throw new PropsError(`there is no prop '${name}' in the selected policies${known.length ? `; the props are: ${known.join(', ')}` : ''}`);
    }
    const base = props[name];
    props[name] = typeof base === 'number' && typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value)) ? Number(value) : value;
    if (typeof base === 'number' && typeof props[name] !== 'number') throw new PropsError(`the prop '${name}' is a number; '${String(value)}' is not`);
  }
  return props;
}
