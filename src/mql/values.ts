// Runtime values of MQL: JSON-like scalars, lists and dicts, plus times, durations, resources,
// block results and error values. Errors are values so they can travel to the assertion that
// depends on them and make it an error instead of a pass.

export class MqlTime {
  constructor(readonly ms: number) {}
}

/** A span of time: `time.day`, `3 * time.hour`, `time.now - created`. */
export class MqlDuration {
  constructor(readonly ms: number) {}
}

export type ErrorKind = 'unavailable' | 'forbidden' | 'failed' | 'runtime';

/** Data that could not be read, or an operation that could not be done. */
export class ErrorValue {
  constructor(
    readonly message: string,
    readonly kind: ErrorKind = 'runtime',
    /** For `forbidden`: the admin role, scope or credential that would allow the read. */
    readonly needs?: string,
  ) {}
}

export interface BlockEntry {
  /** The statement as written, e.g. `validationStatus == "COMPLETED"`. */
  readonly label: string;
  readonly value: Value;
  /** Whether the statement is an assertion (its result is a verdict, not data). */
  readonly assertion: boolean;
}

/** The result of `subject { … }` on one subject. */
export class BlockValue {
  constructor(
    readonly entries: readonly BlockEntry[],
    /** The resource or dict the block was applied to. */
    readonly subject?: Value,
  ) {}
}

/** A resource (`okta.user`, …) whose fields are read on demand. */
export interface ResourceValue {
  readonly kind: 'resource';
  readonly type: string;
  /** Stable identity, used for equality and caching. */
  readonly id: string;
  /** Whether the resource has this field (cheaper than searching fieldNames()). */
  hasField?(name: string): boolean;
  field(name: string): Promise<Value>;
  fieldNames(): readonly string[];
  defaultFields(): readonly string[];
}

export type Dict = { [key: string]: Value };

export type Value =
  | null
  | boolean
  | number
  | string
  | RegExp
  | MqlTime
  | MqlDuration
  | Value[]
  | Dict
  | ResourceValue
  | BlockValue
  | ErrorValue;

export const isResource = (v: Value): v is ResourceValue =>
  typeof v === 'object' && v !== null && (v as { kind?: unknown }).kind === 'resource' && typeof (v as ResourceValue).field === 'function';

export const isDict = (v: Value): v is Dict =>
  typeof v === 'object' &&
  v !== null &&
  !Array.isArray(v) &&
  Object.getPrototypeOf(v) === Object.prototype &&
  !isResource(v);

export const isError = (v: Value): v is ErrorValue => v instanceof ErrorValue;

/** The MQL type name of a value, for messages. */
export function typeName(v: Value): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'list';
  if (v instanceof RegExp) return 'regex';
  if (v instanceof MqlTime) return 'time';
  if (v instanceof MqlDuration) return 'duration';
  if (v instanceof BlockValue) return 'block';
  if (v instanceof ErrorValue) return 'error';
  if (isResource(v)) return v.type;
  if (typeof v === 'object') return 'dict';
  if (typeof v === 'number') return Number.isInteger(v) ? 'int' : 'float';
  return typeof v;
}

/** The first error among values, so that errors propagate through operations. */
export function firstError(...values: Value[]): ErrorValue | undefined {
  return values.find(isError) as ErrorValue | undefined;
}
