// Cuts, from Okta's OpenAPI spec, the response schemas of the endpoints the simulator serves and
// every schema they reference, without prose and examples; then applies the documented additions.
import { ENDPOINTS } from '../../okta/endpoints.js';
import type { Schema, SchemaSet } from './schemaValidator.js';
import { ADDED_DISCRIMINATOR_TAGS, ADDED_PROPERTIES, ADDED_RESPONSES, ADDED_SCHEMAS } from './specGaps.js';

export interface SchemaBundle {
  /** `info.version` of the spec the bundle was cut from. */
  specVersion: string;
  /** The 200-response schema of each served endpoint, by endpoint path. */
  responses: Record<string, Schema>;
  schemas: SchemaSet;
}

interface OpenApiSpec {
  info: { version: string };
  paths: Record<string, { get?: { responses?: Record<string, { content?: Record<string, { schema?: Schema }> }> } }>;
  components: { schemas: Record<string, unknown> };
}

const KEPT = new Set([
  '$ref', 'type', 'nullable', 'enum', 'format', 'pattern', 'minimum', 'maximum', 'minLength', 'maxLength', 'minItems',
  'maxItems', 'items', 'properties', 'required', 'additionalProperties', 'allOf', 'oneOf', 'anyOf', 'discriminator',
  'writeOnly',
]);

/** Drops documentation keywords; keeps what validation needs. Property names are kept verbatim. */
function strip(schema: unknown): Schema {
  if (typeof schema !== 'object' || schema === null) return {};
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(schema)) {
    if (!KEPT.has(key)) continue;
    if (key === 'properties') {
      out.properties = Object.fromEntries(Object.entries(value as object).map(([k, v]) => [k, strip(v)]));
    } else if (key === 'items' || (key === 'additionalProperties' && typeof value === 'object')) {
      out[key] = strip(value);
    } else if (key === 'allOf' || key === 'oneOf' || key === 'anyOf') {
      out[key] = (value as unknown[]).map(strip);
    } else out[key] = value;
  }
  return out as Schema;
}

function collectRefs(schema: unknown, into: Set<string>): void {
  if (Array.isArray(schema)) schema.forEach((s) => collectRefs(s, into));
  else if (typeof schema === 'object' && schema !== null) {
    for (const [key, value] of Object.entries(schema)) {
      if ((key === '$ref' || key === 'target') && typeof value === 'string') into.add(value.split('/').pop()!);
      else if (key === 'mapping' && typeof value === 'object' && value) {
        Object.values(value).forEach((v) => into.add(String(v).split('/').pop()!));
      } else collectRefs(value, into);
    }
  }
}

function addDiscriminatorTags(schema: Schema): void {
  const visit = (s: unknown): void => {
    if (Array.isArray(s)) return s.forEach(visit);
    if (typeof s !== 'object' || s === null) return;
    const node = s as Schema;
    const mapping = node.discriminator?.mapping;
    if (mapping) {
      for (const add of ADDED_DISCRIMINATOR_TAGS) {
        if (Object.values(mapping).includes(add.whereMapped)) mapping[add.tag] = add.target;
      }
    }
    Object.values(node).forEach(visit);
  };
  visit(schema);
}

/** Adds the documented extra properties to a schema cut from the spec; fails once the spec has them. */
function addProperties(name: string, schema: Schema): void {
  for (const add of ADDED_PROPERTIES.filter((a) => a.schema === name)) {
    if (!schema.properties) throw new Error(`the spec's ${name} declares no properties; '${add.id}' in specGaps.ts cannot extend it`);
    if (schema.properties[add.property]) {
      throw new Error(`the spec now declares ${name}.${add.property}; remove '${add.id}' from specGaps.ts`);
    }
    schema.properties[add.property] = structuredClone(add.target);
  }
}

/** `addedProperties: false` cuts the spec's schemas without ADDED_PROPERTIES (to show each is needed). */
export function extractSchemas(spec: OpenApiSpec, options: { addedProperties?: boolean } = {}): SchemaBundle {
  const responses: Record<string, Schema> = {};
  const missing: string[] = [];
  for (const endpoint of ENDPOINTS) {
    const added = ADDED_RESPONSES[endpoint.path];
    const schema = added ?? spec.paths[endpoint.path]?.get?.responses?.['200']?.content?.['application/json']?.schema;
    if (schema) responses[endpoint.path] = added ? structuredClone(added) : strip(schema);
    else missing.push(endpoint.path);
  }
  if (missing.length) {
    throw new Error(`the spec has no 200 response schema for: ${missing.join(', ')} (add them to specGaps.ts)`);
  }

  const all: Record<string, unknown> = { ...spec.components.schemas, ...ADDED_SCHEMAS };
  const schemas: SchemaSet = {};
  const pending = new Set<string>();
  collectRefs(responses, pending);
  collectRefs(ADDED_DISCRIMINATOR_TAGS, pending);
  collectRefs(ADDED_SCHEMAS, pending);
  collectRefs(ADDED_PROPERTIES, pending);
  while (pending.size) {
    const name = pending.values().next().value as string;
    pending.delete(name);
    if (schemas[name]) continue;
    const source = all[name];
    if (!source) throw new Error(`the spec references the schema ${name}, which it does not define`);
    schemas[name] = strip(source);
    if (options.addedProperties !== false) addProperties(name, schemas[name]);
    const refs = new Set<string>();
    collectRefs(schemas[name], refs);
    refs.forEach((r) => schemas[r] || pending.add(r));
  }
  const unused = ADDED_PROPERTIES.filter((a) => !schemas[a.schema]).map((a) => a.id);
  if (unused.length) throw new Error(`no served endpoint reaches the schema these spec additions extend: ${unused.join(', ')}`);
  const sorted = Object.fromEntries(Object.keys(schemas).sort().map((k) => [k, schemas[k]!]));
  const bundle = { specVersion: spec.info.version, responses, schemas: sorted };
  addDiscriminatorTags(bundle as unknown as Schema);
  return bundle;
}
