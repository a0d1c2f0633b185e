// `okta-posture scan` and `demo`, run from the built bundle as a person runs them: the compact
// report, JSON, the risk threshold's exit code, props, policy selection, bad bundles, and no
// secret anywhere in the output.
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, serve, CLI, ROOT, type Served } from '../helpers/cli.js';

interface JsonReport {
  riskScore: number;
  rating: string;
  counts: Record<string, number>;
  checks: Array<{ uid: string; status: string }>;
  policies: Array<{ uid: string }>;
}

const statusOf = (r: JsonReport, uid: string) => r.checks.find((c) => c.uid === uid)?.status;

describe('okta-posture demo', () => {
  it('scans the demo org with the built-in policies, prints the compact report and writes every report', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'okta-posture-demo-')), 'results');
    const r = await runCli(['demo', '--report-dir', dir], { timeoutMs: 60_000 });
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/^Scanning the simulated 'demo' org at http:\/\/127\.0\.0\.1:\d+\nWrote the summary, JSON, SARIF and JUnit reports to .*results\/\n$/);
    expect(readdirSync(dir).sort()).toEqual(['junit.xml', 'okta-posture.json', 'okta-posture.sarif', 'summary.md']);
    expect((JSON.parse(readFileSync(join(dir, 'okta-posture.json'), 'utf8')) as JsonReport).riskScore).toBe(90);
    expect(readFileSync(join(dir, 'summary.md'), 'utf8')).toContain('Risk 90 / 100');
    expect(readFileSync(join(dir, 'junit.xml'), 'utf8')).toMatch(/^<\?xml/);
    expect(r.stdout).toMatch(/^Asset: Okta Organization 127\.0\.0\.1:\d+\n/);
    expect(r.stdout).toMatch(/\n✓ Pass: +Passwords must contain a number\n/);
    expect(r.stdout).toMatch(/\n✕ Fail: +CRITICAL \(90\) +The Okta Dashboard requires multifactor authentication\n {9}Catch-all Rule\n/);
    expect(r.stdout).toMatch(/\n✕ Fail: +CRITICAL \(90\) +The System Log is streamed to a central log server\n/);
    expect(r.stdout).toMatch(/\n {9}terraform-okta\n/);
    expect(r.stdout).not.toContain('Remediation');
    expect(r.stdout).not.toContain('\u001b[');
    expect(r.stdout).toMatch(/\nRisk: 90 \(critical\) — 72 failed, 15 passed, 0 errors, 0 skipped, 0 waived\n$/);
  }, 60_000);

  it('exits 1 when the risk reaches --risk-threshold, 0 below it', async () => {
    const at = await runCli(['demo', '--risk-threshold', '90'], { timeoutMs: 60_000 });
    const below = await runCli(['demo', '--org', 'hardened', '--risk-threshold', '1'], { timeoutMs: 60_000 });
    expect([at.code, below.code]).toEqual([1, 0]);
    expect(below.stdout).toMatch(/\nRisk: 0 \(none\) — 0 failed, 87 passed, 0 errors, 0 skipped, 0 waived\n$/);
  }, 60_000);

  it('applies --props and --policy, and prints JSON', async () => {
    const r = await runCli(['demo', '--output', 'json', '--policy', 'okta-posture-best-practices', '--props', 'maxApiTokenAgeDays=500'], { timeoutMs: 60_000 });
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout) as JsonReport;
    expect(report.policies.map((p) => p.uid)).toEqual(['okta-posture-best-practices']);
    expect(statusOf(report, 'okta-posture-api-token-max-age')).toBe('pass');
    expect(statusOf(report, 'okta-posture-stig-password-max-age')).toBeUndefined();
  }, 60_000);

  it.each([
    [['--props', 'noSuchProp=1'], "there is no prop 'noSuchProp' in the selected policies"],
    [['--policy', 'cis-okta'], "no policy 'cis-okta' in the bundles; they hold: okta-posture-best-practices, okta-posture-disa-stig"],
    [['-f', join(ROOT, '__tests__/fixtures/bundles/mistakes.mql.yaml')], 'mistakes.mql.yaml:22:9: error: the mql of mistakes-typo-field'],
    [['-f', 'no/such/dir'], "the policy bundle 'no/such/dir' does not exist"],
    [['--org', 'nowhere'], '--org must be one of demo, hardened, empty, classic'],
    [['--risk-threshold', '102'], '--risk-threshold must be a whole number from 0 to 101'],
  ])('refuses %j with exit 2 and a clear message', async (args, message) => {
    const r = await runCli(['demo', ...args], { timeoutMs: 60_000 });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
  }, 60_000);
});

describe('okta-posture scan against a served org', () => {
  let served: Served;
  beforeAll(async () => {
    served = await serve(process.execPath, [CLI, 'simulate', '--org', 'demo'], 6);
  });
  afterAll(() => served.stop());

  it('reads the org URL and token from the environment and never prints the token', async () => {
    const env = { OKTA_ORG_URL: served.env.OKTA_ORG_URL!, OKTA_API_TOKEN: served.env.OKTA_API_TOKEN! };
    // Written as the cnspec documentation writes it, platform word included.
    const r = await runCli(['scan', 'okta', '--output', 'full'], { env, timeoutMs: 60_000 });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/\n✓ Pass: +\S/);
    expect(r.stdout).toMatch(/\n {9}Failing resources \(\d+\):\n/);
    expect(r.stdout).toMatch(/\n {9}Remediation \(console\):\n {11}\S/);
    expect(`${r.stdout}${r.stderr}`).not.toContain(env.OKTA_API_TOKEN);
    const json = await runCli(['scan', '--output', 'json'], { env, timeoutMs: 60_000 });
    expect(json.stdout).not.toContain(env.OKTA_API_TOKEN);
    expect((JSON.parse(json.stdout) as JsonReport).counts).toEqual({ pass: 15, fail: 72, error: 0, skip: 0, waived: 0 });
  }, 60_000);
});
