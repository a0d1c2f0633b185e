// The built-in bundle, judged against the simulator's orgs over real sockets: it lints clean; the
// hardened org passes every check with risk 0; on demo the failures are exactly the
// misconfigurations that org was built with; a new org passes nothing vacuously where an empty list
// means a missing protection; a Classic Engine org passes nothing whose setting has another shape.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { QueryDef } from '../../src/policy/bundle.js';
import { builtInPolicyDir, bundleFiles } from '../../src/policy/files.js';
import { checkBundleFiles } from '../../src/policy/load.js';
import { scan, type ScanResult } from '../../src/scan.js';
import { startSimulator, type RunningSimulator } from '../../src/simulator/index.js';
import { DEMO_MISCONFIGURATIONS } from '../../src/simulator/orgs/demo.js';
import { clientFor, serviceAppOf } from '../helpers/client.js';
import { NOW } from '../helpers/mql.js';

const FILES = bundleFiles([builtInPolicyDir()]);
const STIG = 'okta-posture-disa-stig';
const BEST = 'okta-posture-best-practices';
const short = (uid: string) => uid.replace(/^okta-posture-/, '');

/** The 29 rules of the DISA Okta IDaaS STIG V1R2. */
const STIG_RULES = [
  ...Array.from({ length: 24 }, (_, i) => `V-${273186 + i}`),
  ...Array.from({ length: 5 }, (_, i) => `V-${279689 + i}`),
];
const CAT_I = ['V-273193', 'V-273194', 'V-273202'];

/** For each line of DEMO_MISCONFIGURATIONS, the checks that find it and the resources they name. */
const DEMO_FINDINGS: Array<Record<string, string[]>> = [
  // 0 super admins; admins without a phishing-resistant authenticator
  { 'super-admin-limit': [], 'admins-phishing-resistant-factor': ['ben.hartley@quillfeather.example', 'chloe.dubois@quillfeather.example', 'erin.walsh@quillfeather.example', 'integration.bot@quillfeather.example'] },
  // 1 the IT Admins group
  { 'admin-groups-have-owners': ['IT Admins'] },
  // 2 the Admin Console: not phishing-resistant, reachable from anywhere like every app
  { 'stig-admin-console-phishing-resistant': ['Admin Console MFA'], 'admin-console-network-zones': ['Admin Console MFA'], 'stig-app-policies-network-zones': ['Okta Admin Console', 'Okta Dashboard', 'Slack', 'Team Wiki', 'Expense Tracker', 'Legacy Intranet', 'PagerDuty', 'Employee Handbook', 'Customer Portal', 'Internal API'] },
  // 3 single-factor app access
  { 'stig-dashboard-mfa': ['Catch-all Rule'], 'stig-dashboard-phishing-resistant': ['Catch-all Rule'], 'app-policies-no-single-factor': ['Okta Dashboard', 'Default Policy', 'Business apps'] },
  // 4 the Admin Console session
  { 'stig-admin-console-idle-timeout': [], 'admin-console-session-lifetime': [] },
  // 5 global sessions
  {
    'session-lifetime': ['Employees', 'Default Rule'], 'session-idle-timeout': ['Employees', 'Default Rule'], 'session-persistent-cookie': ['Employees'],
    'stig-session-idle-timeout': ['Employees', 'Default Rule'], 'stig-session-lifetime': ['Employees', 'Default Rule'], 'stig-session-persistent-cookie': ['Employees'], 'stig-session-network-zones': ['Default Policy'],
  },
  // 6 password policies
  {
    'password-min-length': ['Default Policy'], 'stig-password-symbol': ['Default Policy'], 'stig-password-common-check': ['Default Policy'], 'password-history': ['Contractors', 'Default Policy'],
    'password-min-age': ['Contractors', 'Default Policy'], 'password-excludes-names': ['Contractors', 'Default Policy'], 'password-recovery-no-sms-or-questions': ['Default Policy'],
    'stig-password-lockout': ['Contractors', 'Default Policy'], 'stig-password-min-length': ['Contractors', 'Default Policy'], 'stig-password-min-age': ['Contractors', 'Default Policy'],
    'stig-password-max-age': ['Contractors', 'Default Policy'], 'stig-password-history': ['Default Policy'],
  },
  // 7 authenticators and enrollment
  {
    'weak-authenticators-not-enrollable': ['Default Policy'], 'enrollment-requires-strong-authenticator': ['Default Policy'], 'okta-verify-user-verification': ['Okta Verify'],
    'okta-verify-number-challenge': ['Okta Verify'], 'security-question-inactive': ['Security Question'], 'email-authenticator-recovery-only': ['Email'], 'stig-okta-verify-fips': ['Okta Verify'],
  },
  // 8 ThreatInsight and blocklists
  { 'threatinsight-block': [], 'stig-anonymizers-blocked': [], 'ip-blocklist': [], 'country-blocklist': [] },
  // 9 API tokens
  { 'stig-api-token-network-zones': ['posture-scanner', 'terraform-okta'], 'stig-api-token-not-super-admin': ['posture-scanner', 'terraform-okta'], 'api-token-max-age': ['terraform-okta'] },
  // 10 apps
  { 'apps-federated-sign-on': ['Expense Tracker', 'Legacy Intranet', 'PagerDuty'], 'oidc-no-implicit-grant': ['Customer Portal'], 'oidc-public-client-pkce': ['Customer Portal'], 'saml-sha256-signing': ['Team Wiki'] },
  // 11 trusted origins, hooks, domains, IdPs
  { 'trusted-origins-https': ['Marketing site'], 'event-hooks-https': ['HR sync'], 'event-hooks-authenticated': ['HR sync'], 'custom-domains-verified': ['id.quillfeather.example'], 'idp-no-auto-account-link': ['Partner Co SSO'] },
  // 12 authorization servers
  { 'auth-server-access-token-lifetime': ['Partner API'], 'auth-server-refresh-token-lifetime': ['default', 'Partner API'] },
  // 13 monitoring and notifications
  { 'stig-log-stream-active': [], 'new-sign-on-notification': [], 'factor-enrollment-notification': [], 'factor-reset-notification': [], 'password-changed-notification': [], 'suspicious-activity-reporting': [] },
  // 14 Okta Support, public clients
  { 'okta-support-access-revoked': [], 'public-clients-no-default-super-admin': [] },
  // 15 lifecycle
  { 'inactivity-automation': [], 'stig-inactive-accounts-disabled': [], 'no-dormant-active-users': ['jonas.becker@quillfeather.example'], 'active-users-mfa-enrolled': ['farid.haddad@quillfeather.example'], 'group-rules-valid': ['Contractors by title'] },
  // 16 device assurance
  { 'device-assurance-in-use': [] },
  // 17 DoD
  { 'stig-dod-consent-banner': ['Quillfeather Labs'], 'stig-smart-card-authenticator': [], 'stig-dod-certificate-authorities': [] },
];

