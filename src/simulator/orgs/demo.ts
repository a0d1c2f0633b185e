// `demo`: Quillfeather Labs, a 60-person software company whose Okta org grew without a security
// review. Its misconfigurations are deliberate and listed in DEMO_MISCONFIGURATIONS; everything
// else is configured sensibly, so a scan shows exactly these findings.
import type { OrgFixture } from '../fixture/format.js';
import { autoLoginApp, basicAuthApp, bookmarkApp, oidcApp, samlApp, swaApp } from './apps.js';
import { authorizationServer, samlIdp } from './federation.js';
import { freshOrg, OKTA_DEFAULT_PASSWORD } from './fresh.js';
import type { PersonSpec } from './orgBuilder.js';
import { accessRule, addPolicy, addRule, enrollmentSettings, passwordRule, passwordSettings, signOnRule } from './policies.js';
import { addScannerApp, type ScannerKey } from './scannerApp.js';
import { apiToken, authenticator, customDomain, customRole, eventBridgeLogStream, eventHook, ipZone, trustedOrigin, updateAuthenticator } from './security.js';

/** What is wrong with the demo org, in plain words; the built-in policy must find each. */
export const DEMO_MISCONFIGURATIONS = [
  'Two thirds of the administrators (4 of 6) are super admins; four admins have no phishing-resistant authenticator, and one of them signs in with SMS only',
  'The IT Admins group grants super admin and has no owner',
  'The Admin Console asks for a second factor but not a phishing-resistant one, and it is reachable from anywhere, like every other app',
  'The Okta Dashboard accepts a password alone, and so do the default app policy and the office rule of the Business apps policy',
  'The Admin Console session idles out after 60 minutes and lasts 24 hours',
  'Global sessions idle for 2 hours, never expire, persist across browser restarts, and are not limited to network zones',
  'The default password policy allows 8 characters, no symbols, no expiry, reuse after 4, immediate re-changes, 10 attempts, common passwords and passwords that contain a first or last name, and SMS and security-question recovery; the Contractors policy is stricter but still short of the STIG and HealthInsight (12 characters, 90-day expiry, reuse after 10, 5 attempts)',
  'Security questions and SMS can be enrolled as authenticators, and enrolling a strong one is optional; email counts as a sign-in factor; Okta Verify does not require FIPS devices, user verification or a number challenge on every push',
  'ThreatInsight only logs; anonymizing proxies are not blocked; no IP or country blocklist is in use',
  'API tokens are owned by super admins and usable from any network; one is over a year old',
  'Apps sign users in with stored passwords (SWA, basic auth, auto-login); a public SPA uses the implicit grant and does not require PKCE; a SAML app signs with SHA-1',
  'A trusted origin and an event hook use plain http, and the hook sends no secret; a custom domain is not verified; an inbound IdP links accounts automatically',
  'The Partner API authorization server issues day-long access tokens; no authorization server puts a limit on refresh-token lifetime',
  'No log stream sends the System Log to a SIEM; no notification emails go to users; suspicious-activity reporting is off',
  'Okta Support has access; new public clients get super admin by default',
  'No inactivity automation suspends unused accounts; an active user has not signed in for 200 days; another has no MFA factor; a group rule is invalid',
  'No device assurance policy checks the devices people sign in from',
  'It is not set up for DoD use: no DoD consent banner on the sign-in page, no PIV/CAC smart-card authenticator and no DoD certificate authority',
] as const;

