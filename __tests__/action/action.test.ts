// The action as the runner runs it: the built dist/index.js under Node 24 as a child process, with
// INPUT_* variables, real GITHUB_STEP_SUMMARY and GITHUB_OUTPUT files, and a simulated org. Checks
// the summary, the outputs, the files, the exit code below and above the threshold, and that no
// credential appears anywhere but in the runner's mask commands.
import { execFileSync, spawn } from 'node:child_process';
import { createServer, type IncomingMessage } from 'node:http';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../src/report/report.js';
import { startSimulator, type RunningSimulator } from '../../src/simulator/index.js';
import { ROOT } from '../helpers/cli.js';
import { gitRepo } from '../helpers/gitRepo.js';

const ACTION = join(ROOT, 'dist/index.js');

interface ActionRun {
  code: number | null;
  stdout: string;
  stderr: string;
  summary: string;
  outputs: Record<string, string>;
  dir: string;
}

/** Parses GITHUB_OUTPUT's `name<<delimiter` blocks. */
function parseOutputs(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const m = /^([\w-]+)<<(.+)$/.exec(lines[i]!);
    if (!m) continue;
    const end = lines.indexOf(m[2]!, i + 1);
    out[m[1]!] = lines.slice(i + 1, end).join('\n');
    i = end;
  }
  return out;
}

function runAction(inputs: Record<string, string>, env: Record<string, string> = {}, workspace?: string): Promise<ActionRun> {
  const dir = mkdtempSync(join(tmpdir(), 'okta-posture-action-'));
  const summaryFile = join(dir, 'summary.md');
  const outputFile = join(dir, 'output.txt');
  writeFileSync(summaryFile, '');
  writeFileSync(outputFile, '');
  const childEnv: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? dir,
    GITHUB_STEP_SUMMARY: summaryFile,
    GITHUB_OUTPUT: outputFile,
    RUNNER_TEMP: dir,
    GITHUB_WORKSPACE: workspace ?? dir,
    GITHUB_EVENT_NAME: 'schedule',
    GITHUB_REPOSITORY: 'acme/okta-config',
    ...Object.fromEntries(Object.entries(inputs).map(([k, v]) => [`INPUT_${k.toUpperCase()}`, v])),
    ...env,
  };
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [ACTION], { cwd: workspace ?? dir, env: childEnv });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr, summary: readFileSync(summaryFile, 'utf8'), outputs: parseOutputs(readFileSync(outputFile, 'utf8')), dir }));
  });
}

/** Everything the run left behind, except the runner's own mask commands. */
function everything(run: ActionRun): string {
  const files = ['okta-posture/okta-posture.sarif', 'okta-posture/okta-posture.json'].map((f) => join(run.dir, f)).filter(existsSync).map((f) => readFileSync(f, 'utf8'));
  const log = `${run.stdout}\n${run.stderr}`.split('\n').filter((l) => !l.startsWith('::add-mask::')).join('\n');
  return [log, run.summary, JSON.stringify(run.outputs), ...files].join('\n');
}

const annotations = (run: ActionRun) => run.stdout.split('\n').filter((l) => /^::(error|warning|notice)[ :]/.test(l));

describe('the action on the demo org with an API token', () => {
  let sim: RunningSimulator;
  beforeAll(async () => {
    sim = await startSimulator({ org: 'demo' });
  });
  afterAll(() => sim.close());

  it('below the threshold: summary, outputs, SARIF and JSON, exit 0, and the token nowhere', async () => {
    const run = await runAction({ organization: sim.url, token: sim.token, 'risk-threshold': '95' });
    expect(run.code).toBe(0);
    expect(run.outputs).toMatchObject({ 'risk-score': '90', rating: 'critical', passed: '15', failed: '72', errors: '0', skipped: '0', waived: '0', 'threshold-exceeded': 'false' });
    expect(run.summary).toMatch(/Risk 90 \/ 100 · CRITICAL/);
    expect(run.summary).toContain('The System Log is streamed to a central log server');
    const report = JSON.parse(readFileSync(run.outputs['json-file']!, 'utf8')) as Report;
    expect(report).toMatchObject({ schemaVersion: '1.0', riskScore: 90, counts: { fail: 72 } });
    const sarif = JSON.parse(readFileSync(run.outputs['sarif-file']!, 'utf8')) as { runs: Array<{ results: unknown[] }> };
    expect(sarif.runs[0]!.results).toHaveLength(72);
    expect(annotations(run)).toHaveLength(10);
    expect(run.stdout).toContain('::add-mask::');
    expect(everything(run)).not.toContain(sim.token);
  }, 60_000);

  it('at the threshold: the same files and outputs, then the step fails with exit 1', async () => {
    const run = await runAction({ organization: sim.url, token: sim.token, 'risk-threshold': '90', 'sarif-file': 'out/posture.sarif' });
    expect(run.code).toBe(1);
    expect(run.outputs['threshold-exceeded']).toBe('true');
    expect(run.outputs['sarif-file']).toBe(join(run.dir, 'out/posture.sarif'));
    expect(existsSync(join(run.dir, 'out/posture.sarif'))).toBe(true);
    expect(run.stdout).toContain("::error::The org's risk is 90 (critical), at or above the threshold 90: 72 checks failed.");
    expect(run.summary).toContain('CRITICAL');
    expect(everything(run)).not.toContain(sim.token);
  }, 60_000);

  it('could not scan with a refused token: exit 2, a clear message, no token', async () => {
    const wrong = `${sim.token}x`;
    const run = await runAction({ organization: sim.url, token: wrong });
    expect(run.code).toBe(2);
    expect(run.stdout).toMatch(/::error::okta-posture could not scan: .*Okta refused the API token/);
    expect(run.summary).toContain('okta-posture could not scan');
    expect(everything(run)).not.toContain(wrong);
  }, 60_000);

  it('reports every bad input at once, exit 2', async () => {
    const run = await runAction({ organization: sim.url, 'client-id': '0oa123', 'risk-threshold': 'high', 'fail-on-error': 'maybe' });
    expect(run.code).toBe(2);
    expect(run.stdout).toContain("'client-id' needs the service app's 'private-key'");
    expect(run.stdout).toContain("'risk-threshold' must be a whole number from 0 to 100, not 'high'");
    expect(run.stdout).toContain("'fail-on-error' must be true or false, not 'maybe'");
  }, 60_000);
});

