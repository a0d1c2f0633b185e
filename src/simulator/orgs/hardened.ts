// `hardened`: Northwind Aerospace, a defence supplier whose org follows the DISA Okta STIG and
// Okta's HealthInsight recommendations. It is scanned with an OAuth service app holding the
// Super Admin role (so no API token is owned by a super admin) plus, for the one internal
// endpoint Okta serves only to API tokens, the token of a dedicated Org Admin account.
import type { OrgFixture } from '../fixture/format.js';
import { bookmarkApp, oidcApp, samlApp } from './apps.js';
import { smartCardIdp } from './federation.js';
import { freshOrg } from './fresh.js';
import type { PersonSpec } from './orgBuilder.js';
import {
  accessRule,
  addPolicy,
  addRule,
  enrollmentSettings,
  inactivityRule,
  passwordRule,
  passwordSettings,
  signOnRule,
  type PasswordSpec,
} from './policies.js';
import { addScannerApp, type ScannerKey } from './scannerApp.js';
import {
  apiToken,
  authenticator,
  behaviorRule,
  brand,
  customDomain,
  enhancedDynamicZone,
  eventHook,
  ipZone,
  macDeviceAssurance,
  splunkLogStream,
  trustedOrigin,
  updateAuthenticator,
} from './security.js';

/** The standard DoD Notice and Consent Banner opening, as the STIG requires it on the sign-in page. */
export const DOD_BANNER =
  'You are accessing a U.S. Government (USG) Information System (IS) that is provided for USG-authorized use only.';

export const HARDENED_PASSWORD: PasswordSpec = {
  minLength: 15,
  minLowerCase: 1,
  minUpperCase: 1,
  minNumber: 1,
  minSymbol: 1,
  excludeUsername: true,
  excludeAttributes: ['firstName', 'lastName'],
  commonPasswordCheck: true,
  maxAgeDays: 60,
  minAgeMinutes: 1440,
  historyCount: 24,
  expireWarnDays: 7,
  maxAttempts: 3,
  autoUnlockMinutes: 30,
  showLockoutFailures: true,
  smsRecovery: false,
  questionRecovery: false,
};

const PEOPLE: PersonSpec[] = [
  { key: 'amelia', firstName: 'Amelia', lastName: 'Stone', title: 'Identity Lead', department: 'Security', lastLoginDaysAgo: 0 },
  { key: 'bruno', firstName: 'Bruno', lastName: 'Keller', title: 'Identity Engineer', department: 'Security', lastLoginDaysAgo: 1 },
  { key: 'cora', firstName: 'Cora', lastName: 'Lindgren', title: 'Security Architect', department: 'Security', lastLoginDaysAgo: 2 },
  { key: 'dmitri', firstName: 'Dmitri', lastName: 'Volkov', title: 'IT Operations', department: 'IT', lastLoginDaysAgo: 1 },
  { key: 'esme', firstName: 'Esme', lastName: 'Achebe', title: 'Service Desk', department: 'IT', lastLoginDaysAgo: 0 },
  { key: 'felix', firstName: 'Felix', lastName: 'Morgan', title: 'Auditor', department: 'Compliance', lastLoginDaysAgo: 4 },
  { key: 'gwen', firstName: 'Gwen', lastName: 'Parry', title: 'Engineer', department: 'Engineering', lastLoginDaysAgo: 0 },
  { key: 'hamid', firstName: 'Hamid', lastName: 'Karimi', title: 'Engineer', department: 'Engineering', lastLoginDaysAgo: 3 },
  { key: 'iris', firstName: 'Iris', lastName: 'Novak', title: 'Program Manager', department: 'Programs', lastLoginDaysAgo: 5 },
  { key: 'jae', firstName: 'Jae', lastName: 'Min', title: 'Engineer', department: 'Engineering', status: 'SUSPENDED', lastLoginDaysAgo: 40 },
  { key: 'svc', firstName: 'Notifications', lastName: 'Reader', title: 'Service account', department: 'Security', lastLoginDaysAgo: 0 },
];

