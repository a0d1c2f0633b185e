// SARIF for GitHub code scanning: built from real scans of simulated orgs, checked by Microsoft's
// validator with GitHub's rules, and by what code scanning relies on: a rule for every check, a
// located result for every failure, stable fingerprints and a category per org.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtInPolicyDir } from '../../src/policy/files.js';
import type { Report, ReportCheck } from '../../src/report/report.js';
import { anchorFor, buildSarif, clipAtSentence, FINGERPRINT_KEY, type SarifLog } from '../../src/report/sarif.js';
import { PROJECT_URL } from '../../src/version.js';
import { ROOT } from '../helpers/cli.js';
import { reportOf } from '../helpers/report.js';

const VALIDATOR = join(ROOT, 'node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool');
const WORKFLOW = { workflowFile: '.github/workflows/okta.yml', workflowLine: 12 };

interface Finding {
  file: string;
  level: string;
  text: string;
}

/** Runs Microsoft's validator with GitHub's and SARIF's rules over the logs, once. */
function validate(dir: string, logs: Record<string, SarifLog>): Finding[] {
  const inputs = Object.entries(logs).map(([name, log]) => {
    const file = join(dir, `${name}.sarif`);
    writeFileSync(file, JSON.stringify(log, null, 2));
    return file;
  });
  const out = join(dir, 'validation.sarif');
  execFileSync(VALIDATOR, ['validate', '--rule-kind', 'Gh;Sarif', '--output', out, ...inputs], { stdio: 'pipe', timeout: 120_000 });
  type Out = { runs: Array<{ results?: Array<{ ruleId: string; level?: string; message: { id?: string; text?: string; arguments?: string[] }; locations?: Array<{ physicalLocation: { artifactLocation: { uri: string } } }> }> }> };
  const log = JSON.parse(readFileSync(out, 'utf8')) as Out;
  return (log.runs[0]?.results ?? []).map((r) => ({
    file: (r.locations?.[0]?.physicalLocation.artifactLocation.uri ?? '').split('/').pop() ?? '',
    // Absent level means warning (SARIF §3.27.10).
    level: r.level ?? 'warning',
    text: `${r.ruleId} ${r.message.id ?? ''} ${r.message.text ?? ''} ${(r.message.arguments ?? []).join(' | ')}`,
  }));
}

const run = (log: SarifLog) => log.runs[0];
const failing = (r: Report) => r.checks.filter((c) => c.status === 'fail');
const byUid = (r: Report, uid: string): ReportCheck => r.checks.find((c) => c.uid === uid)!;

let dir: string;
let demo: Report;
let hardened: Report;
let classic: Report;
let waived: Report;
let logs: Record<string, SarifLog>;
let findings: Finding[];