const PEOPLE: PersonSpec[] = [
  { key: 'ada', firstName: 'Ada', lastName: 'Okafor', title: 'CTO', department: 'Engineering', lastLoginDaysAgo: 0 },
  { key: 'ben', firstName: 'Ben', lastName: 'Hartley', title: 'IT Lead', department: 'IT', lastLoginDaysAgo: 1 },
  { key: 'chloe', firstName: 'Chloe', lastName: 'Dubois', title: 'IT Engineer', department: 'IT', lastLoginDaysAgo: 2 },
  { key: 'dev', firstName: 'Devendra', lastName: 'Rao', title: 'Security Engineer', department: 'Security', lastLoginDaysAgo: 0 },
  { key: 'erin', firstName: 'Erin', lastName: 'Walsh', title: 'Helpdesk', department: 'IT', lastLoginDaysAgo: 3 },
  { key: 'suki', firstName: 'Suki', lastName: 'Mbeze', title: 'Engineer', department: 'Engineering', status: 'PROVISIONED', lastLoginDaysAgo: null, createdDaysAgo: 6 },
  { key: 'farid', firstName: 'Farid', lastName: 'Haddad', title: 'Engineer', department: 'Engineering' },
  { key: 'greta', firstName: 'Greta', lastName: 'Lindqvist', title: 'Engineer', department: 'Engineering' },
  { key: 'hiro', firstName: 'Hiro', lastName: 'Tanaka', title: 'Designer', department: 'Product' },
  { key: 'ines', firstName: 'Ines', lastName: 'Moreau', title: 'Product Manager', department: 'Product' },
  { key: 'jonas', firstName: 'Jonas', lastName: 'Becker', title: 'Account Executive', department: 'Sales', lastLoginDaysAgo: 200 },
  { key: 'kemi', firstName: 'Kemi', lastName: 'Adeyemi', title: 'Account Executive', department: 'Sales' },
  { key: 'liam', firstName: 'Liam', lastName: 'Byrne', title: 'Controller', department: 'Finance' },
  { key: 'mara', firstName: 'Mara', lastName: 'Costa', title: 'Contractor', department: 'Engineering', status: 'SUSPENDED', lastLoginDaysAgo: 95 },
  { key: 'nils', firstName: 'Nils', lastName: 'Eriksen', title: 'Engineer', department: 'Engineering', status: 'DEPROVISIONED', lastLoginDaysAgo: 160 },
  { key: 'olu', firstName: 'Olu', lastName: 'Bankole', title: 'Engineer', department: 'Engineering', status: 'LOCKED_OUT' },
  { key: 'priya', firstName: 'Priya', lastName: 'Nair', title: 'Recruiter', department: 'People', status: 'STAGED', lastLoginDaysAgo: null, createdDaysAgo: 2 },
  { key: 'quinn', firstName: 'Quinn', lastName: 'Fletcher', title: 'Support', department: 'Support', status: 'PASSWORD_EXPIRED', lastLoginDaysAgo: 40 },
  { key: 'svc', firstName: 'Integration', lastName: 'Bot', title: 'Service account', department: 'IT', lastLoginDaysAgo: 30 },
];