/** Checks that may pass over an empty list on a new org, because there the list holds only risks. */
const EMPTY_IS_SAFE: Record<string, string> = {
  'admin-groups-have-owners': 'no group grants an admin role',
  'threatinsight-narrow-exemptions': 'ThreatInsight exempts no zone',
  'trusted-origins-https': 'no trusted origins',
  'oidc-no-implicit-grant': 'no OIDC apps of its own',
  'oidc-public-client-pkce': 'no public clients',
  'saml-sha256-signing': 'no SAML apps',
  'saml-assertions-signed': 'no SAML apps',
  'idp-no-auto-account-link': 'no inbound identity providers',
  'event-hooks-https': 'no event hooks',
  'event-hooks-authenticated': 'no event hooks',
  'custom-domains-verified': 'no custom domains',
  'group-rules-valid': 'no group rules',
  'suspended-accounts-deactivated': 'no suspended users',
};

/** Protections a new org lacks: each must fail there, not pass over an empty list. */
const EMPTY_MUST_FAIL = ['stig-log-stream-active', 'stig-inactive-accounts-disabled', 'inactivity-automation', 'ip-blocklist', 'country-blocklist', 'stig-anonymizers-blocked', 'device-assurance-in-use', 'stig-dod-consent-banner', 'stig-smart-card-authenticator', 'stig-dod-certificate-authorities'];

