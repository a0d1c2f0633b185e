// The console report: cnspec-style `✓ Pass:` / `✕ Fail:` lines with the rating and risk,
// errors, skips and waivers marked, resources and remediation in full, the risk on the last line,
// colour only when asked, and no terminal control sequence from Okta or a bundle.
import { beforeAll, describe, expect, it } from 'vitest';
import { consoleReport } from '../../src/report/console.js';
import type { Report } from '../../src/report/report.js';
import { reportOf } from '../helpers/report.js';

const copy = (r: Report): Report => structuredClone(r);
const lines = (text: string) => text.replace(/\n$/, '').split('\n');
const ANSI = /\u001b\[[0-9;]*m/g;
/** Where a title starts on a fail line: after the label and the padded rating. */
const FAIL_TITLE = '✕ Fail:  CRITICAL (100)  '.length;

let demo: Report;
let hardened: Report;
let classic: Report;
beforeAll(async () => {
  [demo, hardened, classic] = await Promise.all([reportOf('demo'), reportOf('hardened'), reportOf('classic')]);
});

describe('the compact console report', () => {
  it('marks every check, lists failures worst first with aligned titles, and ends with the risk', () => {
    const out = consoleReport(demo);
    const all = lines(out);
    expect(all[0]).toBe('Asset: Okta Organization demo.okta.com');
    expect(all.at(-1)).toBe('Risk: 90 (critical) — 72 failed, 15 passed, 0 errors, 0 skipped, 0 waived');
    const passes = all.filter((l) => l.startsWith('✓ Pass:  '));
    const fails = all.filter((l) => l.startsWith('✕ Fail:  '));
    expect(passes).toHaveLength(15);
    expect(fails).toHaveLength(72);
    for (const c of demo.checks.filter((x) => x.status === 'pass')) expect(passes).toContain(`✓ Pass:  ${c.title}`);
    for (const l of fails) expect(l).toMatch(/^✕ Fail: {2}(CRITICAL|HIGH|MEDIUM|LOW|NONE) \(\d+\) +\S/);
    const risks = fails.map((l) => Number(/\((\d+)\)/.exec(l)![1]));
    expect(risks).toEqual([...risks].sort((a, b) => b - a));
    for (const c of demo.checks.filter((x) => x.status === 'fail')) expect(fails).toContain(`${`✕ Fail:  ${c.impactRating.toUpperCase()} (${c.risk})`.padEnd(FAIL_TITLE)}${c.title}`);
    // Failures come last, right before the policies and the verdict.
    expect(all.findLastIndex((l) => l.startsWith('✓'))).toBeLessThan(all.findIndex((l) => l.startsWith('✕')));
    expect(out).not.toContain('Remediation');
    expect(out).not.toMatch(ANSI);
  });

  it('names a few failing resources under a failure and counts the rest', () => {
    const all = lines(consoleReport(demo));
    const at = all.findIndex((l) => l.endsWith('Every app\'s authentication policy allows access only by network zone'));
    expect(all[at + 1]).toBe('         Okta Admin Console, Okta Dashboard, Slack, Team Wiki, Expense Tracker and 5 more');
    const two = lines(consoleReport(demo, { maxResources: 2 }));
    expect(two[two.findIndex((l) => l.includes('only by network zone')) + 1]).toBe('         Okta Admin Console, Okta Dashboard and 8 more');
  });

  it('shows the policies with their risk', () => {
    const out = consoleReport(demo);
    expect(out).toContain('\nPolicies:\n  CRITICAL (90)   Okta security best practices (okta-posture) 1.0.0\n  CRITICAL (90)   DISA Okta IDaaS STIG V1R2 (okta-posture) 1.0.0\n\nRisk: ');
    expect(lines(consoleReport(hardened)).at(-1)).toBe('Risk: 0 (none) — 0 failed, 87 passed, 0 errors, 0 skipped, 0 waived');
  });

  it('marks errors with their message and what would let them read the data', () => {
    const r = copy(classic);
    const errored = r.checks.filter((c) => c.status === 'error');
    errored[0]!.needs = 'the Super Administrator role';
    const all = lines(consoleReport(r));
    expect(all.filter((l) => l.startsWith('! Error: '))).toHaveLength(16);
    for (const c of errored) {
      const at = all.indexOf(`! Error: ${c.title}`);
      expect(at, c.uid).toBeGreaterThan(0);
      expect(all[at + 1]).toBe(`         ${c.message}`);
    }
    expect(all[all.indexOf(`! Error: ${errored[0]!.title}`) + 2]).toBe('         needs the Super Administrator role');
    expect(all.at(-1)).toBe('Risk: 90 (critical) — 42 failed, 30 passed, 16 errors, 0 skipped, 0 waived');
  });

  it('marks skipped and waived checks, and expired or partial waivers under failures', () => {
    const r = copy(demo);
    const [a, b, c, d] = r.checks.filter((x) => x.status === 'fail');
    Object.assign(a!, { status: 'skip', risk: 0, message: 'only for Identity Engine orgs' });
    Object.assign(b!, { status: 'waived', risk: 0, waiver: { reason: 'Accepted risk', owner: 'secops', expires: '2027-01-31', expired: false } });
    Object.assign(c!, { waiver: { reason: 'Old exception', expires: '2025-01-01', expired: true } });
    Object.assign(d!, { waiver: { reason: 'Scanner range', expired: false, uncovered: ['x'] } });
    r.counts = { ...r.counts, fail: 70, skip: 1, waived: 1 };
    const all = lines(consoleReport(r));
    expect(all[all.indexOf(`. Skip:  ${a!.title}`) + 1]).toBe('         only for Identity Engine orgs');
    expect(all[all.indexOf(`~ Waived: ${b!.title}`) + 1]).toBe('         Accepted risk (secops, until 2027-01-31)');
    expect(all.slice(all.findIndex((l) => l.endsWith(c!.title)))).toContain('         waiver expired 2025-01-01: Old exception');
    expect(all.slice(all.findIndex((l) => l.endsWith(d!.title)))).toContain('         partly waived, 1 not covered: Scanner range');
    expect(all.at(-1)).toBe('Risk: 90 (critical) — 70 failed, 15 passed, 0 errors, 1 skipped, 1 waived');
  });

  it('says so when nothing was scored', () => {
    const r = copy(hardened);
    for (const c of r.checks) c.status = 'skip';
    Object.assign(r, { riskScore: null, rating: 'unrated', counts: { pass: 0, fail: 0, error: 0, skip: 87, waived: 0 } });
    expect(lines(consoleReport(r)).at(-1)).toBe('Risk: unrated — 0 failed, 0 passed, 0 errors, 87 skipped, 0 waived');
  });
});

describe('the full console report', () => {
  it('lists failing resources with type and id, and the remediation of each failure', () => {
    const out = consoleReport(demo, { full: true });
    const all = lines(out);
    const failing = demo.checks.filter((c) => c.status === 'fail');
    expect(all.filter((l) => l.startsWith('         Remediation ('))).toHaveLength(failing.reduce((n, c) => n + c.docs.remediation.length, 0));
    const c = failing.find((x) => x.uid === 'okta-posture-admins-phishing-resistant-factor')!;
    const at = all.findIndex((l) => l.endsWith(c.title));
    expect(all[at + 1]).toBe('         Failing resources (4):');
    expect(all.slice(at + 2, at + 6)).toEqual(c.failingResources.map((f) => `           ${f.name}  (okta.user ${f.id})`));
    expect(all[at + 6]).toBe('         Remediation (console):');
    expect(all[at + 7]).toBe(`           ${c.docs.remediation[0]!.desc.split('\n')[0]}`);
    expect(all.at(-1)).toBe('Risk: 90 (critical) — 72 failed, 15 passed, 0 errors, 0 skipped, 0 waived');
  });

  it('counts the resources beyond maxResources', () => {
    const all = lines(consoleReport(demo, { full: true, maxResources: 3 }));
    const at = all.findIndex((l) => l.endsWith('only by network zone'));
    expect(all.slice(at + 1, at + 6)).toEqual([
      '         Failing resources (10):',
      expect.stringMatching(/^ {11}Okta Admin Console {2}\(okta\.application /),
      expect.stringMatching(/^ {11}Okta Dashboard {2}\(/),
      expect.stringMatching(/^ {11}Slack {2}\(/),
      '           … and 7 more',
    ]);
  });
});

describe('colour and hostile text', () => {
  it('colours only when asked, and the colours change nothing else', () => {
    const plain = consoleReport(classic, { full: true });
    const colored = consoleReport(classic, { full: true, color: true });
    expect(plain).not.toMatch(ANSI);
    expect(colored).toMatch(/\u001b\[1;31m✕ Fail: \u001b\[0m/);
    expect(colored).toMatch(/\u001b\[32m✓ Pass: \u001b\[0m/);
    expect(colored.replace(ANSI, '')).toBe(plain);
  });

  it('lets no control sequence or line break from Okta or a bundle reach the terminal', () => {
    const withText = (title: string, id: string, name: string, remediationId: string, desc: string): Report => {
      const r = copy(demo);
      const c = r.checks.find((x) => x.status === 'fail' && x.failingResources.length === 1)!;
      c.title = title;
      c.failingResources = [{ type: 'okta.user', id, name }];
      c.docs.remediation = [{ id: remediationId, desc }];
      return r;
    };
    const before = lines(consoleReport(withText('plain title', 'id', 'name', 'console', 'step one\nstep two'), { full: true })).length;
    const out = consoleReport(
      withText('evil\u001b]0;pwned\u0007 title\u001b[2J\nsecond line \u202eesrever', 'id\u001b[31m', 'name\r\nForged: line\u009b31m', 'console\u001b[1m', 'step one\n\u001b[Kstep two'),
      { full: true },
    );
    expect(out).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
    expect(lines(out)).toHaveLength(before);
    expect(out).toContain('evil\ufffd]0;pwned\ufffd title\ufffd[2J second line \ufffdesrever');
    expect(out).toContain('           name Forged: line\ufffd31m  (okta.user id\ufffd[31m)');
  });
});