export function demoOrg(now: Date, token: string, scannerKey: ScannerKey): OrgFixture {
  const org = freshOrg({
    key: 'quillfeather',
    name: 'demo',
    description: 'Quillfeather Labs: a small software company with a spread of deliberate misconfigurations.',
    companyName: 'Quillfeather Labs',
    emailDomain: 'quillfeather.example',
    admin: PEOPLE[0]!,
    now,
    token,
  });
  const { b, everyoneGroupId } = org;
  const f = b.fixture;
  const user: Record<string, string> = { ada: org.adminId };
  for (const p of PEOPLE.slice(1)) user[p.key] = String(b.addUser(p).id);

  // Factors: most people have Okta Verify; Ben only SMS; Farid nothing at all.
  b.addFactor(user.ada!, 'webauthn');
  b.addFactor(user.ben!, 'sms');
  b.addFactor(user.chloe!, 'push');
  b.addFactor(user.dev!, 'webauthn');
  b.addFactor(user.erin!, 'push');
  for (const k of ['greta', 'hiro', 'ines', 'jonas', 'kemi', 'liam', 'mara', 'olu', 'quinn', 'svc']) b.addFactor(user[k]!, 'push');
  b.addFactor(user.kemi!, 'sms');
  b.addFactor(user.liam!, 'question');

  // Groups and admin roles.
  const groups = {
    it: b.addGroup('it-admins', 'IT Admins', 'Super administrators'),
    engineering: b.addGroup('engineering', 'Engineering', 'Everyone who builds the product'),
    sales: b.addGroup('sales', 'Sales', 'Sales team'),
    finance: b.addGroup('finance', 'Finance', 'Finance team'),
    contractors: b.addGroup('contractors', 'Contractors', 'External contractors'),
    security: b.addGroup('security', 'Security', 'Security team'),
  };
  b.addMembers(groups.it, [user.ben!, user.chloe!]);
  b.addMembers(org.adminsGroupId, [user.ben!, user.chloe!, user.dev!, user.erin!, user.svc!]);
  b.addMembers(groups.engineering, ['ada', 'farid', 'greta', 'suki', 'olu', 'nils'].map((k) => user[k]!));
  b.addMembers(groups.sales, [user.jonas!, user.kemi!]);
  b.addMembers(groups.finance, [user.liam!]);
  b.addMembers(groups.contractors, [user.mara!]);
  b.addMembers(groups.security, [user.dev!]);
  b.assignGroupRole(groups.it, 'SUPER_ADMIN');
  b.assignUserRole(user.svc!, 'SUPER_ADMIN');
  b.assignUserRole(user.dev!, 'ORG_ADMIN');
  b.assignUserRole(user.erin!, 'HELP_DESK_ADMIN');
  b.addGroupOwner(groups.engineering, user.ada!);
  b.addGroupOwner(groups.security, user.dev!);
  customRole(b, 'helpdesk-plus', 'Helpdesk Plus', 'Help desk with user lifecycle rights', ['okta.users.read', 'okta.users.lifecycle.manage', 'okta.users.credentials.resetPassword']);
  b.addGroupRule('engineering', 'Engineering by department', 'user.department=="Engineering"', [groups.engineering]);
  b.addGroupRule('contractors', 'Contractors by title', 'user.jobTitle=="Contractor"', [groups.contractors], 'INVALID');

  // Org settings.
  Object.assign(f.orgSettings, {
    oktaSupport: { support: 'ENABLED', expiration: b.time.ahead(5), caseNumber: '02917461', _links: { revoke: { href: '/api/v1/org/privacy/oktaSupport/revoke', hints: { allow: ['POST'] } } } },
    clientPrivileges: { clientPrivilegesSetting: true },
    adminConsole: { sessionIdleTimeoutMinutes: 60, sessionMaxLifetimeMinutes: 1440 },
    userLockout: { preventBruteForceLockoutFromUnknownDevices: true },
    authenticatorSettings: { verifyKnowledgeSecondWhen2faRequired: true },
  });
  f.threatInsight.action = 'audit';

  // Network zones: an office zone; the system blocklist stays empty and anonymizer blocking stays off, as Okta ships them.
  const office = ipZone(b, { key: 'office', name: 'Lisbon office', usage: 'POLICY', gateways: ['198.51.100.0/24'] });

  // Global session policy: a custom rule above the default, with long, persistent sessions.
  addRule(b, org.policies.signOn, signOnRule('employees', 'Employees', 1, { idleMinutes: 120, lifetimeMinutes: 0, persistentCookie: true }));
  const signOnRules = f.policyRules[org.policies.signOn]!;
  signOnRules.find((r) => r.id === org.policies.signOnDefaultRule)!.priority = 2;

  // Password policy: Okta's defaults, plus SMS and security-question recovery.
  const pw = f.policies.find((p) => p.id === org.policies.password)!;
  pw.settings = passwordSettings({ ...OKTA_DEFAULT_PASSWORD, smsRecovery: true, questionRecovery: true });
  f.policyRules[org.policies.password] = [];
  addRule(b, org.policies.password, passwordRule('default', 'Default Rule', 1, ['email', 'sms'], true));
  const contractorPw = addPolicy(b, {
    key: 'password-contractors', type: 'PASSWORD', name: 'Contractors', priority: 1,
    conditions: { people: { groups: { include: [groups.contractors] } }, authProvider: { provider: 'OKTA' } },
    settings: passwordSettings({ ...OKTA_DEFAULT_PASSWORD, minLength: 12, minSymbol: 1, commonPasswordCheck: true, maxAgeDays: 90, historyCount: 10, maxAttempts: 5 }),
  });
  addRule(b, contractorPw, passwordRule('contractors', 'Contractors rule', 1, ['email']));
  f.policies.find((p) => p.id === org.policies.password)!.priority = 2;

  // Authenticator enrollment: weak authenticators may be enrolled.
  authenticator(b, 'google_otp', 'ACTIVE');
  updateAuthenticator(b, 'phone_number', { status: 'ACTIVE', settings: { allowedFor: 'any' } });
  updateAuthenticator(b, 'security_question', { status: 'ACTIVE', settings: { allowedFor: 'any' } });
  updateAuthenticator(b, 'webauthn', { status: 'ACTIVE' });
  f.policies.find((p) => p.id === org.policies.mfaEnroll)!.settings = enrollmentSettings({
    okta_password: 'REQUIRED', okta_email: 'REQUIRED', okta_verify: 'OPTIONAL', phone_number: 'OPTIONAL',
    security_question: 'OPTIONAL', webauthn: 'OPTIONAL', google_otp: 'OPTIONAL',
  });

  // Authentication policies: the Dashboard lets a password through.
  f.policyRules[org.policies.dashboard] = [];
  addRule(b, org.policies.dashboard, accessRule({ key: 'catch-all', name: 'Catch-all Rule', priority: 99, system: true, factorMode: '1FA' }));
  const appsPolicy = addPolicy(b, { key: 'access-business-apps', type: 'ACCESS_POLICY', name: 'Business apps', priority: 4 });
  addRule(b, appsPolicy, accessRule({ key: 'office', name: 'From the office', priority: 0, factorMode: '1FA', zones: { include: [office] } }));
  addRule(b, appsPolicy, accessRule({ key: 'catch-all', name: 'Catch-all Rule', priority: 99, system: true, factorMode: '2FA' }));

  // Applications.
  const slack = samlApp(b, { key: 'slack', label: 'Slack', acsUrl: 'https://quillfeather.slack.example/sso/saml', signatureAlgorithm: 'RSA_SHA256', assertionSigned: true, responseSigned: true, accessPolicyId: appsPolicy });
  const wiki = samlApp(b, { key: 'wiki', label: 'Team Wiki', acsUrl: 'https://wiki.quillfeather.example/saml/acs', signatureAlgorithm: 'RSA_SHA1', assertionSigned: true, responseSigned: false, accessPolicyId: appsPolicy });
  const expenses = swaApp(b, { key: 'expenses', label: 'Expense Tracker', url: 'https://expenses.example/login', accessPolicyId: org.policies.defaultAccess });
  const intranet = basicAuthApp(b, { key: 'intranet', label: 'Legacy Intranet', url: 'https://intranet.quillfeather.example/', accessPolicyId: org.policies.defaultAccess });
  const pagerduty = autoLoginApp(b, { key: 'pagerduty', name: 'quillfeather_pagerduty_1', label: 'PagerDuty', loginUrl: 'https://quillfeather.pagerduty.example/sign_in', accessPolicyId: org.policies.defaultAccess });
  const handbook = bookmarkApp(b, { key: 'handbook', label: 'Employee Handbook', url: 'https://handbook.quillfeather.example', accessPolicyId: org.policies.defaultAccess });
  const portal = oidcApp(b, { key: 'portal', label: 'Customer Portal', applicationType: 'browser', grantTypes: ['implicit', 'authorization_code'], authMethod: 'none', pkceRequired: false, redirectUris: ['https://portal.quillfeather.example/callback'], accessPolicyId: appsPolicy });
  const api = oidcApp(b, { key: 'api', label: 'Internal API', applicationType: 'web', grantTypes: ['authorization_code', 'refresh_token'], authMethod: 'client_secret_basic', pkceRequired: true, redirectUris: ['https://api.quillfeather.example/oauth/callback'], accessPolicyId: appsPolicy });
  oidcApp(b, { key: 'old-crm', label: 'Old CRM', status: 'INACTIVE', applicationType: 'web', grantTypes: ['authorization_code'], authMethod: 'client_secret_post', redirectUris: ['https://crm.quillfeather.example/cb'], accessPolicyId: org.policies.defaultAccess });
  b.assignApp(slack, [everyoneGroupId]);
  b.assignApp(wiki, [groups.engineering]);
  b.assignApp(expenses, [groups.finance, groups.sales]);
  b.assignApp(intranet, [everyoneGroupId]);
  b.assignApp(pagerduty, [groups.engineering]);
  b.assignApp(handbook, [everyoneGroupId]);
  b.assignApp(portal, [], [user.ada!, user.ines!]);
  b.assignApp(api, [groups.engineering]);
  addScannerApp(b, scannerKey, { requireDpop: true, role: 'SUPER_ADMIN' });

  // API tokens: the scanner token (Ada's) and an old integration token, both super-admin owned.
  apiToken(b, { key: 'terraform', name: 'terraform-okta', userId: user.svc!, createdDaysAgo: 400, lastUsedDaysAgo: 2 });

  trustedOrigin(b, 'marketing', 'Marketing site', 'http://www.quillfeather.example', ['CORS', 'REDIRECT']);
  trustedOrigin(b, 'portal', 'Customer portal', 'https://portal.quillfeather.example', ['CORS']);
  customDomain(b, 'login.quillfeather.example', 'COMPLETED', org.brandId);
  customDomain(b, 'id.quillfeather.example', 'IN_PROGRESS', org.brandId);
  samlIdp(b, 'partner', 'Partner Co SSO', 'AUTO');
  eventBridgeLogStream(b, 'eventbridge', 'EventBridge (paused)', 'INACTIVE');
  eventHook(b, 'hr-sync', 'HR sync', 'http://hooks.quillfeather.example/okta', false);
  authorizationServer(b, { key: 'partners', name: 'Partner API', audience: 'api://partners', accessTokenMinutes: 1440, refreshTokenMinutes: 0 });

  return f;
}