/** On Classic Engine, checks that read Identity Engine APIs error and say so. */
const CLASSIC_ERRORS = [
  'stig-admin-console-mfa', 'stig-admin-console-phishing-resistant', 'admin-console-network-zones', 'stig-dashboard-mfa', 'stig-dashboard-phishing-resistant',
  'stig-app-policies-network-zones', 'app-policies-no-single-factor', 'phishing-resistant-authenticator', 'okta-verify-user-verification', 'okta-verify-number-challenge',
  'security-question-inactive', 'email-authenticator-recovery-only', 'possession-factor-first', 'device-assurance-in-use', 'stig-smart-card-authenticator', 'stig-okta-verify-fips',
];

/** On Classic Engine, the checks that pass: each reads data that has the same shape on both engines. */
const CLASSIC_PASSES = [
  'stig-admin-console-idle-timeout', 'admin-console-session-lifetime', 'super-admin-limit', 'org-admin-limit', 'okta-support-access-revoked', 'public-clients-no-default-super-admin',
  'stig-password-uppercase', 'stig-password-lowercase', 'stig-password-number', 'password-lockout', 'session-custom-first-rule', 'threatinsight-narrow-exemptions', 'no-open-network-zone',
  'trusted-origins-https', 'oidc-no-implicit-grant', 'oidc-public-client-pkce', 'saml-sha256-signing', 'saml-assertions-signed', 'idp-no-auto-account-link', 'event-hooks-https',
  'event-hooks-authenticated', 'custom-domains-verified', 'auth-server-access-token-lifetime', 'new-sign-on-notification', 'factor-enrollment-notification',
  'password-changed-notification', 'behavior-detection-active', 'no-dormant-active-users', 'group-rules-valid', 'suspended-accounts-deactivated',
];

async function scanOrg(org: string, props: Record<string, number> = {}): Promise<ScanResult> {
  const sim: RunningSimulator = await startSimulator({ org });
  const client = clientFor(sim, { credentials: { apiToken: sim.token, ...(sim.serviceApp ? { serviceApp: serviceAppOf(sim) } : {}) }, timeoutMs: 10_000 });
  try {
    return await scan({ bundleFiles: FILES, data: client, host: `${org}.okta.com`, now: NOW, props });
  } finally {
    await client.close();
    await sim.close();
  }
}

const statusOf = (r: ScanResult) => Object.fromEntries(r.checks.map((c) => [short(c.uid), c.status]));
const uidsWith = (r: ScanResult, status: string) => r.checks.filter((c) => c.status === status).map((c) => short(c.uid)).sort();

describe('the built-in bundle', () => {
  const { bundle, diagnostics } = checkBundleFiles(FILES);
  const policy = (uid: string) => bundle.policies.find((p) => p.uid === uid)!;
  const checksOf = (uid: string): QueryDef[] => [...new Set(policy(uid).groups.flatMap((g) => g.checks.map((c) => c.uid)))].map((u) => bundle.queries.get(u)!);
  const all = [...new Map([...checksOf(STIG), ...checksOf(BEST)].map((q) => [q.uid, q])).values()];

  it('lints clean: no errors and no warnings', () => {
    expect(diagnostics).toEqual([]);
  });

  it('has at least 70 checks, and the STIG policy has exactly its 29 rules', () => {
    expect(all.length).toBeGreaterThanOrEqual(70);
    const stig = checksOf(STIG);
    expect(stig.map((q) => q.tags['disa-stig/vuln-id']).sort()).toEqual(STIG_RULES);
    for (const q of stig) {
      expect(q.tags['disa-stig/stig-id'], q.uid).toMatch(/^OKTA-APP-\d{6}$/);
      const cat = CAT_I.includes(q.tags['disa-stig/vuln-id']!) ? 'CAT I' : 'CAT II';
      expect([q.uid, q.tags['disa-stig/severity'], q.impact?.value]).toEqual([q.uid, cat, cat === 'CAT I' ? 90 : 60]);
    }
  });

  it('documents every check: risk, audit in the console and the API, remediation, links and a category', () => {
    for (const q of all) {
      const where = q.uid;
      expect(q.title, where).toBeTruthy();
      expect(q.impact?.value, where).toBeGreaterThan(0);
      expect(q.docs.desc?.length, where).toBeGreaterThan(150);
      expect(q.docs.audit, where).toMatch(/Admin Console/);
      expect(q.docs.audit, where).toMatch(/API/);
      expect(q.docs.remediation.map((r) => r.id), where).toContain('console');
      for (const r of q.docs.remediation.filter((x) => x.id === 'terraform')) expect(r.desc, where).toMatch(/`okta_\w+`/);
      expect(q.refs.length, where).toBeGreaterThan(0);
      expect(q.tags['okta-posture/category'], where).toBeTruthy();
      for (const p of q.props) expect(p.title, `${where} prop ${p.uid}`).toBeTruthy();
    }
  });

  it('gives every prop one definition', () => {
    const uids = [...bundle.queries.values()].flatMap((q) => q.props.map((p) => p.uid));
    expect(uids.length).toBe(new Set(uids).size);
  });
});

