// A cnspec-format bundle (two policies, group filters, Okta and Terraform variants, props that a
// policy overrides, impacts as numbers, words and objects) loads and evaluates against simulated
// orgs over real sockets, with the statuses, failing resources and scores cnspec would give.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scan, type ScanResult } from '../../src/scan.js';
import { startSimulator, type RunningSimulator } from '../../src/simulator/index.js';
import { clientFor, serviceAppOf } from '../helpers/client.js';
import { NOW } from '../helpers/mql.js';

const BUNDLE = join(import.meta.dirname, '../fixtures/bundles/cnspec-example.mql.yaml');

async function scanOrg(sim: RunningSimulator, props: Record<string, string | number> = {}): Promise<ScanResult> {
  const client = clientFor(sim);
  try {
    return await scan({ bundleFiles: [BUNDLE], data: client, host: 'example.okta.com', props, now: NOW });
  } finally {
    await client.close();
  }
}

const statuses = (r: ScanResult) => Object.fromEntries(r.checks.map((c) => [c.uid, c.status]));

describe('a cnspec bundle on the demo org', () => {
  let sim: RunningSimulator;
  let result: ScanResult;
  beforeAll(async () => {
    sim = await startSimulator({ org: 'demo' });
    result = await scanOrg(sim);
  });
  afterAll(() => sim.close());

  it('runs the Okta checks, runs Okta variants in place of their parent, and leaves other platforms out', () => {
    expect(statuses(result)).toEqual({
      'example-password-length': 'fail',
      'example-threatinsight': 'fail',
      'example-trusted-origins-https': 'fail',
      'example-notifications': 'fail',
      'example-dashboard-mfa': 'fail',
      'example-domains-verified': 'fail',
    });
    const pw = result.checks.find((c) => c.uid === 'example-password-length')!;
    expect(pw.variant).toBe('example-password-length-okta');
    expect(pw.impact).toBe(30);
    expect(pw.weight).toBe(2);
  });

  it('reads impacts given as words', () => {
    const impact = (uid: string) => result.checks.find((c) => c.uid === uid)!.impact;
    expect([impact('example-threatinsight'), impact('example-trusted-origins-https'), impact('example-notifications'), impact('example-domains-verified')]).toEqual([95, 80, 55, 20]);
  });

  it('names the resources that fail', () => {
    const names = (uid: string) => result.checks.find((c) => c.uid === uid)!.failingResources.map((f) => f.name);
    expect(names('example-trusted-origins-https')).toEqual(['Marketing site']);
    expect(names('example-password-length')).toEqual(['Default Policy']);
    expect(names('example-domains-verified')).toEqual(['id.quillfeather.example']);
    expect(names('example-dashboard-mfa')).toEqual(['Catch-all Rule']);
  });

  it('lets the policy override a query prop (12 over 15), and the user override both', async () => {
    expect(result.props.exampleMinLength).toBe(12);
    // The Contractors policy asks for 12: it passes at 12, so only the default policy fails.
    const relaxed = await scanOrg(sim, { exampleMinLength: 8 });
    expect(relaxed.props.exampleMinLength).toBe(8);
    expect(statuses(relaxed)['example-password-length']).toBe('pass');
  });

  it('scores each policy by its scoring system and combines them by scored checks', () => {
    const score = (uid: string) => result.policies.find((p) => p.uid === uid)!.score;
    // highest impact: the worst failure is impact 95 → 5. average: one failure at impact 20 → 80.
    expect(score('example-okta-security')).toBe(5);
    expect(score('example-okta-inventory')).toBe(80);
    // (5·5 + 80·1) / 6 = 17.5 → 17; risk 83
    expect(result.score).toBe(17);
    expect(result.risk).toBe(83);
    expect(result.rating).toBe('high');
    expect(result.counts).toEqual({ pass: 0, fail: 6, error: 0, skip: 0, waived: 0 });
  });
});

describe('a cnspec bundle on the hardened org', () => {
  it('passes every check with risk 0', async () => {
    const sim = await startSimulator({ org: 'hardened' });
    try {
      const client = clientFor(sim, { credentials: { apiToken: sim.token, serviceApp: serviceAppOf(sim) } });
      const result = await scan({ bundleFiles: [BUNDLE], data: client, host: 'northwind.okta.com', now: NOW });
      await client.close();
      expect(Object.values(statuses(result))).toEqual(Array(6).fill('pass'));
      expect(result.risk).toBe(0);
      expect(result.rating).toBe('none');
    } finally {
      await sim.close();
    }
  });
});
