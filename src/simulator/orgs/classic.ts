// `classic`: Brackwater Freight Logistics, a trucking and warehousing company whose Okta org still
// runs on Classic Engine (pipeline `v1`). Identity-Engine-only APIs (authenticators, authentication
// policies, device assurance, CAPTCHA, …) answer as Okta answers them on Classic; what a Classic org
// does have is served in its Classic shape: an Okta sign-on policy whose rules carry the MFA
// requirement, MFA enrollment policies listing `factors`, password rules without authenticator
// requirements, apps without an authentication policy, and users enrolled in Classic factors.
// Its weaknesses are listed in CLASSIC_MISCONFIGURATIONS.
import { POLICY_TYPES } from '../../okta/endpoints.js';
import type { OktaObject, OrgFixture } from '../fixture/format.js';
import { samlApp, swaApp } from './apps.js';
import { freshOrg, OKTA_DEFAULT_PASSWORD, type FreshOrg } from './fresh.js';
import type { PersonSpec } from './orgBuilder.js';
import { addPolicy, addRule, enrollmentRule, passwordRule, passwordSettings, type RuleSpec } from './policies.js';
import { apiToken, trustedOrigin } from './security.js';

/** What is weak in the classic org, in plain words. */
export const CLASSIC_MISCONFIGURATIONS = [
  'The staff sign-on rule asks for no second factor; its sessions idle for 12 hours, never expire and persist across browser restarts',
  'The default MFA enrollment policy offers SMS and security questions and requires no factor at all',
  'The default password policy allows 8 characters, no symbols, no expiry, common passwords, and SMS and security-question recovery',
  'A help desk administrator has only SMS and a security question enrolled',
  'ThreatInsight only logs suspicious sign-ins',
  'An active warehouse user has no MFA factor; a suspended contractor still holds an app assignment',
  'A Secure Web Authentication app stores the fuel-card portal password',
  'No log stream sends the System Log to a SIEM; factor-reset and suspicious-activity notifications are off',
] as const;

/** Classic MFA enrollment: `enroll.self` per factor key (only the factors the org has enabled). */
export type ClassicFactorKey =
  | 'okta_otp' | 'okta_push' | 'okta_sms' | 'okta_call' | 'okta_email' | 'okta_question' | 'google_otp' | 'fido_webauthn';

/** The factors this org has enabled, as Security › Multifactor › Factor Types shows them. */
const ENABLED_FACTORS: readonly ClassicFactorKey[] = [
  'okta_otp', 'okta_push', 'okta_sms', 'okta_call', 'okta_email', 'okta_question', 'google_otp', 'fido_webauthn',
];

/** MFA enrollment policy settings on Classic Engine: a `factors` object keyed by factor. */
export function factorEnrollmentSettings(enroll: Record<ClassicFactorKey, 'REQUIRED' | 'OPTIONAL' | 'NOT_ALLOWED'>): OktaObject {
  return {
    type: 'FACTORS',
    factors: Object.fromEntries(ENABLED_FACTORS.map((key) => [key, { enroll: { self: enroll[key] }, consent: { type: 'NONE' } }])),
  };
}

interface ClassicSignOnSpec {
  key: string;
  name: string;
  priority: number;
  system?: boolean;
  requireFactor: boolean;
  factorPromptMode?: 'ALWAYS' | 'DEVICE' | 'SESSION';
  idleMinutes: number;
  lifetimeMinutes: number;
  persistentCookie: boolean;
}

/**
 * An Okta sign-on policy rule as Classic Engine serves it: here the rule itself decides whether a
 * second factor is needed; there is no `primaryFactor` and no identity-provider condition (both
 * Identity Engine).
 */