export function hardenedOrg(now: Date, token: string, scannerKey: ScannerKey): OrgFixture {
  const org = freshOrg({
    key: 'northwind-aero',
    name: 'hardened',
    description: 'Northwind Aerospace: configured the way the DISA STIG and Okta HealthInsight recommend.',
    companyName: 'Northwind Aerospace',
    emailDomain: 'northwind-aero.example',
    admin: PEOPLE[0]!,
    now,
    token: `${token}-founder`,
  });
  const { b, everyoneGroupId } = org;
  const f = b.fixture;
  const user: Record<string, string> = { amelia: org.adminId };
  for (const p of PEOPLE.slice(1)) user[p.key] = String(b.addUser(p).id);

  // Every person signs in with a phishing-resistant authenticator.
  f.userFactors[org.adminId] = [];
  for (const k of Object.keys(user)) {
    b.addFactor(user[k]!, 'webauthn');
    b.addFactor(user[k]!, 'signed_nonce');
  }

  // Admins: few super admins, least-privilege roles for the rest, owned admin groups.
  const groups = {
    superAdmins: b.addGroup('super-admins', 'Identity Super Admins', 'Break-glass super administrators'),
    serviceDesk: b.addGroup('service-desk', 'Service Desk', 'Help desk staff'),
    engineering: b.addGroup('engineering', 'Engineering', 'Engineering'),
    cleared: b.addGroup('cleared', 'Cleared Staff', 'Staff with program access'),
  };
  b.addMembers(groups.superAdmins, [user.amelia!, user.bruno!]);
  b.addMembers(groups.serviceDesk, [user.esme!]);
  b.addMembers(groups.engineering, [user.gwen!, user.hamid!, user.jae!]);
  b.addMembers(groups.cleared, [user.iris!, user.gwen!]);
  b.addMembers(org.adminsGroupId, ['bruno', 'cora', 'dmitri', 'esme', 'felix', 'svc'].map((k) => user[k]!));
  f.userRoles[org.adminId] = [];
  b.assignGroupRole(groups.superAdmins, 'SUPER_ADMIN');
  b.assignGroupRole(groups.serviceDesk, 'HELP_DESK_ADMIN');
  b.assignUserRole(user.cora!, 'ORG_ADMIN');
  b.assignUserRole(user.dmitri!, 'APP_ADMIN');
  b.assignUserRole(user.felix!, 'READ_ONLY_ADMIN');
  b.assignUserRole(user.svc!, 'ORG_ADMIN');
  for (const g of Object.values(groups)) b.addGroupOwner(g, user.cora!);
  b.addGroupOwner(groups.superAdmins, user.amelia!);
  // Engineers join their group by department, through a valid, active group rule.
  b.addGroupRule('engineering', 'Engineering by department', 'user.department=="Engineering"', [groups.engineering]);

  // The scanner: an OAuth service app, and a zone-restricted token for the one SSWS-only endpoint.
  f.credentials.apiTokens = [{ value: token, userId: user.svc! }];
  f.apiTokens = [];
  addScannerApp(b, scannerKey, { requireDpop: true, role: 'SUPER_ADMIN' });

  // Org settings.
  Object.assign(f.orgSettings, {
    userLockout: { preventBruteForceLockoutFromUnknownDevices: true },
    authenticatorSettings: { verifyKnowledgeSecondWhen2faRequired: true },
    adminConsole: { sessionIdleTimeoutMinutes: 15, sessionMaxLifetimeMinutes: 720 },
    securityNotifications: {
      sendEmailForNewDeviceEnabled: true,
      sendEmailForFactorEnrollmentEnabled: true,
      sendEmailForFactorResetEnabled: true,
      sendEmailForPasswordChangedEnabled: true,
      reportSuspiciousActivityEnabled: true,
    },
  });
  f.threatInsight.action = 'block';

  // Network zones: corporate networks, an IP blocklist, anonymizers and embargoed countries blocked.
  const corp = ipZone(b, { key: 'corp', name: 'Corporate networks', usage: 'POLICY', gateways: ['203.0.113.0/24', '192.0.2.0/25'] });
  ipZone(b, { key: 'blocklist', name: 'Known bad networks', usage: 'BLOCKLIST', gateways: ['198.18.0.0/15', '100.64.10.0/24'] });
  enhancedDynamicZone(b, { key: 'embargo', name: 'Embargoed countries', usage: 'BLOCKLIST', categories: [], locations: ['KP', 'IR', 'SY', 'CU'] });
  f.zones.find((z) => z.id === org.zones.anonymizers)!.status = 'ACTIVE';
  apiToken(b, { key: 'notifications', name: 'posture-notifications', userId: user.svc!, createdDaysAgo: 20, lastUsedDaysAgo: 0, zones: [corp] });

  // Global session policy: a non-default first rule with short sessions, corporate networks only.
  const session = { idleMinutes: 15, lifetimeMinutes: 120, persistentCookie: false, requireFactor: true };
  addRule(b, org.policies.signOn, signOnRule('workforce', 'Workforce sessions', 1, { ...session, zones: { include: [corp] } }));
  const defaultRule = f.policyRules[org.policies.signOn]!.find((r) => r.id === org.policies.signOnDefaultRule)!;
  defaultRule.priority = 2;
  defaultRule.actions = signOnRule('default', 'Default Rule', 2, { ...session, access: 'DENY' }, true).actions;

  // Passwords, enrollment, authenticators.
  f.policies.find((p) => p.id === org.policies.password)!.settings = passwordSettings(HARDENED_PASSWORD);
  f.policyRules[org.policies.password] = [];
  addRule(b, org.policies.password, passwordRule('default', 'Default Rule', 1, ['email'], true));
  f.policies.find((p) => p.id === org.policies.mfaEnroll)!.settings = enrollmentSettings({
    okta_password: 'REQUIRED', okta_verify: 'REQUIRED', webauthn: 'REQUIRED', okta_email: 'NOT_ALLOWED',
    phone_number: 'NOT_ALLOWED', security_question: 'NOT_ALLOWED',
  });
  updateAuthenticator(b, 'okta_email', { settings: { allowedFor: 'recovery', tokenLifetimeInMinutes: 5 } });
  updateAuthenticator(b, 'webauthn', { status: 'ACTIVE' });
  updateAuthenticator(b, 'okta_verify', {
    settings: { channelBinding: { style: 'NUMBER_CHALLENGE', required: 'ALWAYS' }, compliance: { fips: 'REQUIRED' }, userVerification: 'REQUIRED' },
  });
  authenticator(b, 'smart_card_idp', 'ACTIVE');
  smartCardIdp(b, 'cac', 'DoD CAC', 'CN=DOD ID CA-72, OU=PKI, OU=DoD, O=U.S. Government, C=US');

  // Authentication policies: phishing-resistant MFA from corporate networks on managed devices.
  const macs = macDeviceAssurance(b, 'macos', 'Managed macOS', '15.1');
  const strong = { factorMode: '2FA' as const, phishingResistant: true, deviceBound: true, zones: { include: [corp] }, deviceAssurances: [macs] };
  for (const policyId of [org.policies.adminConsole, org.policies.dashboard, org.policies.defaultAccess]) {
    f.policyRules[policyId] = [];
    addRule(b, policyId, accessRule({ key: 'strong', name: 'Phishing-resistant MFA on corporate networks', priority: 0, reauthenticateIn: 'PT2H', ...strong }));
    addRule(b, policyId, accessRule({ key: 'catch-all', name: 'Catch-all Rule', priority: 99, system: true, access: 'DENY', factorMode: '2FA' }));
  }

  // Inactive accounts are suspended after 35 days.
  const lifecycle = addPolicy(b, { key: 'inactivity', type: 'USER_LIFECYCLE', name: 'Suspend inactive accounts', priority: 1, conditions: null });
  addRule(b, lifecycle, inactivityRule('inactive-35', 'Suspend after 35 days inactive', 35, 'SUSPENDED', [everyoneGroupId]));

  // Apps: federated only.
  const wiki = samlApp(b, { key: 'confluence', label: 'Program Wiki', acsUrl: 'https://wiki.northwind-aero.example/saml/acs', signatureAlgorithm: 'RSA_SHA256', assertionSigned: true, responseSigned: true, accessPolicyId: org.policies.defaultAccess });
  const portal = oidcApp(b, { key: 'portal', label: 'Supplier Portal', applicationType: 'web', grantTypes: ['authorization_code', 'refresh_token'], authMethod: 'private_key_jwt', pkceRequired: true, redirectUris: ['https://portal.northwind-aero.example/callback'], accessPolicyId: org.policies.defaultAccess });
  const policies = bookmarkApp(b, { key: 'policies', label: 'Security Policies', url: 'https://policies.northwind-aero.example', accessPolicyId: org.policies.defaultAccess });
  b.assignApp(wiki, [groups.cleared]);
  b.assignApp(portal, [groups.engineering]);
  b.assignApp(policies, [groups.engineering, groups.cleared]);

  // Monitoring, integrations, branding.
  splunkLogStream(b, 'siem', 'SOC Splunk', 'ACTIVE');
  behaviorRule(b, 'New State', 'ANOMALOUS_LOCATION', 'ACTIVE');
  trustedOrigin(b, 'portal', 'Supplier portal', 'https://portal.northwind-aero.example', ['CORS', 'REDIRECT']);
  customDomain(b, 'login.northwind-aero.example', 'COMPLETED', org.brandId);
  eventHook(b, 'siem', 'SOC enrichment', 'https://hooks.northwind-aero.example/okta', true);
  // The default authorization server: hour-long access tokens; refresh tokens end after 30 days.
  for (const policy of f.authServerPolicies.default ?? []) {
    for (const rule of f.authServerPolicyRules[String(policy.id)] ?? []) {
      rule.actions = { token: { accessTokenLifetimeMinutes: 60, refreshTokenLifetimeMinutes: 43200, refreshTokenWindowMinutes: 10080 } };
    }
  }
  f.brands = [];
  delete f.signInPages[org.brandId];
  brand(b, 'Northwind Aerospace', `<!DOCTYPE html><html><body><div class="banner"><p>${DOD_BANNER} By using this IS, you consent to monitoring.</p></div>{{{SignInWidgetResources}}}<div id="okta-login-container"></div></body></html>`);

  return f;
}
