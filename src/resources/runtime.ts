// Resource instances for the evaluator. A field is resolved once per instance from the schema:
// JSON of the object, a read through the Okta client, or a computation; values are converted to
// the field's MQL type, and data that cannot be read becomes an error value saying why.
import type { Outcome } from '../okta/outcome.js';
import { ErrorValue, MqlTime, type ResourceValue, type Value } from '../mql/values.js';
import type { FieldSource, FieldType, ResourceContext, ResourceSpec } from './types.js';

/** Where resources get their data: the Okta client's `read`. */
export interface DataSource {
  read(path: string): Promise<Outcome<unknown>>;
}

export function outcomeToValue(outcome: Outcome<unknown>): unknown | ErrorValue {
  switch (outcome.kind) {
    case 'data':
      return outcome.value;
    case 'unavailable':
      return new ErrorValue(outcome.reason, 'unavailable');
    case 'forbidden':
      return new ErrorValue(`${outcome.reason}; needs ${outcome.needs}`, 'forbidden', outcome.needs);
    case 'failed':
      return new ErrorValue(outcome.error.message, 'failed');
  }
}

export function dig(value: unknown, path: string | undefined): unknown {
  if (!path) return value;
  let v = value;
  for (const part of path.split('.')) {
    if (typeof v !== 'object' || v === null) return null;
    v = (v as Record<string, unknown>)[part];
  }
  return v === undefined ? null : v;
}

/** Fills `{name}` in an endpoint template from the object's JSON; undefined when a value is missing. */
function fillPath(template: string, params: Readonly<Record<string, string>> | undefined, json: Record<string, unknown>): string | undefined {
  let missing = false;
  const path = template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const v = dig(json, params?.[name] ?? name);
    if (typeof v !== 'string' && typeof v !== 'number') missing = true;
    return encodeURIComponent(String(v));
  });
  return missing ? undefined : path;
}

export class ResourceGraph {
  private readonly instances = new Map<string, Instance>();

  constructor(
    readonly specs: Readonly<Record<string, ResourceSpec>>,
    readonly data: DataSource,
  ) {}

  spec(type: string): ResourceSpec {
    const spec = this.specs[type];
    if (!spec) throw new Error(`the resource schema has no ${type}`);
    return spec;
  }

  /** The instance of `type` for this JSON, shared by every list the object appears in. */
  instance(type: string, json: Record<string, unknown> | undefined): ResourceValue {
    const spec = this.spec(type);
    const id = json ? String(dig(json, spec.identity ?? 'id') ?? '') : '';
    const key = `${type}\u0000${id || (json ? JSON.stringify(json) : '')}`;
    let found = this.instances.get(key);
    if (!found) this.instances.set(key, (found = new Instance(this, spec, id || type, json)));
    return found;
  }

  /** Converts JSON (or an error) to a field's MQL type. */
  convert(raw: unknown, type: FieldType): Value {
    if (raw instanceof ErrorValue) return raw;
    if (raw === null || raw === undefined) return null;
    if (typeof type === 'string') {
      switch (type) {
        case 'string':
          return typeof raw === 'string' ? raw : typeof raw === 'number' || typeof raw === 'boolean' ? String(raw) : JSON.stringify(raw);
        case 'int':
          return typeof raw === 'number' ? raw : typeof raw === 'string' && raw.trim() !== '' && Number.isFinite(Number(raw)) ? Number(raw) : null;
        case 'bool':
          return typeof raw === 'boolean' ? raw : raw === 'true' ? true : raw === 'false' ? false : null;
        case 'time': {
          const ms = typeof raw === 'string' ? Date.parse(raw) : Number.NaN;
          return Number.isFinite(ms) ? new MqlTime(ms) : new ErrorValue(`'${String(raw).slice(0, 40)}' is not a time`);
        }
        case 'dict':
          return raw as Value;
      }
    }
    if ('list' in type) {
      if (!Array.isArray(raw)) return new ErrorValue(`expected a list, Okta answered with ${typeof raw}`);
      return raw.map((item) => this.convert(item, type.list));
    }
    if (typeof raw !== 'object' || Array.isArray(raw)) return new ErrorValue(`expected an object for ${type.resource}`);
    return this.instance(type.resource, raw as Record<string, unknown>);
  }

  async read(path: string, type: FieldType, pick?: string, transform?: (v: unknown) => unknown): Promise<Value> {
    const raw = outcomeToValue(await this.data.read(path));
    if (raw instanceof ErrorValue) return raw;
    const picked = dig(raw, pick);
    return this.convert(transform ? transform(picked) : picked, type);
  }
}

class Instance implements ResourceValue {
  readonly kind = 'resource';
  readonly type: string;
  private readonly cache = new Map<string, Promise<Value>>();
  private own?: Promise<Record<string, unknown> | ErrorValue>;

  constructor(
    private readonly graph: ResourceGraph,
    private readonly spec: ResourceSpec,
    readonly id: string,
    json: Record<string, unknown> | undefined,
  ) {
    this.type = spec.name;
    if (json) this.own = Promise.resolve(json);
  }

  fieldNames(): readonly string[] {
    return Object.keys(this.spec.fields);
  }

  hasField(name: string): boolean {
    return Object.hasOwn(this.spec.fields, name);
  }

  defaultFields(): readonly string[] {
    return this.spec.defaults;
  }

  field(name: string): Promise<Value> {
    let pending = this.cache.get(name);
    if (!pending) {
      pending = this.resolve(name);
      this.cache.set(name, pending);
    }
    return pending;
  }

  private json(): Promise<Record<string, unknown> | ErrorValue> {
    this.own ??= this.spec.load
      ? this.graph.data.read(this.spec.load).then((o) => {
          const v = outcomeToValue(o);
          return v instanceof ErrorValue ? v : typeof v === 'object' && v !== null ? (v as Record<string, unknown>) : new ErrorValue(`${this.spec.load} did not answer with an object`);
        })
      : Promise.resolve({});
    return this.own;
  }

  private context(): ResourceContext {
    return {
      json: () => this.json(),
      field: (n) => this.field(n),
      read: (path, type, pick) => this.graph.read(path, type, pick),
      make: (type, json) => this.graph.instance(type, json),
    };
  }

  private async resolve(name: string): Promise<Value> {
    const field = this.spec.fields[name];
    if (!field) throw new Error(`${this.type} has no field ${name}`);
    const from: FieldSource = field.from ?? { json: name };
    if ('compute' in from) return from.compute(this.context());
    const json = await this.json();
    if (json instanceof ErrorValue) return json;
    if ('json' in from) {
      const raw = dig(json, from.json);
      return this.graph.convert(from.transform ? from.transform(raw, json) : raw, field.type);
    }
    const path = fillPath(from.read, from.params, json);
    if (path === undefined) return null;
    const transform = from.transform;
    return this.graph.read(path, field.type, from.pick, transform && ((v) => transform(v, json)));
  }
}
