// The JSON report's schema, version REPORT_SCHEMA_VERSION: written once here, checked against
// every report in the tests, and published as a standard JSON Schema (docs/report.schema.json).
import type { Schema, SchemaSet } from '../simulator/conformance/schemaValidator.js';
import { REPORT_SCHEMA_VERSION } from './report.js';
import { RATINGS } from '../policy/scoring.js';
import { PROJECT_URL } from '../version.js';

const ref = (name: string): Schema => ({ $ref: `#/components/schemas/${name}` });
const str: Schema = { type: 'string' };
const int = (minimum = 0, maximum?: number): Schema => ({ type: 'integer', minimum, ...(maximum === undefined ? {} : { maximum }) });
const STATUSES = ['pass', 'fail', 'error', 'skip', 'waived'];
const counts = (keys: string[]): Schema => ({ type: 'object', required: keys, properties: Object.fromEntries(keys.map((k) => [k, int()])), additionalProperties: false });

export const REPORT_SCHEMAS: SchemaSet = {
  Report: {
    type: 'object',
    additionalProperties: false,
    required: ['schemaVersion', 'tool', 'organization', 'asset', 'scannedAt', 'riskScore', 'rating', 'counts', 'failuresByImpact', 'policies', 'checks', 'props', 'requests', 'durations', 'warnings'],
    properties: {
      schemaVersion: { type: 'string', enum: [REPORT_SCHEMA_VERSION] },
      tool: { type: 'object', additionalProperties: false, required: ['name', 'version'], properties: { name: { type: 'string', enum: ['okta-posture'] }, version: str } },
      organization: str,
      asset: str,
      scannedAt: { type: 'string', format: 'date-time' },
      riskScore: { ...int(0, 100), nullable: true },
      rating: { type: 'string', enum: [...RATINGS, 'unrated'] },
      counts: counts(STATUSES),
      failuresByImpact: counts([...RATINGS]),
      policies: { type: 'array', items: ref('Policy') },
      checks: { type: 'array', items: ref('Check') },
      props: { type: 'object', additionalProperties: true },
      requests: {
        type: 'object',
        additionalProperties: false,
        required: ['total', 'byEndpoint', 'retries', 'rateLimitWaitMs'],
        properties: { total: int(), byEndpoint: { type: 'object', additionalProperties: int() }, retries: int(), rateLimitWaitMs: int() },
      },
      durations: { type: 'object', additionalProperties: false, required: ['totalMs'], properties: { totalMs: int() } },
      warnings: { type: 'array', items: ref('Warning') },
    },
  },
  Policy: {
    type: 'object',
    additionalProperties: false,
    required: ['uid', 'name', 'scoringSystem', 'score', 'riskScore', 'checks'],
    properties: {
      uid: str,
      name: str,
      version: str,
      scoringSystem: { type: 'string', enum: ['highest impact', 'average', 'weighted', 'banded', 'decayed', 'ignore score'] },
      score: { ...int(0, 100), nullable: true },
      riskScore: { ...int(0, 100), nullable: true },
      checks: { type: 'array', items: str },
    },
  },
  Check: {
    type: 'object',
    additionalProperties: false,
    required: ['uid', 'title', 'impact', 'impactRating', 'status', 'risk', 'failingResources', 'docs', 'refs', 'tags', 'policies', 'source'],
    properties: {
      uid: str,
      variant: str,
      title: str,
      impact: int(0, 100),
      impactRating: { type: 'string', enum: [...RATINGS] },
      status: { type: 'string', enum: STATUSES },
      risk: int(0, 100),
      failingResources: {
        type: 'array',
        items: { type: 'object', additionalProperties: false, required: ['type', 'id', 'name'], properties: { type: str, id: str, name: str } },
      },
      message: str,
      needs: str,
      waiver: {
        type: 'object',
        additionalProperties: false,
        required: ['reason', 'expired'],
        properties: { reason: str, owner: str, expires: { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' }, expired: { type: 'boolean' }, uncovered: { type: 'array', items: str } },
      },
      docs: {
        type: 'object',
        additionalProperties: false,
        required: ['remediation'],
        properties: {
          desc: str,
          audit: str,
          remediation: { type: 'array', items: { type: 'object', additionalProperties: false, required: ['id', 'desc'], properties: { id: str, desc: str } } },
        },
      },
      refs: { type: 'array', items: { type: 'object', additionalProperties: false, required: ['url'], properties: { url: str, title: str } } },
      tags: { type: 'object', additionalProperties: str },
      policies: { type: 'array', items: str },
      source: {
        type: 'object',
        additionalProperties: false,
        required: ['file', 'line', 'column', 'builtIn'],
        properties: { file: str, line: int(1), column: int(1), builtIn: { type: 'boolean' } },
      },
      mql: str,
    },
  },
  Warning: {
    type: 'object',
    additionalProperties: false,
    required: ['file', 'line', 'column', 'message'],
    properties: { file: str, line: int(1), column: int(1), message: str },
  },
};

/** The schema as a standard JSON Schema (draft 2020-12) document. */
export function reportJsonSchema(): object {
  const convert = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(convert);
    if (typeof value !== 'object' || value === null) return value;
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      if (k === '$ref') out.$ref = String(v).replace('#/components/schemas/', '#/$defs/');
      else if (k === 'nullable') continue;
      else out[k] = convert(v);
    }
    if ((value as Schema).nullable) out.type = [(value as Schema).type, 'null'];
    return out;
  };
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: `${PROJECT_URL}/blob/main/docs/report.schema.json`,
    title: `okta-posture JSON report, schema version ${REPORT_SCHEMA_VERSION}`,
    $ref: '#/$defs/Report',
    $defs: convert(REPORT_SCHEMAS),
  };
}
