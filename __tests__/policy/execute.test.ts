// How a check's status is decided (cnspec's rules), against simulated orgs over real sockets:
// every statement must hold; no verdict is a skip; data that cannot be read is an error, never a
// pass; failing resources are named; variants and filters choose what runs.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../../src/policy/bundle.js';
import { executePolicies, SelectionError, type Execution } from '../../src/policy/execute.js';
import { loadBundleTexts } from '../../src/policy/load.js';
import { lintBundle } from '../../src/policy/lint.js';
import { orgEnvironment } from '../../src/resources/environment.js';
import { startSimulator, type RunningSimulator } from '../../src/simulator/index.js';
import { clientFor } from '../helpers/client.js';
import { NOW } from '../helpers/mql.js';

/** A one-policy bundle with these checks (uid → mql), each impact 50. */
function bundleOf(checks: Record<string, string>, extra = ''): string {
  const uids = Object.keys(checks);
  return `policies:
  - uid: p
    name: P
    scoring_system: highest impact
    groups:
      - filters: asset.platform == "okta-org"
        checks:
${uids.map((u) => `          - uid: ${u}`).join('\n')}
queries:
${uids.map((u) => `  - uid: ${u}\n    title: ${u}\n    impact: 50\n    mql: |\n${checks[u]!.split('\n').map((l) => `      ${l}`).join('\n')}`).join('\n')}
${extra}`;
}

async function run(sim: RunningSimulator, text: string, options: { token?: string } = {}): Promise<Execution> {
  const { bundle, diagnostics } = loadBundleTexts([{ file: 'inline.mql.yaml', text }]);
  const problems = [...diagnostics, ...lintBundle(bundle)].filter((d) => d.severity === 'error');
  if (problems.length) throw new Error(problems.map(formatDiagnostic).join('\n'));
  const client = clientFor(sim, options.token ? { credentials: { apiToken: options.token } } : {});
  try {
    return await executePolicies(bundle, { env: orgEnvironment({ data: client, host: 'x.okta.com', now: NOW }) });
  } finally {
    await client.close();
  }
}

const byUid = (e: Execution) => Object.fromEntries(e.checks.map((c) => [c.uid, c]));

let demo: RunningSimulator;
beforeAll(async () => {
  demo = await startSimulator({ org: 'demo' });
});
afterAll(() => demo.close());

describe('check status', () => {
  it('passes only when every statement holds', async () => {
    const r = byUid(
      await run(demo, bundleOf({
        both: 'okta.organization.companyName == "Quillfeather Labs"\nokta.organization.threatInsightSettings.action == "audit"',
        second_false: 'okta.organization.companyName == "Quillfeather Labs"\nokta.organization.threatInsightSettings.action == "block"',
      })),
    );
    expect(r.both!.status).toBe('pass');
    expect(r.second_false!.status).toBe('fail');
  });

  it('skips a check that yields no verdict: data only, or blocks over an empty list', async () => {
    const r = byUid(await run(demo, bundleOf({ data_only: 'okta.organization.companyName', empty_blocks: 'okta.users.where(status == "NOBODY") { status == "ACTIVE" }' })));
    expect(r.data_only!.status).toBe('skip');
    expect(r.empty_blocks!.status).toBe('skip');
  });

  it('marks a pass over an empty list as vacuous', async () => {
    const r = byUid(await run(demo, bundleOf({ vacuous: 'okta.logStreams.where(status == "ACTIVE").all(type == "splunk_cloud_logstreaming")', real: 'okta.users.where(status == "ACTIVE").all(id != "")' })));
    expect(r.vacuous).toMatchObject({ status: 'pass', vacuous: true });
    expect(r.real).toMatchObject({ status: 'pass', vacuous: false });
  });

  it('names the resources that fail all(), none() and block assertions', async () => {
    const r = byUid(
      await run(demo, bundleOf({
        all: 'okta.trustedOrigins.all(origin == /^https:/)',
        none: 'okta.applications.none(signOnMode == "BASIC_AUTH")',
        block: 'okta.domains { validationStatus == "COMPLETED" }',
      })),
    );
    expect(r.all!.failingResources).toEqual([expect.objectContaining({ type: 'okta.trustedOrigin', name: 'Marketing site' })]);
    expect(r.none!.failingResources.map((f) => f.name)).toEqual(['Legacy Intranet']);
    expect(r.block!.failingResources.map((f) => f.name)).toEqual(['id.quillfeather.example']);
  });

  it('errors, with what would fix it, when the data cannot be read, and never passes', async () => {
    const hardened = await startSimulator({ org: 'hardened' });
    try {
      // The hardened org's API token belongs to an Org Admin: API tokens need a Super Administrator.
      const r = byUid(await run(hardened, bundleOf({ tokens: 'okta.apiTokens.all(network["connection"] == "ZONE")', fine: 'okta.users.length > 0' }), { token: hardened.token }));
      expect(r.tokens).toMatchObject({ status: 'error', needs: expect.stringMatching(/Super Administrator/) });
      expect(r.fine!.status).toBe('pass');
    } finally {
      await hardened.close();
    }
  });

  it('errors when a list predicate meets a list that is null', async () => {
    const r = byUid(await run(demo, bundleOf({ null_list: 'okta.policies.password.first.settings["noSuchList"].all(_ == 1)' })));
    expect(r.null_list!.status).toBe('error');
  });
});

