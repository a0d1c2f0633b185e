// The shape of the declarative `okta.*` resource schema: each resource's fields, their MQL types,
// and where each value comes from (the object's own JSON, or a read through the Okta client).
import type { Value } from '../mql/values.js';

export type ScalarType = 'string' | 'int' | 'bool' | 'time' | 'dict';

export type FieldType = ScalarType | { list: FieldType } | { resource: string };

/** Reads through the client: `path` is a catalogued endpoint template. */
export interface ReadSource {
  /** Endpoint path, e.g. `/api/v1/users/{userId}/factors` (may carry a query). */
  read: string;
  /** Template parameters, filled from this object's JSON (dot paths). */
  params?: Readonly<Record<string, string>>;
  /** A dot path into the answer. */
  pick?: string;
  /** Turns the (picked) answer into the field's value; `owner` is this object's JSON. */
  transform?: (value: unknown, owner: Record<string, unknown>) => unknown;
}

/** Reads from the object's own JSON. */
export interface JsonSource {
  /** Dot path into the object's JSON (empty: the whole object). */
  json: string;
  transform?: (value: unknown, owner: Record<string, unknown>) => unknown;
}

/** Whatever a field needs that the two above cannot say (reads that chain, derived values). */
export interface ComputedSource {
  compute: (self: ResourceContext) => Promise<Value>;
}

export type FieldSource = ReadSource | JsonSource | ComputedSource;

export interface FieldSpec {
  readonly type: FieldType;
  readonly doc: string;
  /** Default: the JSON property of the same name. */
  readonly from?: FieldSource;
}

export interface ResourceSpec {
  readonly name: string;
  readonly doc: string;
  /** Fields shown when the resource is printed without a block. */
  readonly defaults: readonly string[];
  readonly fields: Readonly<Record<string, FieldSpec>>;
  /** For resources reached by name: the endpoint that holds their own JSON. */
  readonly load?: string;
  /** Dot path of the identity in the JSON (default `id`). */
  readonly identity?: string;
  /** Names people reach for that live elsewhere, for "did you mean" hints: `email` → `profile['email']`. */
  readonly aliases?: Readonly<Record<string, string>>;
}

/** What a computed field can use. */
export interface ResourceContext {
  /** The object's own JSON (loaded first if the resource loads lazily). */
  json(): Promise<Record<string, unknown> | import('../mql/values.js').ErrorValue>;
  /** Another field of the same resource. */
  field(name: string): Promise<Value>;
  /** Reads an endpoint and converts the answer to `type`. */
  read(path: string, type: FieldType, pick?: string): Promise<Value>;
  /** Wraps JSON as a resource of `type`; without JSON, the resource loads its own. */
  make(type: string, json?: Record<string, unknown>): Value;
}

export const typeLabel = (t: FieldType): string =>
  typeof t === 'string' ? t : 'list' in t ? `[]${typeLabel(t.list)}` : t.resource;
