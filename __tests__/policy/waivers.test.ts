// Waivers from a YAML file in the user's repository: a waived result is reported as waived with
// its reason and no longer raises the risk; only the named resources are covered when resources
// are listed; an expired waiver stops applying and says so; a malformed file is an error.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../../src/policy/bundle.js';
import { parseWaivers } from '../../src/policy/waivers.js';
import { BundleError, scan, type ScanResult } from '../../src/scan.js';
import { startSimulator, type RunningSimulator } from '../../src/simulator/index.js';
import { clientFor } from '../helpers/client.js';
import { NOW } from '../helpers/mql.js';

const BUNDLE = join(import.meta.dirname, '../fixtures/bundles/cnspec-example.mql.yaml');
const dir = mkdtempSync(join(tmpdir(), 'okta-posture-waivers-'));

function waiverFile(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

let sim: RunningSimulator;
beforeAll(async () => {
  sim = await startSimulator({ org: 'demo' });
});
afterAll(() => sim.close());

async function scanWith(waiverFilePath?: string): Promise<ScanResult> {
  const client = clientFor(sim);
  try {
    return await scan({ bundleFiles: [BUNDLE], data: client, host: 'example.okta.com', waiverFile: waiverFilePath, now: NOW });
  } finally {
    await client.close();
  }
}

const check = (r: ScanResult, uid: string) => r.checks.find((c) => c.uid === uid)!;

describe('waivers in a scan', () => {
  it('reports a waived check with its reason and takes it out of the risk', async () => {
    const before = await scanWith();
    expect(before.policies.find((p) => p.uid === 'example-okta-security')!.score).toBe(5);
    const after = await scanWith(
      waiverFile(
        'valid.yaml',
        `waivers:
  - check: example-threatinsight
    reason: ThreatInsight moves to block mode after the SIEM tuning project
    owner: secops@quillfeather.example
    expires: 2027-03-31
  - check: example-dashboard-mfa
    reason: Kiosk rollout
    expires: 2026-12-04
`,
      ),
    );
    const ti = check(after, 'example-threatinsight');
    expect(ti.status).toBe('waived');
    expect(ti.message).toBe('waived: ThreatInsight moves to block mode after the SIEM tuning project');
    expect(ti.waiver).toMatchObject({ owner: 'secops@quillfeather.example', expires: '2027-03-31', expired: false });
    // A waiver is valid through the day it names.
    expect(check(after, 'example-dashboard-mfa').status).toBe('waived');
    // The two impact-95 failures are waived; the worst remaining is impact 80 → score 20.
    expect(after.policies.find((p) => p.uid === 'example-okta-security')!.score).toBe(20);
    expect(after.counts.waived).toBe(2);
    expect(after.risk).toBeLessThan(before.risk!);
  });

  it('stops applying an expired waiver and says so', async () => {
    const r = await scanWith(waiverFile('expired.yaml', 'waivers:\n  - check: example-threatinsight\n    reason: Temporary\n    expires: 2026-12-03\n'));
    const ti = check(r, 'example-threatinsight');
    expect(ti.status).toBe('fail');
    expect(ti.waiver).toMatchObject({ expired: true, expires: '2026-12-03', reason: 'Temporary' });
  });

  it('covers only the resources it names', async () => {
    const partial = await scanWith(waiverFile('partial.yaml', "waivers:\n  - check: example-domains-verified\n    reason: DNS change pending\n    resources: ['login.quillfeather.example']\n"));
    const domains = check(partial, 'example-domains-verified');
    expect(domains.status).toBe('fail');
    expect(domains.waiver?.uncovered).toEqual(['id.quillfeather.example']);
    const full = await scanWith(waiverFile('full.yaml', "waivers:\n  - check: example-domains-verified\n    reason: DNS change pending\n    resources: ['id.quillfeather.example']\n"));
    expect(check(full, 'example-domains-verified').status).toBe('waived');
  });

  it('warns about a waiver for a check the scan does not have', async () => {
    const r = await scanWith(waiverFile('unknown.yaml', 'waivers:\n  - check: example-no-such-check\n    reason: Typo\n'));
    expect(r.warnings.map(formatDiagnostic)).toContain(`${join(dir, 'unknown.yaml')}:2:5: warning: the waiver for 'example-no-such-check' matches no check of this scan`);
  });

  it('refuses to scan with a malformed waiver file', async () => {
    const path = waiverFile('malformed.yaml', 'waivers:\n  - check: example-threatinsight\n    expires: next year\n');
    const error = await scanWith(path).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BundleError);
    expect((error as BundleError).message).toContain(`${path}:2:5: error: a waiver needs 'reason'`);
    expect((error as BundleError).message).toContain(`${path}:3:14: error: 'expires' must be a date written YYYY-MM-DD, not 'next year'`);
    const missing = await scanWith(join(dir, 'absent.yaml')).catch((e: unknown) => e);
    expect((missing as BundleError).message).toContain('cannot read the waiver file (ENOENT)');
  });
});

describe('the waiver file format', () => {
  it.each([
    ['a list instead of a map', '- check: x\n  reason: y\n', 'a waiver file holds `waivers:`'],
    ['an unknown key', 'waivers:\n  - check: x\n    reason: y\n    approver: z\n', "a waiver has no key 'approver'"],
    ['resources that are not a list', 'waivers:\n  - check: x\n    reason: y\n    resources: all\n', "'resources' must be a list"],
    ['an impossible date', 'waivers:\n  - check: x\n    reason: y\n    expires: 2026-02-30\n', "'expires' must be a date"],
    ['broken YAML', 'waivers:\n  - check: "x\n', 'never closed'],
  ])('rejects %s', (_what, text, fragment) => {
    const { diagnostics } = parseWaivers('w.yaml', text);
    expect(diagnostics.filter((d) => d.severity === 'error').map((d) => d.message).join('\n')).toContain(fragment);
  });
});