describe('the action on the hardened org with a service app', () => {
  it('passes with risk 0, and neither the private key nor the token shows anywhere', async () => {
    const sim = await startSimulator({ org: 'hardened' });
    try {
      const app = sim.serviceApp!;
      const run = await runAction({
        organization: sim.url,
        token: sim.token,
        'client-id': app.clientId,
        'private-key': app.privateKey,
        'private-key-id': app.keyId,
        scopes: app.scopes.join(' '),
        'risk-threshold': '1',
      });
      expect(run.code).toBe(0);
      expect(run.outputs).toMatchObject({ 'risk-score': '0', rating: 'none', failed: '0', errors: '0', 'threshold-exceeded': 'false' });
      expect(annotations(run)).toEqual([]);
      const all = everything(run);
      expect(all).not.toContain(sim.token);
      for (const line of app.privateKey.split('\n').filter((l) => l.length > 20 && !l.startsWith('-----'))) expect(all).not.toContain(line);
    } finally {
      await sim.close();
    }
  }, 60_000);
});

describe('checks that could not be evaluated', () => {
  it('fail the step with fail-on-error (the default), and not without it', async () => {
    const sim = await startSimulator({ org: 'classic' });
    try {
      const strict = await runAction({ organization: sim.url, token: sim.token });
      expect(strict.code).toBe(1);
      expect(strict.outputs.errors).toBe('16');
      expect(strict.stdout).toContain('::error::16 checks could not be evaluated');
      const lenient = await runAction({ organization: sim.url, token: sim.token, 'fail-on-error': 'false' });
      expect(lenient.code).toBe(0);
    } finally {
      await sim.close();
    }
  }, 60_000);
});