// The demo org fails both of these; one waiver still applies, the other ran out on 1 December.
const WAIVED = 'okta-posture-super-admin-limit';
const EXPIRED = 'okta-posture-stig-log-stream-active';

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'okta-posture-sarif-'));
  const waiverFile = join(dir, 'waivers.yaml');
  writeFileSync(
    waiverFile,
    `waivers:\n  - check: ${WAIVED}\n    reason: Two break-glass accounts are kept on purpose\n    owner: secops\n    expires: 2027-06-30\n  - check: ${EXPIRED}\n    reason: SIEM migration\n    expires: 2026-12-01\n`,
  );
  [demo, hardened, classic, waived] = await Promise.all([reportOf('demo'), reportOf('hardened'), reportOf('classic'), reportOf('demo', { waiverFile })]);
  // A permission error as a read-only token produces it, with the role that would allow the read.
  const denied = classic.checks.find((c) => c.status === 'error')!;
  denied.needs = 'the okta.policies.read scope';
  const anchor = (c: ReportCheck) => anchorFor(c, WORKFLOW);
  logs = {
    demo: buildSarif(demo, { anchor }),
    hardened: buildSarif(hardened, { anchor }),
    classic: buildSarif(classic, { anchor }),
    waived: buildSarif(waived, { anchor, includeWaived: true, primaryLocationLineHash: true }),
  };
  // A copy GitHub would reject (a result without a location) shows the validator checks something.
  const broken = structuredClone(logs.demo!);
  delete (run(broken).results[0] as { locations?: unknown }).locations;
  findings = validate(dir, { ...logs, broken });
}, 180_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('SARIF for code scanning', () => {
  it("passes Microsoft's validator (GitHub and SARIF rules) with no errors and no warnings", () => {
    const ours = findings.filter((f) => f.file !== 'broken.sarif');
    const errors = ours.filter((f) => f.level === 'error');
    expect(errors.map((f) => `${f.file}: ${f.text}`).join('\n')).toBe('');
    const warnings = ours.filter((f) => f.level === 'warning');
    expect(warnings.map((f) => `${f.file}: ${f.text}`).join('\n')).toBe('');
  });

  it('the validator does report a log GitHub would reject', () => {
    const bad = findings.filter((f) => f.file === 'broken.sarif' && f.level === 'error');
    expect(bad.map((f) => f.text).join('\n')).toMatch(/MissingLocationsArray/);
  });

  it('has the log, tool and category GitHub expects', () => {
    const log = logs.demo!;
    expect(log).toMatchObject({ $schema: 'https://json.schemastore.org/sarif-2.1.0.json', version: '2.1.0' });
    expect(log.runs).toHaveLength(1);
    expect(run(log).tool.driver).toMatchObject({ name: 'okta-posture', semanticVersion: demo.tool.version, informationUri: PROJECT_URL });
    // category/run-id: with the trailing slash the category is okta-posture/<org>, one per org.
    expect(run(log).automationDetails.id).toBe('okta-posture/demo.okta.com/');
    expect(run(logs.classic!).automationDetails.id).toBe('okta-posture/classic.okta.com/');
    expect(run(buildSarif(demo, { category: 'nightly/acme' })).automationDetails.id).toBe('nightly/acme/');
  });

  it('has one rule for every evaluated check, whatever its status', () => {
    for (const [report, log] of [[demo, logs.demo], [hardened, logs.hardened], [classic, logs.classic]] as const) {
      expect(run(log).tool.driver.rules.map((r) => r.id)).toEqual(report.checks.map((c) => c.uid));
    }
    expect(new Set(classic.checks.map((c) => c.status))).toEqual(new Set(['pass', 'fail', 'error']));
  });

  it('has a result exactly for each failing check, with an expired waiver counted as failing', () => {
    expect(run(logs.demo!).results.map((r) => r.ruleId).sort()).toEqual(failing(demo).map((c) => c.uid).sort());
    expect(run(logs.demo!).results).toHaveLength(72);
    expect(run(logs.hardened!).results).toEqual([]);
    expect(run(logs.classic!).results.map((r) => r.ruleId).sort()).toEqual(failing(classic).map((c) => c.uid).sort());

    expect(byUid(waived, EXPIRED)).toMatchObject({ status: 'fail', waiver: { expired: true } });
    const expired = run(logs.waived!).results.find((r) => r.ruleId === EXPIRED)!;
    expect(expired.suppressions).toBeUndefined();
    expect(expired.message.text).toContain('Its waiver expired on 2026-12-01: SIEM migration.');
    // Without includeWaived, a waived check has a rule but no result.
    const plain = buildSarif(waived);
    expect(plain.runs[0].tool.driver.rules.some((r) => r.id === WAIVED)).toBe(true);
    expect(plain.runs[0].results.some((r) => r.ruleId === WAIVED)).toBe(false);
  });

  it('with includeWaived, adds waived checks as results with an accepted external suppression', () => {
    const result = run(logs.waived!).results.find((r) => r.ruleId === WAIVED)!;
    expect(result.suppressions).toEqual([{ kind: 'external', status: 'accepted', justification: 'Two break-glass accounts are kept on purpose' }]);
    expect(result.message.text).toMatch(/^Waived \(impact 80, high\): /);
    expect(run(logs.waived!).results.filter((r) => !r.suppressions)).toHaveLength(71);
  });

  it('points each result at its rule and a location with a start line', () => {
    for (const log of Object.values(logs)) {
      const { rules } = run(log).tool.driver;
      for (const r of run(log).results) {
        expect(rules[r.ruleIndex]!.id).toBe(r.ruleId);
        expect(r.level).toBe(rules[r.ruleIndex]!.defaultConfiguration.level);
        expect(r.locations).toHaveLength(1);
        const { artifactLocation, region } = r.locations[0]!.physicalLocation;
        expect(artifactLocation.uri).toBe('.github/workflows/okta.yml');
        expect(region.startLine).toBe(12);
      }
    }
  });

  it('states the finding, its risk and the failing resources in the first sentences of the message', () => {
    const results = run(logs.demo!).results;
    const mfa = results.find((r) => r.ruleId === 'okta-posture-stig-dashboard-mfa')!;
    expect(mfa.message.text).toMatch(/^Failing \(risk 90, critical\): The Okta Dashboard requires multifactor authentication\. 1 failing resource in demo\.okta\.com: "[^"]+" \(okta\.policyRule \w+\)\.$/);
    // Worst first.
    expect(results.map((r) => byUid(demo, r.ruleId).risk)).toEqual(failing(demo).map((c) => c.risk).sort((a, b) => b - a));
    // At most ten resources are named; the rest are counted.
    const many = structuredClone(demo);
    const check = many.checks.find((c) => c.status === 'fail')!;
    check.failingResources = Array.from({ length: 13 }, (_, i) => ({ type: 'okta.user', id: `00u${i}`, name: `user${i}@example.com` }));
    const text = run(buildSarif(many)).results.find((r) => r.ruleId === check.uid)!.message.text;
    expect(text).toContain('13 failing resources in demo.okta.com: "user0@example.com" (okta.user 00u0), ');
    expect(text).toContain('"user9@example.com" (okta.user 00u9) and 3 more.');
    expect(text).not.toContain('user10@');
  });

  it('derives level and security-severity from the impact', () => {
    const rules = run(logs.demo!).tool.driver.rules;
    for (const [i, rule] of rules.entries()) {
      const { impact } = demo.checks[i]!;
      expect(rule.properties['security-severity']).toBe((impact / 10).toFixed(1));
      expect(rule.defaultConfiguration.level).toBe(impact >= 70 ? 'error' : impact >= 40 ? 'warning' : 'note');
      expect(rule.properties.precision).toBe('high');
    }
    expect(new Set(rules.map((r) => r.defaultConfiguration.level))).toEqual(new Set(['error', 'warning', 'note']));
    // GitHub needs more than 0.0; 100 is the top of the scale.
    const edge = structuredClone(demo);
    edge.checks[0]!.impact = 0;
    edge.checks[1]!.impact = 100;
    const [zero, full] = run(buildSarif(edge)).tool.driver.rules;
    expect(zero!.properties['security-severity']).toBe('0.1');
    expect(zero!.defaultConfiguration.level).toBe('note');
    expect(full!.properties['security-severity']).toBe('10.0');
  });

  it('describes each rule: title, description, help with audit, remediation and references, STIG tags', () => {
    const rules = run(logs.demo!).tool.driver.rules;
    const mfa = rules.find((r) => r.id === 'okta-posture-stig-admin-console-mfa')!;
    const check = byUid(demo, mfa.id);
    expect(mfa.name).toBe('OktaPostureStigAdminConsoleMfa');
    expect(mfa.shortDescription.text).toBe(check.title);
    expect(mfa.fullDescription.text).toMatch(/^The Admin Console controls every identity, app and policy in the org\. If any rule/);
    expect(mfa.fullDescription.text).not.toContain('\n');
    expect(mfa.helpUri).toBe(check.refs[0]!.url);
    expect(mfa.properties.tags).toEqual(['security', 'admin-access', 'disa-stig', 'V-273193', 'OKTA-APP-000560', 'CAT-I', 'healthinsight']);
    const md = mfa.help.markdown!;
    for (const r of check.docs.remediation) expect(md).toContain(r.desc);
    expect(md).toContain('## Audit');
    expect(md).toContain('### Admin Console');
    expect(md).toContain('### Terraform');
    expect(md).toContain(`[Okta Management API, Policies](<${check.refs[1]!.url}>)`);
    expect(mfa.help.text).toContain(`Remediation (Terraform):\n${check.docs.remediation[1]!.desc}`);
    // Every STIG check carries its ids; every rule stays within GitHub's limits.
    for (const c of demo.checks) {
      const rule = rules.find((r) => r.id === c.uid)!;
      if (c.tags['disa-stig/vuln-id']) expect(rule.properties.tags).toEqual(expect.arrayContaining([c.tags['disa-stig/vuln-id'], c.tags['disa-stig/stig-id']]));
      expect(rule.properties.tags.length).toBeLessThanOrEqual(10);
      expect(rule.properties.tags).toContain('security');
      expect(rule.name.length).toBeLessThanOrEqual(255);
      expect(rule.fullDescription.text.length).toBeLessThanOrEqual(1024);
    }
  });

  it('cuts a long description at a sentence, with an ellipsis, within 1024 characters', () => {
    const long = structuredClone(demo);
    const sentence = 'Okta keeps the setting for the whole org and every app signs in through it. ';
    long.checks[0]!.docs.desc = sentence.repeat(30);
    const text = run(buildSarif(long)).tool.driver.rules[0]!.fullDescription.text;
    expect(text.length).toBeLessThanOrEqual(1024);
    expect(text).toMatch(/through it\.…$/);
    expect(clipAtSentence('one two three four', 12)).toBe('one two…');
    expect(clipAtSentence('short', 12)).toBe('short');
  });

  it('lists checks that errored as error notifications with the reason and what would allow the read', () => {
    const inv = run(logs.classic!).invocations[0]!;
    expect(inv.executionSuccessful).toBe(true);
    const errored = classic.checks.filter((c) => c.status === 'error');
    expect(inv.toolExecutionNotifications.map((n) => n.associatedRule?.id)).toEqual(errored.map((c) => c.uid));
    expect(inv.toolExecutionNotifications.every((n) => n.level === 'error')).toBe(true);
    const denied = inv.toolExecutionNotifications.find((n) => n.associatedRule?.id === errored[0]!.uid)!;
    expect(denied.message.text).toBe(`The check ${errored[0]!.uid} could not be evaluated: ${errored[0]!.message}. It needs the okta.policies.read scope.`);
    expect(run(logs.classic!).tool.driver.rules[denied.associatedRule!.index]!.id).toBe(errored[0]!.uid);
    expect(run(logs.demo!).invocations[0]!.toolExecutionNotifications).toEqual([]);
  });

  it('keeps fingerprints from the org and rule only: the same across builds, lines and resources', () => {
    const prints = (log: SarifLog) => Object.fromEntries(run(log).results.map((r) => [r.ruleId, r.partialFingerprints[FINGERPRINT_KEY]]));
    const first = prints(logs.demo!);
    expect(Object.keys(first)).toHaveLength(72);
    expect(new Set(Object.values(first)).size).toBe(72);
    expect(prints(buildSarif(demo, { anchor: (c) => anchorFor(c, WORKFLOW) }))).toEqual(first);
    // Another anchor, the checks in reverse order, other lines and other failing resources.
    const moved = structuredClone(demo);
    moved.checks.reverse();
    for (const c of moved.checks) {
      c.source.line += 40;
      c.failingResources = c.failingResources.slice(1);
    }
    expect(prints(buildSarif(moved))).toEqual(first);
    // Another org, other alerts.
    expect(Object.values(prints(buildSarif({ ...demo, organization: 'other.okta.com' })))).not.toContain(first[failing(demo)[0]!.uid]);
    // GitHub reads only primaryLocationLineHash; upload-sarif fills it, so it is left out unless asked for.
    expect(run(logs.demo!).results.every((r) => Object.keys(r.partialFingerprints).join() === FINGERPRINT_KEY)).toBe(true);
    expect(run(logs.waived!).results.every((r) => /^[0-9a-f]{16}:1$/.test(r.partialFingerprints.primaryLocationLineHash!))).toBe(true);
  });

  it("stays within GitHub's limit of 25,000 rules and results, keeping the worst failures and saying so", () => {
    const big = structuredClone(demo);
    const template = big.checks;
    big.checks = Array.from({ length: 25_010 }, (_, i) => ({ ...template[i % template.length]!, uid: `check-${i}` }));
    const worst = big.checks.filter((c) => c.status === 'fail').length;
    const r = run(buildSarif(big));
    expect(r.tool.driver.rules).toHaveLength(25_000);
    expect(r.results.length).toBe(worst);
    expect(r.invocations[0]!.toolExecutionNotifications).toEqual([
      { level: 'warning', message: { text: '10 of 25010 checks were left out: GitHub accepts at most 25000 rules per run. The JSON report has them all.' } },
    ]);
    const kept = new Set(r.tool.driver.rules.map((x) => x.id));
    expect(big.checks.filter((c) => c.status === 'fail').every((c) => kept.has(c.uid))).toBe(true);
  });
});

