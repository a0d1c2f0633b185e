// Validates JSON values against OpenAPI 3.0 schemas as Okta's spec writes them: `nullable`,
// `discriminator` mappings (dispatched, never tried branch by branch), `allOf` inheritance,
// Java-style `(?i)` patterns, and properties the schema does not declare (reported, because a
// misspelt key in a fixture is exactly the mistake this guards against).

export interface Schema {
  $ref?: string;
  type?: string;
  nullable?: boolean;
  enum?: unknown[];
  format?: string;
  pattern?: string;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
  additionalProperties?: boolean | Schema;
  allOf?: Schema[];
  oneOf?: Schema[];
  anyOf?: Schema[];
  discriminator?: { propertyName: string; mapping?: Record<string, string> };
  writeOnly?: boolean;
}

export type SchemaSet = Record<string, Schema>;

export interface Problem {
  /** JSON path of the offending value, e.g. `$[3].settings.password`. */
  path: string;
  message: string;
}

const REF_PREFIX = '#/components/schemas/';
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

const typeOf = (v: unknown): string =>
  v === null ? 'null' : Array.isArray(v) ? 'array' : Number.isInteger(v) ? 'integer' : typeof v;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export class SchemaValidator {
  private readonly patterns = new Map<string, RegExp | null>();

  constructor(private readonly schemas: SchemaSet) {}

  validate(value: unknown, schema: Schema, path = '$'): Problem[] {
    const problems: Problem[] = [];
    this.node(value, schema, path, problems, new Set(), true);
    return problems;
  }

  private resolve(schema: Schema): { schema: Schema; name?: string } {
    let name: string | undefined;
    let current = schema;
    for (let depth = 0; current.$ref; depth++) {
      if (depth > 32) throw new Error(`$ref cycle at ${current.$ref}`);
      if (!current.$ref.startsWith(REF_PREFIX)) throw new Error(`unsupported $ref ${current.$ref}`);
      name = current.$ref.slice(REF_PREFIX.length);
      const target = this.schemas[name];
      if (!target) throw new Error(`the schema ${name} is missing`);
      current = target;
    }
    return { schema: current, name };
  }

  /** Every property name a schema declares, through `allOf`; `null` when it allows any. */
  private declared(schema: Schema, seen = new Set<Schema>()): Set<string> | null {
    const { schema: s } = this.resolve(schema);
    if (seen.has(s)) return new Set();
    seen.add(s);
    if (s.additionalProperties !== undefined && s.additionalProperties !== false) return null;
    // Alternatives, and `type: object` with no properties, leave the keys open.
    if (s.oneOf || s.anyOf) return null;
    if (!s.properties && !s.allOf) return s.type ? null : new Set();
    const names = new Set(Object.keys(s.properties ?? {}));
    for (const part of s.allOf ?? []) {
      const inner = this.declared(part, seen);
      if (inner === null) return null;
      inner.forEach((n) => names.add(n));
    }
    return names;
  }

  private node(
    value: unknown,
    input: Schema,
    path: string,
    problems: Problem[],
    dispatched: ReadonlySet<string>,
    checkUnknown: boolean,
  ): void {
    const { schema, name } = this.resolve(input);

    if (schema.discriminator && isObject(value) && !(name && dispatched.has(name))) {
      const tag = value[schema.discriminator.propertyName];
      const target = typeof tag === 'string' ? schema.discriminator.mapping?.[tag] : undefined;
      if (target) {
        const next = new Set(dispatched);
        if (name) next.add(name);
        this.node(value, { $ref: target }, path, problems, next, checkUnknown);
        return;
      }
      if (schema.discriminator.mapping && !schema.oneOf && !schema.anyOf) {
        // A base schema with a mapping: an unmapped tag is validated against the base itself.
      } else if (schema.discriminator.mapping) {
        problems.push({
          path: `${path}.${schema.discriminator.propertyName}`,
          message: `${JSON.stringify(tag)} is not one of ${Object.keys(schema.discriminator.mapping).join(', ')}`,
        });
        return;
      }
    }

    if (value === null) {
      if (schema.nullable || schema.enum?.includes(null)) return;
      if (schema.type || schema.properties || schema.enum) {
        problems.push({ path, message: `is null, but the schema does not allow null` });
        return;
      }
    }

    for (const part of schema.allOf ?? []) {
      this.node(value, part, path, problems, name ? new Set([...dispatched, name]) : dispatched, false);
    }

    const alternatives = schema.oneOf ?? schema.anyOf;
    if (alternatives) {
      const attempts = alternatives.map((alt) => {
        const inner: Problem[] = [];
        this.node(value, alt, path, inner, dispatched, true);
        return inner;
      });
      if (!attempts.some((a) => a.length === 0)) {
        const best = attempts.reduce((a, b) => (b.length < a.length ? b : a));
        problems.push(...best);
      }
    }

    if (schema.enum && value !== null && !schema.enum.some((e) => e === value)) {
      problems.push({ path, message: `${JSON.stringify(value)} is not one of ${schema.enum.map((e) => JSON.stringify(e)).join(', ')}` });
    }

    if (schema.type) {
      const actual = typeOf(value);
      const ok =
        schema.type === actual ||
        (schema.type === 'number' && actual === 'integer') ||
        (schema.type === 'object' && actual === 'object');
      if (!ok) {
        problems.push({ path, message: `expected ${schema.type}, got ${actual}` });
        return;
      }
    }

    if (typeof value === 'string') this.string(value, schema, path, problems);
    if (typeof value === 'number') {
      if (schema.minimum !== undefined && value < schema.minimum) problems.push({ path, message: `${value} is below the minimum ${schema.minimum}` });
      if (schema.maximum !== undefined && value > schema.maximum) problems.push({ path, message: `${value} is above the maximum ${schema.maximum}` });
    }
    if (Array.isArray(value)) {
      if (schema.minItems !== undefined && value.length < schema.minItems) problems.push({ path, message: `has ${value.length} items, fewer than ${schema.minItems}` });
      if (schema.maxItems !== undefined && value.length > schema.maxItems) problems.push({ path, message: `has ${value.length} items, more than ${schema.maxItems}` });
      if (schema.items) value.forEach((item, i) => this.node(item, schema.items!, `${path}[${i}]`, problems, new Set(), true));
    }
    if (isObject(value)) this.object(value, schema, path, problems, checkUnknown);
  }

  private string(value: string, schema: Schema, path: string, problems: Problem[]): void {
    if (schema.format === 'date-time' && !DATE_TIME.test(value)) problems.push({ path, message: `${JSON.stringify(value)} is not an ISO 8601 date-time` });
    if (schema.minLength !== undefined && value.length < schema.minLength) problems.push({ path, message: `is shorter than ${schema.minLength} characters` });
    if (schema.maxLength !== undefined && value.length > schema.maxLength) problems.push({ path, message: `is longer than ${schema.maxLength} characters` });
    if (schema.pattern) {
      const re = this.pattern(schema.pattern);
      if (re && !re.test(value)) problems.push({ path, message: `${JSON.stringify(value)} does not match the pattern ${schema.pattern}` });
    }
  }

  private pattern(source: string): RegExp | null {
    if (!this.patterns.has(source)) {
      let re: RegExp | null;
      try {
        re = source.startsWith('(?i)') ? new RegExp(source.slice(4), 'iu') : new RegExp(source, 'u');
      } catch {
        re = null; // A pattern JavaScript cannot compile is not held against the value.
      }
      this.patterns.set(source, re);
    }
    return this.patterns.get(source)!;
  }

  private object(value: Record<string, unknown>, schema: Schema, path: string, problems: Problem[], checkUnknown: boolean): void {
    for (const key of schema.required ?? []) {
      if (!(key in value)) problems.push({ path, message: `is missing the required property "${key}"` });
    }
    const props = schema.properties ?? {};
    for (const [key, child] of Object.entries(value)) {
      const childPath = /^[A-Za-z_$][\w$]*$/.test(key) ? `${path}.${key}` : `${path}[${JSON.stringify(key)}]`;
      const propSchema = props[key];
      if (propSchema) {
        if (this.resolve(propSchema).schema.writeOnly) problems.push({ path: childPath, message: 'is write-only and must not appear in a response' });
        else this.node(child, propSchema, childPath, problems, new Set(), true);
      } else if (typeof schema.additionalProperties === 'object') {
        this.node(child, schema.additionalProperties, childPath, problems, new Set(), true);
      }
    }
    if (checkUnknown && (schema.properties || schema.allOf)) {
      const declared = this.declared(schema);
      if (declared) {
        for (const key of Object.keys(value)) {
          if (!declared.has(key)) problems.push({ path, message: `has the property "${key}", which the schema does not declare` });
        }
      }
    }
  }
}
