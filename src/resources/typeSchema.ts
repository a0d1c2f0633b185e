// The resource schema as the MQL checker sees it: the fields of each resource and their types.
import type { MqlType, TypeSchema } from '../mql/checker.js';
import { RESOURCE_SPECS } from './schema/index.js';
import type { FieldType } from './types.js';

const toMql = (t: FieldType): MqlType => (typeof t === 'string' ? t : 'list' in t ? { list: toMql(t.list) } : { resource: t.resource });

const FIELDS: Record<string, Record<string, MqlType>> = Object.fromEntries(
  Object.values(RESOURCE_SPECS).map((spec) => [spec.name, Object.fromEntries(Object.entries(spec.fields).map(([k, f]) => [k, toMql(f.type)]))]),
);

export function oktaTypeSchema(props?: ReadonlySet<string>): TypeSchema {
  return {
    fields: (resource) => FIELDS[resource],
    aliases: (resource) => RESOURCE_SPECS[resource]?.aliases,
    globals: { okta: { resource: 'okta' }, asset: { resource: 'asset' } },
    props,
  };
}