describe('variants and filters', () => {
  const variants = `  - uid: v-check
    title: With variants
    impact: 40
    variants:
      - uid: v-terraform
      - uid: v-classic
      - uid: v-engine
  - uid: v-terraform
    filters: asset.platform == "terraform-hcl"
    mql: terraform.resources.length > 0
  - uid: v-classic
    filters: okta.organization.pipeline == "v1"
    mql: okta.policies.signOn.length > 100
  - uid: v-engine
    filters: okta.organization.pipeline == "idx"
    mql: okta.policies.accessPolicy.length > 0
  - uid: filtered-out
    title: Applies only to Classic Engine
    impact: 40
    filters: okta.organization.pipeline == "v1"
    mql: okta.users.length > 100000
`;
  const text = `policies:
  - uid: p1
    name: P1
    groups:
      - checks:
          - uid: v-check
          - uid: filtered-out
          - uid: shared
  - uid: p2
    name: P2
    groups:
      - checks:
          - uid: shared
queries:
${variants}  - uid: shared
    title: Shared
    impact: 10
    mql: okta.organization.pipeline == "idx"
`;

  it('runs the first variant whose filters hold, omits checks whose filters do not, and runs a shared check once', async () => {
    const e = await run(demo, text);
    const r = byUid(e);
    expect(r['v-check']).toMatchObject({ status: 'pass', variant: 'v-engine' });
    expect(r['filtered-out']).toBeUndefined();
    expect(r.shared).toMatchObject({ status: 'pass', policies: ['p1', 'p2'] });
    expect(e.checks).toHaveLength(2);
    expect(e.policies.map((p) => [p.uid, p.checks])).toEqual([['p1', ['v-check', 'shared']], ['p2', ['shared']]]);
  });

  it('refuses to select a policy the bundles do not have, naming the ones they do', async () => {
    const { bundle } = loadBundleTexts([{ file: 'inline.mql.yaml', text }]);
    const client = clientFor(demo);
    await expect(executePolicies(bundle, { env: orgEnvironment({ data: client, host: 'x', now: NOW }), policyUids: ['p3'] })).rejects.toThrow(SelectionError);
    await expect(executePolicies(bundle, { env: orgEnvironment({ data: client, host: 'x', now: NOW }), policyUids: ['p3'] })).rejects.toThrow("no policy 'p3' in the bundles; they hold: p1, p2");
    await client.close();
  });

  it('reports a group whose filter cannot be evaluated as errors, not as passes', async () => {
    const text2 = bundleOf({ guarded: 'okta.users.length > 0' }).replace('filters: asset.platform == "okta-org"', 'filters: okta.apiTokens.length >= 0');
    const hardened = await startSimulator({ org: 'hardened' });
    try {
      const r = byUid(await run(hardened, text2, { token: hardened.token }));
      expect(r.guarded!.status).toBe('error');
      expect(r.guarded!.message).toMatch(/^could not tell whether the group '' applies: /);
    } finally {
      await hardened.close();
    }
  });
});
