// The JSON report: its top-level names, statuses and counts agree with the scan, and the version
// it names is package.json's.
import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { REPORT_SCHEMA_VERSION } from '../../src/report/report.js';
import { REPORT_SCHEMAS, reportJsonSchema } from '../../src/report/reportSchema.js';
import { SchemaValidator } from '../../src/simulator/conformance/schemaValidator.js';
import { VERSION } from '../../src/version.js';
import { ROOT } from '../helpers/cli.js';
import { reportOf } from '../helpers/report.js';

describe('the JSON report', () => {
  it('carries the documented top-level names and agrees with itself', async () => {
    const r = await reportOf('demo');
    expect(Object.keys(r)).toEqual(['schemaVersion', 'tool', 'organization', 'asset', 'scannedAt', 'riskScore', 'rating', 'counts', 'failuresByImpact', 'policies', 'checks', 'props', 'requests', 'durations', 'warnings']);
    expect(r.schemaVersion).toBe(REPORT_SCHEMA_VERSION);
    expect(r).toMatchObject({ organization: 'demo.okta.com', riskScore: 90, rating: 'critical', counts: { pass: 15, fail: 72, error: 0, skip: 0, waived: 0 } });
    expect(r.checks.filter((c) => c.status === 'fail').every((c) => c.risk === c.impact)).toBe(true);
    expect(r.checks.filter((c) => c.status !== 'fail').every((c) => c.risk === 0)).toBe(true);
    expect(Object.values(r.failuresByImpact).reduce((a, b) => a + b, 0)).toBe(72);
    expect(r.checks.every((c) => c.source.builtIn && c.source.line > 0)).toBe(true);
    expect(r.requests.total).toBe(Object.values(r.requests.byEndpoint).reduce((a, b) => a + b, 0));
    expect(r.requests.total).toBeGreaterThan(50);
    expect(JSON.parse(JSON.stringify(r))).toEqual(r);
  });

  it("names package.json's version", () => {
    expect(VERSION).toBe((JSON.parse(readFileSync(`${ROOT}/package.json`, 'utf8')) as { version: string }).version);
  });
});

describe('the report schema', () => {
  const validator = new SchemaValidator(REPORT_SCHEMAS);

  it.each(['demo', 'classic', 'hardened'])('validates the report of the %s org', async (org) => {
    const report = JSON.parse(JSON.stringify(await reportOf(org))) as unknown;
    expect(validator.validate(report, REPORT_SCHEMAS.Report!)).toEqual([]);
  });

  it('rejects a report that breaks it', async () => {
    const report = JSON.parse(JSON.stringify(await reportOf('demo'))) as { checks: Array<Record<string, unknown>>; extra?: number };
    report.checks[0]!.status = 'passed';
    report.extra = 1;
    const problems = validator.validate(report, REPORT_SCHEMAS.Report!).map((p) => p.path);
    expect(problems).toEqual(['$.checks[0].status', '$']);
  });

  it('is published as docs/report.schema.json', () => {
    const path = `${ROOT}/docs/report.schema.json`;
    const fresh = `${JSON.stringify(reportJsonSchema(), null, 2)}\n`;
    if (process.env.UPDATE_REPORT_SCHEMA === '1') writeFileSync(path, fresh);
    expect(readFileSync(path, 'utf8'), 'run with UPDATE_REPORT_SCHEMA=1 to regenerate').toBe(fresh);
  });
});