function classicSignOnRule(s: ClassicSignOnSpec): RuleSpec {
  return {
    key: s.key,
    type: 'SIGN_ON',
    name: s.name,
    priority: s.priority,
    system: s.system ?? false,
    conditions: {
      people: { users: { exclude: [] } },
      network: { connection: 'ANYWHERE' },
      authContext: { authType: 'ANY' },
      risk: { behaviors: [] },
      riskScore: { level: 'ANY' },
    },
    actions: {
      signon: {
        access: 'ALLOW',
        requireFactor: s.requireFactor,
        factorPromptMode: s.factorPromptMode ?? 'ALWAYS',
        rememberDeviceByDefault: false,
        factorLifetime: 15,
        session: {
          maxSessionIdleMinutes: s.idleMinutes,
          maxSessionLifetimeMinutes: s.lifetimeMinutes,
          usePersistentCookie: s.persistentCookie,
        },
      },
    },
  };
}

/**
 * Turns the new org freshOrg() creates into the one Okta creates on Classic Engine: no
 * authenticators, authentication or profile-enrollment policies, IP exempt zone or third-generation
 * sign-in widget; Okta's own apps without an authentication policy; and the default sign-on,
 * password and MFA enrollment policies in their Classic shapes.
 */
function toClassicEngine(org: FreshOrg): void {
  const { b } = org;
  const f = b.fixture;
  f.pipeline = 'v1';
  f.authenticators = [];
  f.authenticatorMethods = {};
  f.deviceAssurances = [];
  const identityEngineOnly = f.policies.filter((p) => POLICY_TYPES[String(p.type)]?.identityEngineOnly).map((p) => String(p.id));
  f.policies = f.policies.filter((p) => !identityEngineOnly.includes(String(p.id)));
  for (const id of identityEngineOnly) delete f.policyRules[id];
  for (const app of f.apps) delete (app._links as OktaObject).accessPolicy;
  f.zones = f.zones.filter((z) => z.id !== org.zones.exempt);
  Object.assign(f.orgSettings, { captcha: {}, authenticatorSettings: {} });
  for (const pages of Object.values(f.signInPages)) {
    for (const page of [pages.default, pages.customized]) {
      if (page) page.widgetCustomizations = { widgetGeneration: 'G2' };
    }
  }

  f.policyRules[org.policies.signOn] = [];
  addRule(b, org.policies.signOn, classicSignOnRule({ key: 'default', name: 'Default Rule', priority: 1, system: true, requireFactor: false, idleMinutes: 120, lifetimeMinutes: 0, persistentCookie: false }));
  f.policyRules[org.policies.password] = [];
  addRule(b, org.policies.password, passwordRule('default', 'Default Rule', 1, null, true));
  f.policies.find((p) => p.id === org.policies.mfaEnroll)!.settings = factorEnrollmentSettings({
    okta_otp: 'OPTIONAL', okta_push: 'OPTIONAL', okta_sms: 'NOT_ALLOWED', okta_call: 'NOT_ALLOWED', okta_email: 'NOT_ALLOWED',
    okta_question: 'NOT_ALLOWED', google_otp: 'NOT_ALLOWED', fido_webauthn: 'NOT_ALLOWED',
  });
  f.policyRules[org.policies.mfaEnroll] = [];
  addRule(b, org.policies.mfaEnroll, enrollmentRule('default', 'Default Rule', 1, true, 'CHALLENGE'));
}

const PEOPLE: PersonSpec[] = [
  { key: 'marisol', firstName: 'Marisol', lastName: 'Vance', title: 'IT Director', department: 'IT', lastLoginDaysAgo: 0, createdDaysAgo: 1900 },
  { key: 'theo', firstName: 'Theo', lastName: 'Brandt', title: 'Systems Administrator', department: 'IT', lastLoginDaysAgo: 1 },
  { key: 'nadia', firstName: 'Nadia', lastName: 'Osei', title: 'Help Desk Technician', department: 'IT', lastLoginDaysAgo: 2 },
  { key: 'gus', firstName: 'Gus', lastName: 'Ferreira', title: 'Dispatch Lead', department: 'Dispatch' },
  { key: 'ivy', firstName: 'Ivy', lastName: 'Chen', title: 'Dispatcher', department: 'Dispatch' },
  { key: 'rafael', firstName: 'Rafael', lastName: 'Ortiz', title: 'Warehouse Supervisor', department: 'Warehouse', lastLoginDaysAgo: 4 },
  { key: 'beth', firstName: 'Beth', lastName: 'Kowalski', title: 'Inventory Clerk', department: 'Warehouse', lastLoginDaysAgo: 6 },
  { key: 'omar', firstName: 'Omar', lastName: 'Haddad', title: 'Accounts Payable', department: 'Finance' },
  { key: 'lena', firstName: 'Lena', lastName: 'Fischer', title: 'Controller', department: 'Finance' },
  { key: 'dale', firstName: 'Dale', lastName: 'Mercer', title: 'Contract Driver', department: 'Dispatch', status: 'SUSPENDED', lastLoginDaysAgo: 120 },
];