describe('the built-in bundle on the simulator orgs', () => {
  const results: Record<string, ScanResult> = {};
  beforeAll(async () => {
    for (const org of ['hardened', 'demo', 'empty', 'classic']) results[org] = await scanOrg(org);
  }, 60_000);
  afterAll(() => undefined);

  it('hardened: every check passes and the risk is 0', () => {
    const r = results.hardened!;
    expect(r.checks.filter((c) => c.status !== 'pass').map((c) => `${c.uid}: ${c.status} ${c.message ?? ''}`)).toEqual([]);
    expect(r.checks.length).toBeGreaterThanOrEqual(70);
    expect(r.risk).toBe(0);
    expect(r.policies.map((p) => [p.uid, p.score])).toEqual([[BEST, 100], [STIG, 100]]);
  });

  it('demo: the failures are exactly the misconfigurations the org was built with, naming the right resources', () => {
    const r = results.demo!;
    expect(DEMO_FINDINGS).toHaveLength(DEMO_MISCONFIGURATIONS.length);
    const expected = Object.assign({}, ...DEMO_FINDINGS) as Record<string, string[]>;
    expect(uidsWith(r, 'fail')).toEqual(Object.keys(expected).sort());
    expect(uidsWith(r, 'error')).toEqual([]);
    for (const c of r.checks.filter((x) => x.status === 'fail')) expect([short(c.uid), c.failingResources.map((f) => f.name)]).toEqual([short(c.uid), expected[short(c.uid)]]);
    for (const [i, findings] of DEMO_FINDINGS.entries()) expect(Object.keys(findings).length, DEMO_MISCONFIGURATIONS[i]).toBeGreaterThan(0);
    expect(r.rating).toBe('critical');
  });

  it('empty: nothing passes over an empty list unless the list could only hold risks, and missing protections fail', () => {
    const r = results.empty!;
    const vacuous = r.checks.filter((c) => c.status === 'pass' && c.vacuous).map((c) => short(c.uid)).sort();
    expect(vacuous.filter((u) => !(u in EMPTY_IS_SAFE))).toEqual([]);
    const status = statusOf(r);
    expect(EMPTY_MUST_FAIL.map((u) => [u, status[u]])).toEqual(EMPTY_MUST_FAIL.map((u) => [u, 'fail']));
    expect(uidsWith(r, 'error')).toEqual([]);
  });

  it('leaves out the per-user factor check on orgs larger than maxUsersForFactorCheck', async () => {
    // The demo org has 15 enabled users: at 14 the check would cost more requests than allowed.
    const r = await scanOrg('demo', { maxUsersForFactorCheck: 14 });
    expect(statusOf(r)['active-users-mfa-enrolled']).toBeUndefined();
    expect(statusOf(await scanOrg('demo', { maxUsersForFactorCheck: 15 }))['active-users-mfa-enrolled']).toBe('fail');
  });

  it('classic: checks that need Identity Engine error and say why; only engine-neutral checks pass', () => {
    const r = results.classic!;
    expect(uidsWith(r, 'error')).toEqual([...CLASSIC_ERRORS].sort());
    for (const c of r.checks.filter((x) => x.status === 'error')) expect(c.message, c.uid).toMatch(/Identity Engine/);
    expect(uidsWith(r, 'pass')).toEqual([...CLASSIC_PASSES].sort());
    // Weak settings in the Classic shape are found, not missed because the shape differs.
    const status = statusOf(r);
    for (const u of ['weak-authenticators-not-enrollable', 'enrollment-requires-strong-authenticator', 'session-mfa-classic', 'password-recovery-no-sms-or-questions']) expect([u, status[u]]).toEqual([u, 'fail']);
    // The Classic-only check is absent on Identity Engine orgs.
    expect(statusOf(results.demo!)['session-mfa-classic']).toBeUndefined();
  });
});
