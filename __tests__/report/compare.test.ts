// Comparing the policies of a pull request with its base: the bundles are read from a git
// repository made by the test, both sets are evaluated over one client's reads of the demo org,
// and the checks added, removed and changed come out with the risk before and after.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OktaClient } from '../../src/okta/client.js';
import { evaluateAtRef, type BaseEvaluation } from '../../src/policy/baseRef.js';
import { compareReports, comparisonLine, comparisonMarkdown, type Comparison } from '../../src/report/compare.js';
import { mdText } from '../../src/report/escape.js';
import { buildReport, type Report, type ReportCheck } from '../../src/report/report.js';
import { scan } from '../../src/scan.js';
import { startSimulator, type RunningSimulator } from '../../src/simulator/index.js';
import { clientFor } from '../helpers/client.js';
import { gitRepo, type GitRepo } from '../helpers/gitRepo.js';
import { NOW } from '../helpers/mql.js';

const HOSTILE = 'Origins | use <img src=x onerror=alert(1)> `https` **now**';

function bundle(options: { minLength: number; engineImpact: number; noOriginsCheck: boolean; httpsCheck: boolean }): string {
  return `policies:
  - uid: pr-policy
    name: Pull request policy
    scoring_system: highest impact
    groups:
      - filters: asset.platform == "okta-org"
        checks:
          - uid: pr-password-length
          - uid: pr-threatinsight
          - uid: pr-engine
${options.noOriginsCheck ? '          - uid: pr-no-origins\n' : ''}${options.httpsCheck ? '          - uid: pr-origins-https\n' : ''}queries:
  - uid: pr-password-length
    title: Passwords are long enough
    impact: 60
    props:
      - uid: prMinLength
        mql: ${options.minLength}
    mql: okta.policies.password.where(status == "ACTIVE").all(settings['password']['complexity']['minLength'] >= props.prMinLength)
  - uid: pr-threatinsight
    title: ThreatInsight blocks suspicious sign-ins
    impact: 40
    mql: okta.organization.threatInsightSettings.action == "block"
  - uid: pr-engine
    title: The org runs Identity Engine
    impact: ${options.engineImpact}
    mql: okta.organization.pipeline == "idx"
${
  options.noOriginsCheck
    ? `  - uid: pr-no-origins
    title: No trusted origins are configured
    impact: 50
    mql: okta.trustedOrigins.length == 0
`
    : ''
}${
  options.httpsCheck
    ? `  - uid: pr-origins-https
    title: ${JSON.stringify(HOSTILE)}
    impact: 80
    mql: okta.trustedOrigins.where(status == "ACTIVE").all(origin == /^https:\\/\\//)
`
    : ''
}`;
}

const BASE = bundle({ minLength: 12, engineImpact: 30, noOriginsCheck: true, httpsCheck: false });
const HEAD = bundle({ minLength: 8, engineImpact: 35, noOriginsCheck: false, httpsCheck: true });
const NEW_BUNDLE = `policies:
  - uid: pr-new
    name: New policy
    groups:
      - checks:
          - uid: pr-domains
queries:
  - uid: pr-domains
    title: Custom domains are verified
    impact: 20
    mql: okta.domains.all(validationStatus == "COMPLETED")
`;

const total = (client: OktaClient) => Object.values(client.stats().requests).reduce((a, b) => a + b, 0);

describe('comparing a pull request’s policies with its base, on the demo org', () => {
  let repo: GitRepo;
  let sim: RunningSimulator;
  let client: OktaClient;
  let head: Report;
  let base: BaseEvaluation;
  let requestsAfterHead: number;
  let comparison: Comparison;

  beforeAll(async () => {
    repo = gitRepo();
    repo.commit('policies', { 'policies/pr.mql.yaml': BASE });
    repo.git('checkout', '--quiet', '-b', 'relax-passwords');
    repo.commit('relax passwords, check origins for https, drop the no-origins check', { 'policies/pr.mql.yaml': HEAD, 'policies/new.mql.yaml': NEW_BUNDLE });

    sim = await startSimulator({ org: 'demo' });
    client = clientFor(sim, { timeoutMs: 10_000 });
    const common = { data: client, host: 'demo.okta.com', now: NOW };
    head = buildReport(await scan({ ...common, bundleFiles: [`${repo.dir}/policies/pr.mql.yaml`, `${repo.dir}/policies/new.mql.yaml`] }), { client: client.stats() });
    requestsAfterHead = total(client);
    base = await evaluateAtRef({ ...common, cwd: repo.dir, ref: 'main', paths: ['policies/pr.mql.yaml', 'policies/new.mql.yaml'] });
    comparison = compareReports(base.report, head, 'main', base.problem);
  });
  afterAll(async () => {
    await client?.close();
    await sim?.close();
    repo?.remove();
  });

  it('evaluates the base over the data already fetched, without a request more', () => {
    expect(requestsAfterHead).toBeGreaterThan(0);
    expect(total(client)).toBe(requestsAfterHead);
    expect(base.problem).toBeUndefined();
    expect(base.missing).toEqual(['policies/new.mql.yaml']);
    expect(base.report!.checks.map((c) => c.source.file)).toEqual(Array(4).fill('main:policies/pr.mql.yaml'));
  });

  it('lists exactly the checks added, removed and changed, with their old and new results', () => {
    const brief = (c: { uid: string; status: string; impact: number; risk: number }) => `${c.uid} ${c.status} ${c.impact} ${c.risk}`;
    // The new bundle's checks count as added: they did not exist on the base.
    expect(comparison.added.map(brief)).toEqual(['pr-origins-https fail 80 80', 'pr-domains fail 20 20']);
    expect(comparison.removed.map(brief)).toEqual(['pr-no-origins fail 50 50']);
    expect(comparison.changed.map((c) => `${c.uid}: ${brief({ uid: 'was', ...c.before })} → ${brief({ uid: 'now', ...c.after })}`)).toEqual([
      'pr-engine: was pass 30 0 → now pass 35 0',
      'pr-password-length: was fail 60 60 → now pass 60 0',
    ]);
    expect(comparison.unchanged).toBe(1);
    expect(comparison.added[0].title).toBe(HOSTILE);
  });

  it('gives the risk before and after', () => {
    // Base: highest impact, the worst failure is passwords (60) → risk 60. Head: the policy scores
    // 100 − 80 = 20 over 4 checks, the new one 100 − 20 = 80 over 1: (20·4 + 80·1) / 5 = 32 → risk 68.
    expect([comparison.riskBefore, comparison.riskAfter]).toEqual([60, 68]);
    expect(comparison.riskBefore).toBe(base.report!.riskScore);
    expect(comparison.riskAfter).toBe(head.riskScore);
  });

  it('writes Markdown with every bundle value escaped', () => {
    const md = comparisonMarkdown(comparison);
    expect(md).toContain('This change raises the risk from 60 to 68.');
    expect(md).toContain('2 checks added, 1 removed, 2 changed, 1 unchanged.');
    expect(md).toContain('| Passwords are long enough <code>pr-password-length</code> | fail → pass | 60 | 60 → 0 |');
    expect(md).toContain('| Origins &#124; use &#60;img src=x onerror=alert(1)&#62; &#96;https&#96; &#42;&#42;now&#42;&#42; <code>pr-origins-https</code> | fail | 80 | 80 |');
    expect(md).not.toContain('<img');
    expect(md).not.toContain('`https`');
    expect(md).not.toContain('**now**');
    const row = md.split('\n').find((l) => l.includes('pr-origins'))!;
    expect(row.split('|').length - 2).toBe(4);
    expect(comparisonLine(comparison)).toBe('Compared with main: risk 60 → 68; 2 checks added, 1 removed, 2 changed, 1 unchanged.');
  });
});

describe('when the base cannot be compared', () => {
  let repo: GitRepo;
  let sim: RunningSimulator;
  let client: OktaClient;
  let head: Report;
  const common = () => ({ data: client, host: 'demo.okta.com', now: NOW });
  beforeAll(async () => {
    repo = gitRepo();
    repo.commit('a broken bundle', { 'policies/pr.mql.yaml': 'policies:\n  - uid: broken\n    name: [unclosed\n' });
    repo.git('checkout', '--quiet', '-b', 'fix');
    repo.commit('fix it, and add a bundle', { 'policies/pr.mql.yaml': HEAD, 'new/only.mql.yaml': NEW_BUNDLE });
    sim = await startSimulator({ org: 'demo' });
    client = clientFor(sim, { timeoutMs: 10_000 });
    head = buildReport(await scan({ ...common(), bundleFiles: [`${repo.dir}/policies/pr.mql.yaml`] }));
  });
  afterAll(async () => {
    await client?.close();
    await sim?.close();
    repo?.remove();
  });

  it('reports a base bundle with a YAML error instead of throwing, naming <ref>:<path>', async () => {
    const base = await evaluateAtRef({ ...common(), cwd: repo.dir, ref: 'main', paths: ['policies'] });
    expect(base.report).toBeUndefined();
    expect(base.problem).toMatch(/^the policies on main could not be evaluated: the policy bundles have 1 error:\nmain:policies\/pr\.mql\.yaml:\d+:\d+/);
    const c = compareReports(base.report, head, 'main', base.problem);
    expect(c).toMatchObject({ problem: base.problem, riskBefore: null, riskAfter: head.riskScore, added: [], removed: [], changed: [], unchanged: 0 });
    const md = comparisonMarkdown(c);
    expect(md).toContain('The policies were not compared with <code>main</code>.');
    expect(md).toContain('```text\nthe policies on main could not be evaluated');
    expect(comparisonLine(c)).toMatch(/^Not compared with main: the policies on main could not be evaluated: the policy bundles have 1 error: main:policies/);
  });

  it('reports a ref that does not exist', async () => {
    const base = await evaluateAtRef({ ...common(), cwd: repo.dir, ref: 'origin/main', paths: ['policies'] });
    expect(base.problem).toMatch(/the git ref 'origin\/main' names no commit/);
  });

  it('shows every check of a bundle that is new on the branch as added', async () => {
    const newHead = buildReport(await scan({ ...common(), bundleFiles: [`${repo.dir}/new/only.mql.yaml`] }));
    const base = await evaluateAtRef({ ...common(), cwd: repo.dir, ref: 'main', paths: ['new/only.mql.yaml'] });
    expect(base).toEqual({ ref: 'main', missing: ['new/only.mql.yaml'] });
    const c = compareReports(base.report, newHead, 'main', base.problem);
    expect(c.added.map((x) => `${x.uid} ${x.status}`)).toEqual(['pr-domains fail']);
    expect([c.removed, c.changed, c.unchanged, c.riskBefore, c.riskAfter]).toEqual([[], [], 0, null, 20]);
    expect(comparisonMarkdown(c)).toContain('This change takes the risk from unscored to 20.');
  });

  it('evaluates bundles from outside the repository on both sides', async () => {
    const url = { file: 'https://example.com/only.mql.yaml', text: NEW_BUNDLE };
    const both = buildReport(await scan({ ...common(), bundleFiles: [], bundleTexts: [url] }));
    const base = await evaluateAtRef({ ...common(), cwd: repo.dir, ref: 'main', paths: [], shared: [url] });
    const c = compareReports(base.report, both, 'main', base.problem);
    expect([c.added, c.removed, c.changed, c.unchanged, c.riskBefore, c.riskAfter]).toEqual([[], [], [], 1, 20, 20]);
    expect(comparisonLine(c)).toBe('Compared with main: risk 20 → 20; 0 checks added, 0 removed, 0 changed, 1 unchanged.');
  });
});

/** A report with only what the comparison reads. */
function reportOf(riskScore: number | null, checks: Array<[uid: string, status: ReportCheck['status'], impact: number, title?: string]>): Report {
  return {
    riskScore,
    checks: checks.map(([uid, status, impact, title]) => ({ uid, title: title ?? uid, status, impact, risk: status === 'fail' ? impact : 0 })),
  } as unknown as Report;
}

describe('the comparison text', () => {
  it('says whether the change raises, lowers or leaves the risk', () => {
    const base = reportOf(40, [['a', 'fail', 40]]);
    const md = (r: Report) => comparisonMarkdown(compareReports(base, r, 'origin/main')).split('\n')[2];
    expect(md(reportOf(80, [['a', 'fail', 80]]))).toBe('This change raises the risk from 40 to 80.');
    expect(md(reportOf(0, [['a', 'pass', 40]]))).toBe('This change lowers the risk from 40 to 0.');
    expect(md(reportOf(40, [['a', 'fail', 40]]))).toBe('This change leaves the risk at 40.');
    expect(md(reportOf(null, []))).toBe('This change takes the risk from 40 to unscored.');
  });

  it('counts a check whose status stays but whose impact changes as changed, a new title alone as unchanged', () => {
    const c = compareReports(reportOf(0, [['a', 'pass', 40], ['b', 'pass', 10, 'Old']]), reportOf(0, [['a', 'pass', 50], ['b', 'pass', 10, 'New']]), 'main');
    expect(c.changed).toEqual([{ uid: 'a', title: 'a', before: { status: 'pass', impact: 40, risk: 0 }, after: { status: 'pass', impact: 50, risk: 0 } }]);
    expect(c.unchanged).toBe(1);
  });

  it('makes bundle text inert in a table cell', () => {
    expect(mdText('a | b <script>alert(1)</script> `x` *y* _z_ [l](http://e) \\ ~s~ &amp;\nnext')).toBe(
      'a &#124; b &#60;script&#62;alert(1)&#60;/script&#62; &#96;x&#96; &#42;y&#42; &#95;z&#95; &#91;l&#93;(http://e) &#92; &#126;s&#126; &#38;amp; next',
    );
  });

  it('keeps a problem with backticks inside its fence, and the tables short', () => {
    const c = compareReports(undefined, reportOf(0, []), 'main', 'bad ``` fence\n````');
    expect(comparisonMarkdown(c)).toContain('`````text\nbad ``` fence\n````\n`````');
    const many = compareReports(reportOf(0, []), reportOf(100, Array.from({ length: 60 }, (_, i) => [`c${String(i).padStart(2, '0')}`, 'fail', 50] as [string, 'fail', number])), 'main');
    const md = comparisonMarkdown(many);
    expect(md.split('\n').filter((l) => l.startsWith('| <code>c')).length).toBe(50);
    expect(md).toContain('… and 10 more.');
  });
});