export function classicOrg(now: Date, token: string): OrgFixture {
  const org = freshOrg({
    key: 'brackwater',
    name: 'classic',
    description: 'Brackwater Freight Logistics: an Okta Classic Engine org with weak settings in their Classic shapes.',
    companyName: 'Brackwater Freight Logistics',
    emailDomain: 'brackwater.example',
    admin: PEOPLE[0]!,
    now,
    token,
    features: ['API_ACCESS_MANAGEMENT', 'LOG_STREAMING'],
  });
  toClassicEngine(org);
  const { b, everyoneGroupId } = org;
  const f = b.fixture;
  const user: Record<string, string> = { marisol: org.adminId };
  for (const p of PEOPLE.slice(1)) user[p.key] = String(b.addUser(p).id);

  // Classic factors. Enrolling Okta Verify adds a push factor and an Okta Verify code (OKTA TOTP).
  const oktaVerify = (key: string) => {
    if (key !== 'marisol') b.addFactor(user[key]!, 'push');
    b.addFactor(user[key]!, 'totp');
    const totp = f.userFactors[user[key]!]!.at(-1)!;
    Object.assign(totp, { provider: 'OKTA', vendorName: 'OKTA' });
  };
  for (const key of ['marisol', 'theo', 'gus', 'lena']) oktaVerify(key);
  b.addFactor(user.lena!, 'webauthn');
  b.addFactor(user.nadia!, 'sms');
  b.addFactor(user.nadia!, 'question');
  b.addFactor(user.ivy!, 'sms');
  b.addFactor(user.rafael!, 'question');
  b.addFactor(user.omar!, 'totp');
  b.addFactor(user.omar!, 'call');
  b.addFactor(user.dale!, 'sms');

  // Groups and admin roles: IT holds Org Admin; the help desk technician is a Help Desk Admin.
  const groups = {
    it: b.addGroup('it', 'IT', 'IT staff and Okta administrators'),
    dispatch: b.addGroup('dispatch', 'Dispatch', 'Dispatchers and drivers'),
    warehouse: b.addGroup('warehouse', 'Warehouse', 'Warehouse and inventory staff'),
    finance: b.addGroup('finance', 'Finance', 'Finance team'),
  };
  b.addMembers(groups.it, [user.marisol!, user.theo!, user.nadia!]);
  b.addMembers(groups.dispatch, [user.gus!, user.ivy!, user.dale!]);
  b.addMembers(groups.warehouse, [user.rafael!, user.beth!]);
  b.addMembers(groups.finance, [user.omar!, user.lena!]);
  b.addMembers(org.adminsGroupId, [user.theo!, user.nadia!]);
  b.assignGroupRole(groups.it, 'ORG_ADMIN');
  b.assignUserRole(user.nadia!, 'HELP_DESK_ADMIN');
  b.addGroupOwner(groups.dispatch, user.gus!);

  // Org settings.
  f.threatInsight.action = 'audit';
  f.orgSettings.securityNotifications = {
    sendEmailForNewDeviceEnabled: true,
    sendEmailForFactorEnrollmentEnabled: true,
    sendEmailForFactorResetEnabled: false,
    sendEmailForPasswordChangedEnabled: true,
    reportSuspiciousActivityEnabled: false,
  };

  // Okta sign-on policies: IT must present a second factor at every sign-in; everyone else gets
  // long, persistent sessions on a password alone.
  const itSignOn = addPolicy(b, { key: 'signon-it', type: 'OKTA_SIGN_ON', name: 'IT and administrators', description: 'MFA at every sign-in for IT', priority: 1, conditions: { people: { groups: { include: [groups.it] } } } });
  addRule(b, itSignOn, classicSignOnRule({ key: 'it-mfa', name: 'MFA every sign-in', priority: 1, requireFactor: true, factorPromptMode: 'ALWAYS', idleMinutes: 30, lifetimeMinutes: 480, persistentCookie: false }));
  f.policies.find((p) => p.id === org.policies.signOn)!.priority = 2;
  addRule(b, org.policies.signOn, classicSignOnRule({ key: 'staff', name: 'Depot and office staff', priority: 1, requireFactor: false, idleMinutes: 720, lifetimeMinutes: 0, persistentCookie: true }));
  f.policyRules[org.policies.signOn]!.find((r) => r.id === org.policies.signOnDefaultRule)!.priority = 2;

  // Password policy: Okta's defaults, with SMS and security-question recovery switched on.
  f.policies.find((p) => p.id === org.policies.password)!.settings = passwordSettings({ ...OKTA_DEFAULT_PASSWORD, smsRecovery: true, questionRecovery: true });

  // MFA enrollment: IT must enroll Okta Verify at first sign-in; everyone else may pick SMS or a
  // security question, and nobody has to enroll anything.
  const itEnroll = addPolicy(b, {
    key: 'mfa-it', type: 'MFA_ENROLL', name: 'IT staff', description: 'Okta Verify required for IT', priority: 1,
    conditions: { people: { groups: { include: [groups.it] } } },
    settings: factorEnrollmentSettings({
      okta_otp: 'OPTIONAL', okta_push: 'REQUIRED', okta_sms: 'NOT_ALLOWED', okta_call: 'NOT_ALLOWED', okta_email: 'NOT_ALLOWED',
      okta_question: 'NOT_ALLOWED', google_otp: 'NOT_ALLOWED', fido_webauthn: 'OPTIONAL',
    }),
  });
  addRule(b, itEnroll, enrollmentRule('it-login', 'Enroll at first sign-in', 1, false, 'LOGIN'));
  const defaultEnroll = f.policies.find((p) => p.id === org.policies.mfaEnroll)!;
  defaultEnroll.priority = 2;
  defaultEnroll.settings = factorEnrollmentSettings({
    okta_otp: 'OPTIONAL', okta_push: 'OPTIONAL', okta_sms: 'OPTIONAL', okta_call: 'NOT_ALLOWED', okta_email: 'NOT_ALLOWED',
    okta_question: 'OPTIONAL', google_otp: 'OPTIONAL', fido_webauthn: 'OPTIONAL',
  });

  // Applications: two SAML apps and a password-vaulting (SWA) one; none has an authentication policy.
  const tms = samlApp(b, { key: 'tms', label: 'Freight TMS', acsUrl: 'https://tms.brackwater.example/saml/acs', signatureAlgorithm: 'RSA_SHA256', assertionSigned: true, responseSigned: true });
  const carriers = samlApp(b, { key: 'carriers', label: 'Carrier Portal', acsUrl: 'https://carriers.brackwater.example/sso/saml', signatureAlgorithm: 'RSA_SHA256', assertionSigned: true, responseSigned: false });
  const fuel = swaApp(b, { key: 'fuel-cards', label: 'Fuel Card Portal', url: 'https://fuelcards.example/login' });
  b.assignApp(tms, [everyoneGroupId]);
  b.assignApp(carriers, [groups.dispatch]);
  b.assignApp(fuel, [groups.finance], [user.gus!]);

  apiToken(b, { key: 'tms-sync', name: 'tms-user-sync', userId: user.theo!, createdDaysAgo: 210, lastUsedDaysAgo: 1 });
  trustedOrigin(b, 'portal', 'Customer tracking portal', 'https://track.brackwater.example', ['CORS', 'REDIRECT']);

  return f;
}
