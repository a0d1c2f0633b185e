// Tab completion for the shell, from the resource schema: global names, the fields of the
// resource a dotted path leads to, and the functions of lists, strings and dicts.
import { FUNCTIONS, type Receiver } from '../mql/functions.js';
import { RESOURCE_SPECS } from '../resources/schema/index.js';
import type { FieldType } from '../resources/types.js';

const GLOBALS = ['okta', 'asset', 'time', 'props'];
const TIME_FIELDS = ['now', 'today', 'second', 'minute', 'hour', 'day', 'week'];
const KEYWORDS = ['help', 'exit', 'true', 'false', 'null', 'empty'];

type Resolved = { fields: string[]; receiver?: Receiver } | undefined;

function candidatesFor(type: FieldType | 'time'): Resolved {
  if (type === 'time') return { fields: TIME_FIELDS };
  if (typeof type === 'string') return { fields: [], receiver: type === 'dict' ? 'dict' : type === 'string' ? 'string' : 'scalar' };
  if ('list' in type) return { fields: [], receiver: 'list' };
  return { fields: Object.keys(RESOURCE_SPECS[type.resource]?.fields ?? {}) };
}

/** Follows `okta.users.first` through the schema; undefined when the path leaves it. */
function resolve(path: string[]): Resolved {
  const [head, ...rest] = path;
  let type: FieldType | 'time';
  if (head === 'okta' || head === 'asset') type = { resource: head };
  else if (head === 'time') type = 'time';
  else return undefined;
  for (const name of rest) {
    if (type === 'time') return undefined;
    if (typeof type === 'object' && 'resource' in type) {
      const field: { type: FieldType } | undefined = RESOURCE_SPECS[type.resource]?.fields[name];
      if (!field) return undefined;
      type = field.type;
    } else if (typeof type === 'object' && 'list' in type && (name === 'first' || name === 'last')) {
      type = type.list;
    } else if (typeof type === 'object' && 'list' in type && name === 'where') {
      // stays a list
    } else return undefined;
  }
  return candidatesFor(type);
}

/** Completions for the text before the cursor, as node:readline's completer wants them. */
export function complete(line: string): [string[], string] {
  // The dotted path being typed, ignoring call arguments: okta.users.where(…).fi → okta.users.where.fi
  const tail = /([A-Za-z_][\w]*(?:(?:\([^()]*\))?\.[A-Za-z_]\w*)*(?:\([^()]*\))?\.?)$/.exec(line)?.[1] ?? '';
  const parts = tail.replace(/\([^()]*\)/g, '').split('.');
  const partial = parts.pop() ?? '';
  let names: string[];
  if (parts.length === 0) {
    names = [...GLOBALS, ...KEYWORDS];
  } else {
    const resolved = resolve(parts);
    if (!resolved) return [[], partial];
    const fns = resolved.receiver ? Object.entries(FUNCTIONS).filter(([, f]) => f.on.includes(resolved.receiver!)).map(([n]) => n) : [];
    names = [...resolved.fields, ...fns];
  }
  const hits = [...new Set(names)].filter((n) => n.startsWith(partial)).sort();
  return [hits, partial];
}