describe('pull requests', () => {
  const bundle = (minLength: number, extra = '') => `policies:
  - uid: repo-policy
    name: Repository policy
    scoring_system: highest impact
    groups:
      - filters: asset.platform == "okta-org"
        checks:
          - uid: repo-password-length
          - uid: repo-threatinsight${extra ? '\n          - uid: repo-origins' : ''}
queries:
  - uid: repo-password-length
    title: Passwords are long
    impact: 60
    props:
      - uid: repoMinLength
        mql: ${minLength}
    mql: okta.policies.password.where(status == "ACTIVE").all(settings.password.complexity.minLength >= props.repoMinLength)
  - uid: repo-threatinsight
    title: ThreatInsight blocks
    impact: 80
    mql: okta.organization.threatInsightSettings.action == "block"
${extra}`;
  const origins = `  - uid: repo-origins
    title: Trusted origins use https
    impact: 40
    mql: okta.trustedOrigins.all(origin == /^https:/)
`;

  it('without credentials, lints the bundles, annotates their problems and says the scan was skipped', async () => {
    const repo = gitRepo();
    repo.commit('policies', { 'okta/policy.mql.yaml': bundle(12).replace('impact: 80', 'impact: severe') });
    const run = await runAction({ organization: 'acme.okta.com', policies: 'okta/' }, { GITHUB_EVENT_NAME: 'pull_request' }, repo.dir);
    expect(run.code).toBe(1);
    expect(run.summary).toContain('okta-posture: scan skipped');
    expect(run.summary).toContain('pull requests from forks get no secrets');
    expect(run.stdout).toMatch(/::error title=okta-posture lint,file=okta\/policy\.mql\.yaml,line=\d+,col=\d+::impact must be a number/);
    expect(run.stdout).toContain('::warning::No Okta credentials: the scan was skipped');
    repo.remove();
  }, 60_000);

  it('comments on the pull request once and updates that comment on the next run', async () => {
    const sim = await startSimulator({ org: 'demo' });
    const seen: Array<{ method: string; url: string; body: string; auth: string }> = [];
    const comments: Array<{ id: number; body: string }> = [];
    const api = createServer((req: IncomingMessage, res) => {
      let body = '';
      req.on('data', (d) => (body += d));
      req.on('end', () => {
        seen.push({ method: req.method!, url: req.url!, body, auth: String(req.headers.authorization ?? '') });
        res.setHeader('content-type', 'application/json');
        if (req.method === 'GET') return res.end(JSON.stringify(comments));
        if (req.method === 'POST') comments.push({ id: 42, body: (JSON.parse(body) as { body: string }).body });
        if (req.method === 'PATCH') comments[0]!.body = (JSON.parse(body) as { body: string }).body;
        res.end(JSON.stringify(comments[0]));
      });
    });
    await new Promise<void>((r) => api.listen(0, '127.0.0.1', r));
    const event = join(mkdtempSync(join(tmpdir(), 'okta-posture-event-')), 'event.json');
    writeFileSync(event, JSON.stringify({ pull_request: { number: 7 } }));
    const env = { GITHUB_EVENT_NAME: 'pull_request', GITHUB_EVENT_PATH: event, GITHUB_API_URL: `http://127.0.0.1:${(api.address() as { port: number }).port}` };
    try {
      const inputs = { organization: sim.url, token: sim.token, 'pr-comment': 'true', 'github-token': 'ghs_exampleGitHubToken123', 'compare-policies': 'off' };
      const first = await runAction(inputs, env);
      const second = await runAction(inputs, env);
      expect([first.code, second.code]).toEqual([0, 0]);
      expect(seen.map((r) => `${r.method} ${r.url.replace(/\?.*$/, '')}`)).toEqual([
        'GET /repos/acme/okta-config/issues/7/comments',
        'POST /repos/acme/okta-config/issues/7/comments',
        'GET /repos/acme/okta-config/issues/7/comments',
        'PATCH /repos/acme/okta-config/issues/comments/42',
      ]);
      expect(seen.every((r) => r.auth === 'token ghs_exampleGitHubToken123')).toBe(true);
      expect(comments).toHaveLength(1);
      expect(comments[0]!.body).toMatch(/^<!-- okta-posture:pr-comment -->\n/);
      expect(comments[0]!.body).toContain('Risk 90 / 100');
      expect(comments[0]!.body.length).toBeLessThan(65_536);
      expect(seen.map((r) => r.body).join('')).not.toContain(sim.token);
      expect(everything(first)).not.toContain('ghs_exampleGitHubToken123');
    } finally {
      api.close();
      await sim.close();
    }
  }, 60_000);

  it('compares the policies with the base branch over the same data', async () => {
    const sim = await startSimulator({ org: 'demo' });
    const origin = gitRepo();
    origin.commit('policies', { 'okta/policy.mql.yaml': bundle(8) });
    const work = mkdtempSync(join(tmpdir(), 'okta-posture-clone-'));
    execFileSync('git', ['clone', '--quiet', origin.dir, work]);
    const git = (...args: string[]) => execFileSync('git', args, { cwd: work, encoding: 'utf8' });
    git('config', 'user.email', 't@example.com');
    git('config', 'user.name', 'T');
    git('checkout', '--quiet', '-b', 'stricter');
    writeFileSync(join(work, 'okta/policy.mql.yaml'), bundle(15, origins));
    git('commit', '--quiet', '-am', 'stricter passwords, https origins');
    const event = join(work, '..', `event-${Date.now()}.json`);
    writeFileSync(event, JSON.stringify({ pull_request: { number: 7, head: { sha: 'abc' } } }));
    try {
      const run = await runAction(
        { organization: sim.url, token: sim.token, policies: 'okta/policy.mql.yaml' },
        { GITHUB_EVENT_NAME: 'pull_request', GITHUB_BASE_REF: 'main', GITHUB_HEAD_REF: 'stricter', GITHUB_EVENT_PATH: event },
        work,
      );
      expect(run.code).toBe(0);
      // The base passes the 8-character rule; the branch asks for 15 and adds the https check.
      expect(run.summary).toContain("leaves the risk at 80");
      expect(run.summary).toContain('repo-password-length');
      expect(run.summary).toContain('repo-origins');
      expect(run.stdout).toMatch(/Compared with origin\/main: risk 80 → 80; 1 check added, 0 removed, 1 changed/);
      expect(everything(run)).not.toContain(sim.token);
    } finally {
      await sim.close();
      origin.remove();
    }
  }, 60_000);
});
