// Built-in functions on lists, strings and dicts. Predicate functions read their argument with
// each element bound (fields resolve against it, `_` names it). On a null list the predicates
// answer with an error, so that data that is not there can never pass a check.
import type { Node } from './ast.js';
import { EMPTY, looseEquals, type Operand } from './operators.js';
import { isTruthy } from './truthiness.js';
import { ErrorValue, isDict, isResource, type Value } from './values.js';

export interface FunctionContext {
  /** Evaluates `node` with `element` bound as the subject. */
  withElement(node: Node, element: Value): Promise<Value>;
  /** Evaluates `node` in the caller's scope. */
  value(node: Node): Promise<Operand>;
  /** Throws a positioned error about this call. */
  fail(message: string): never;
  /** Told which elements met a predicate function's condition (for naming what failed a check). */
  matched?: (elements: Value[]) => void;
}

/** Elements evaluated at once: enough for the client's concurrency, few enough to bound memory. */
const BATCH = 256;

/** Maps a list through an async function, a batch at a time, keeping order. */
export async function mapInBatches<T, R>(list: readonly T[], fn: (item: T) => Promise<R>): Promise<R[]> {
  if (list.length <= BATCH) return Promise.all(list.map(fn));
  const out: R[] = new Array(list.length);
  for (let i = 0; i < list.length; i += BATCH) {
    const part = await Promise.all(list.slice(i, i + BATCH).map(fn));
    for (let j = 0; j < part.length; j++) out[i + j] = part[j]!;
  }
  return out;
}

export type Receiver = 'list' | 'string' | 'dict' | 'scalar';

export interface BuiltinFunction {
  /** What the function applies to. */
  on: readonly Receiver[];
  /** Allowed argument counts. */
  arity: readonly number[];
  doc: string;
  run(target: Value, args: readonly Node[], ctx: FunctionContext): Promise<Value>;
}

const PREDICATE_NAMES = new Set(['all', 'any', 'none', 'one', 'contains', 'containsAll', 'containsNone', 'containsOnly', 'in', 'notIn']);

/** Whether an argument reads as a condition on each element rather than a value to look for. */
export function isPredicateNode(node: Node): boolean {
  switch (node.type) {
    case 'binary':
      return ['==', '!=', '=~', '!~', '<', '<=', '>', '>=', '&&', '||'].includes(node.op);
    case 'unary':
      return node.op === '!';
    case 'call':
      return PREDICATE_NAMES.has(node.name);
    default:
      return false;
  }
}

const nullList = (name: string) => new ErrorValue(`${name}() cannot decide on a list that is null (the data is not there)`);

async function filter(list: Value[], pred: Node, ctx: FunctionContext): Promise<Value[] | ErrorValue> {
  const verdicts = await mapInBatches(list, (e) => ctx.withElement(pred, e));
  const err = verdicts.find((v): v is ErrorValue => v instanceof ErrorValue);
  if (err) return err;
  return list.filter((_, i) => isTruthy(verdicts[i]!));
}

async function listArg(args: readonly Node[], ctx: FunctionContext, name: string): Promise<Value[] | ErrorValue> {
  const v = await ctx.value(args[0]!);
  if (v instanceof ErrorValue) return v;
  if (v === EMPTY || v === null) return [];
  if (!Array.isArray(v)) return ctx.fail(`${name}() takes a list, such as ["a", "b"]`);
  return v;
}

const predicate =
  (name: string, decide: (matching: number, total: number) => boolean): BuiltinFunction['run'] =>
  async (target, args, ctx) => {
    if (target === null) return nullList(name);
    const list = target as Value[];
    const matched = await filter(list, args[0]!, ctx);
    if (matched instanceof ErrorValue) return matched;
    ctx.matched?.(matched);
    return decide(matched.length, list.length);
  };