describe('anchorFor', () => {
  const check = (file: string, line: number, builtIn = false) => ({ source: { file, line, column: 5, builtIn } });
  const repoRoot = '/home/runner/work/acme/acme';
  const builtIn = '/home/runner/work/_actions/okta-posture/okta-posture/v1/policies/checks/admin-access.mql.yaml';

  it('anchors a bundle inside the repository at its repository-relative path and the check line', () => {
    expect(anchorFor(check(`${repoRoot}/security/okta.mql.yaml`, 42), { repoRoot, ...WORKFLOW })).toEqual({ uri: 'security/okta.mql.yaml', line: 42 });
    expect(anchorFor(check(`${repoRoot}/security/okta.mql.yaml`, 42), { repoRoot: `${repoRoot}/` })).toEqual({ uri: 'security/okta.mql.yaml', line: 42 });
    expect(anchorFor(check('./security/../policies/okta.mql.yaml', 7), { repoRoot })).toEqual({ uri: 'policies/okta.mql.yaml', line: 7 });
    expect(anchorFor(check('D:\\a\\acme\\acme\\policies\\okta.mql.yaml', 3), { repoRoot: 'D:\\a\\acme\\acme' })).toEqual({ uri: 'policies/okta.mql.yaml', line: 3 });
  });

  it('anchors built-in and remote checks at the workflow file', () => {
    expect(anchorFor(check(builtIn, 3, true), { repoRoot, ...WORKFLOW })).toEqual({ uri: '.github/workflows/okta.yml', line: 12 });
    expect(anchorFor(check(builtIn, 3, true), { repoRoot, workflowFile: '.github/workflows/okta.yml' })).toEqual({ uri: '.github/workflows/okta.yml', line: 1 });
    expect(anchorFor(check('https://raw.githubusercontent.com/acme/policies/main/okta.mql.yaml', 9), { repoRoot, ...WORKFLOW })).toEqual({ uri: '.github/workflows/okta.yml', line: 12 });
    // A bundle outside the repository (or in node_modules) is not a file GitHub can show.
    expect(anchorFor(check('/tmp/okta.mql.yaml', 9), { repoRoot, ...WORKFLOW })).toEqual({ uri: '.github/workflows/okta.yml', line: 12 });
    expect(anchorFor(check(`${repoRoot}/node_modules/x/okta.mql.yaml`, 9), { repoRoot, ...WORKFLOW }).uri).toBe('.github/workflows/okta.yml');
    expect(anchorFor(check(`${repoRoot}/../other/okta.mql.yaml`, 9), { repoRoot, ...WORKFLOW }).uri).toBe('.github/workflows/okta.yml');
  });

  it("without a workflow file, names the built-in check's path in okta-posture's repository", () => {
    expect(anchorFor(check(builtIn, 3, true))).toEqual({ uri: 'policies/checks/admin-access.mql.yaml', line: 3 });
    const dir = builtInPolicyDir();
    expect(anchorFor(check(join(dir, 'checks/passwords.mql.yaml'), 20, true), { builtInDir: dir })).toEqual({ uri: 'policies/checks/passwords.mql.yaml', line: 20 });
    // okta-posture scanning its own repository: the built-in file is in it.
    expect(anchorFor(check(join(dir, 'checks/passwords.mql.yaml'), 20, true), { repoRoot: ROOT, ...WORKFLOW })).toEqual({ uri: 'policies/checks/passwords.mql.yaml', line: 20 });
    expect(anchorFor(check('https://example.com/bundles/okta.mql.yaml?ref=main', 9))).toEqual({ uri: 'okta.mql.yaml', line: 9 });
    expect(anchorFor(check('/tmp/okta.mql.yaml', 0))).toEqual({ uri: 'okta.mql.yaml', line: 1 });
  });

  it('anchors a real scan of a bundle in a repository at the check lines, and fingerprints ignore them', async () => {
    const repo = join(dir, 'repo');
    mkdirSync(join(repo, 'security'), { recursive: true });
    const bundle = readFileSync(join(ROOT, '__tests__/fixtures/bundles/cnspec-example.mql.yaml'), 'utf8');
    const file = join(repo, 'security/okta.mql.yaml');
    const scanAt = async (text: string) => {
      writeFileSync(file, text);
      const report = await reportOf('demo', { bundleFiles: [file] });
      return { report, log: buildSarif(report, { anchor: (c) => anchorFor(c, { repoRoot: repo, ...WORKFLOW }) }) };
    };
    const before = await scanAt(bundle);
    const after = await scanAt(`# three lines\n# added at\n# the top\n${bundle}`);
    const results = run(before.log).results;
    expect(results.length).toBeGreaterThan(0);
    const lines = bundle.split('\n');
    for (const r of results) {
      const { artifactLocation, region } = r.locations[0]!.physicalLocation;
      expect(artifactLocation.uri).toBe('security/okta.mql.yaml');
      expect(lines[region.startLine - 1]).toContain(`uid: ${r.ruleId}`);
      const moved = run(after.log).results.find((x) => x.ruleId === r.ruleId)!;
      expect(moved.locations[0]!.physicalLocation.region.startLine).toBe(region.startLine + 3);
      expect(moved.partialFingerprints).toEqual(r.partialFingerprints);
    }
    expect(validate(mkdtempSync(join(dir, 'repo-')), { bundle: before.log }).filter((f) => f.level === 'error')).toEqual([]);
  });
});