export const FUNCTIONS: Readonly<Record<string, BuiltinFunction>> = {
  where: {
    on: ['list'],
    arity: [1],
    doc: 'the elements for which the condition holds',
    run: async (target, args, ctx) => (target === null ? null : filter(target as Value[], args[0]!, ctx)),
  },
  all: { on: ['list'], arity: [1], doc: 'true when every element meets the condition (an empty list: true)', run: predicate('all', (m, t) => m === t) },
  any: { on: ['list'], arity: [1], doc: 'true when at least one element meets the condition', run: predicate('any', (m) => m > 0) },
  none: { on: ['list'], arity: [1], doc: 'true when no element meets the condition (an empty list: true)', run: predicate('none', (m) => m === 0) },
  one: { on: ['list'], arity: [1], doc: 'true when exactly one element meets the condition', run: predicate('one', (m) => m === 1) },
  contains: {
    on: ['list', 'string'],
    arity: [1],
    doc: 'lists: an element meets the condition or equals the value; strings: holds the text (or any of a list of texts)',
    run: async (target, args, ctx) => {
      if (target === null) return nullList('contains');
      if (typeof target === 'string') {
        const needle = await ctx.value(args[0]!);
        if (needle instanceof ErrorValue) return needle;
        const needles = Array.isArray(needle) ? needle : [needle];
        return needles.some((n) => typeof n === 'string' && target.includes(n));
      }
      const list = target as Value[];
      if (isPredicateNode(args[0]!)) {
        const matched = await filter(list, args[0]!, ctx);
        return matched instanceof ErrorValue ? matched : matched.length > 0;
      }
      const needle = await ctx.value(args[0]!);
      if (needle instanceof ErrorValue) return needle;
      return list.some((e) => looseEquals(e, needle));
    },
  },
  containsAll: {
    on: ['list'],
    arity: [1],
    doc: 'true when the list holds every value of the given list',
    run: async (target, args, ctx) => {
      if (target === null) return nullList('containsAll');
      const wanted = await listArg(args, ctx, 'containsAll');
      if (wanted instanceof ErrorValue) return wanted;
      return wanted.every((w) => (target as Value[]).some((e) => looseEquals(e, w)));
    },
  },
  containsNone: {
    on: ['list'],
    arity: [1],
    doc: 'true when the list holds none of the values of the given list',
    run: async (target, args, ctx) => {
      if (target === null) return nullList('containsNone');
      const unwanted = await listArg(args, ctx, 'containsNone');
      if (unwanted instanceof ErrorValue) return unwanted;
      return !(target as Value[]).some((e) => unwanted.some((u) => looseEquals(e, u)));
    },
  },
  containsOnly: {
    on: ['list'],
    arity: [1],
    doc: 'true when every element of the list is one of the given values',
    run: async (target, args, ctx) => {
      if (target === null) return nullList('containsOnly');
      const allowed = await listArg(args, ctx, 'containsOnly');
      if (allowed instanceof ErrorValue) return allowed;
      return (target as Value[]).every((e) => allowed.some((a) => looseEquals(e, a)));
    },
  },
  in: {
    on: ['scalar', 'string', 'list'],
    arity: [1],
    doc: 'true when the value is one of the given list (for a list: every element is)',
    run: async (target, args, ctx) => {
      const options = await listArg(args, ctx, 'in');
      if (options instanceof ErrorValue) return options;
      const values = Array.isArray(target) ? target : [target];
      return values.every((v) => options.some((o) => looseEquals(v, o)));
    },
  },
  notIn: {
    on: ['scalar', 'string', 'list'],
    arity: [1],
    doc: 'true when the value is none of the given list',
    run: async (target, args, ctx) => {
      const options = await listArg(args, ctx, 'notIn');
      if (options instanceof ErrorValue) return options;
      const values = Array.isArray(target) ? target : [target];
      return !values.some((v) => options.some((o) => looseEquals(v, o)));
    },
  },
  map: {
    on: ['list'],
    arity: [1],
    doc: 'the value of the expression for each element',
    run: async (target, args, ctx) => {
      if (target === null) return null;
      const out = await Promise.all((target as Value[]).map((e) => ctx.withElement(args[0]!, e)));
      return out.find((v) => v instanceof ErrorValue) ?? out;
    },
  },
  length: {
    on: ['list', 'string', 'dict'],
    arity: [0],
    doc: 'how many elements, characters or keys',
    run: async (target) => (target === null ? null : Array.isArray(target) || typeof target === 'string' ? target.length : Object.keys(target as object).length),
  },
  first: { on: ['list'], arity: [0], doc: 'the first element (null for an empty list)', run: async (t) => (t === null ? null : ((t as Value[])[0] ?? null)) },
  last: { on: ['list'], arity: [0], doc: 'the last element (null for an empty list)', run: async (t) => (t === null ? null : ((t as Value[]).at(-1) ?? null)) },
  keys: { on: ['dict'], arity: [0], doc: "the dict's keys", run: async (t) => (t === null ? null : Object.keys(t as object)) },
  values: { on: ['dict'], arity: [0], doc: "the dict's values", run: async (t) => (t === null ? null : Object.values(t as object) as Value[]) },
  downcase: { on: ['string'], arity: [0], doc: 'the text in lower case', run: async (t) => (t === null ? null : (t as string).toLowerCase()) },
  upcase: { on: ['string'], arity: [0], doc: 'the text in upper case', run: async (t) => (t === null ? null : (t as string).toUpperCase()) },
  trim: { on: ['string'], arity: [0, 1], doc: 'the text without surrounding spaces (or the given characters)', run: async (t, args, ctx) => {
    if (t === null) return null;
    if (args.length === 0) return (t as string).trim();
    const chars = await ctx.value(args[0]!);
    if (typeof chars !== 'string') return ctx.fail('trim() takes the characters to remove as a string');
    const set = new Set(chars);
    let s = t as string;
    while (s && set.has(s[0]!)) s = s.slice(1);
    while (s && set.has(s.at(-1)!)) s = s.slice(0, -1);
    return s;
  } },
  split: {
    on: ['string'],
    arity: [1],
    doc: 'the parts of the text between separators',
    run: async (t, args, ctx) => {
      if (t === null) return null;
      const sep = await ctx.value(args[0]!);
      if (typeof sep !== 'string') return ctx.fail('split() takes the separator as a string');
      return (t as string).split(sep);
    },
  },
};

/** The kind of receiver a value is, for looking up functions. */
export function receiverOf(v: Value): Receiver | undefined {
  if (v === null) return undefined;
  if (Array.isArray(v)) return 'list';
  if (typeof v === 'string') return 'string';
  if (isDict(v)) return 'dict';
  if (isResource(v)) return undefined;
  return 'scalar';
}

