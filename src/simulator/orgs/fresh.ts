// A new Identity Engine org as Okta creates it: one super admin, the Everyone group, default
// policies of every type, the system network zones, the standard authenticators, Okta's own apps,
// default behaviour rules, the default brand and (with API Access Management) the default
// authorization server. Every other built-in org starts from this and changes it.
import type { OrgFeature } from '../../okta/endpoints.js';
import { firstPartyApp } from './apps.js';
import { authorizationServer } from './federation.js';
import { OrgBuilder, type PersonSpec } from './orgBuilder.js';
import {
  accessRule,
  addPolicy,
  addRule,
  enrollmentRule,
  enrollmentSettings,
  everyone,
  passwordRule,
  passwordSettings,
  signOnRule,
  type PasswordSpec,
} from './policies.js';
import { apiToken, authenticator, behaviorRule, brand, enhancedDynamicZone, ipZone } from './security.js';

export interface FreshOrgSpec {
  key: string;
  name: string;
  description: string;
  companyName: string;
  emailDomain: string;
  admin: PersonSpec;
  now: Date;
  /** The SSWS API token value the simulator accepts for the admin. */
  token: string;
  features?: OrgFeature[];
}

export interface FreshOrg {
  b: OrgBuilder;
  adminId: string;
  everyoneGroupId: string;
  adminsGroupId: string;
  policies: {
    signOn: string;
    signOnDefaultRule: string;
    password: string;
    mfaEnroll: string;
    adminConsole: string;
    dashboard: string;
    defaultAccess: string;
  };
  zones: { legacy: string; blocked: string; anonymizers: string; exempt: string };
  apps: { adminConsole: string; dashboard: string };
  brandId: string;
}

export const OKTA_DEFAULT_PASSWORD: PasswordSpec = {
  minLength: 8,
  minLowerCase: 1,
  minUpperCase: 1,
  minNumber: 1,
  minSymbol: 0,
  excludeUsername: true,
  excludeAttributes: [],
  commonPasswordCheck: false,
  maxAgeDays: 0,
  minAgeMinutes: 0,
  historyCount: 4,
  expireWarnDays: 0,
  maxAttempts: 10,
  autoUnlockMinutes: 0,
  showLockoutFailures: false,
  smsRecovery: false,
  questionRecovery: false,
};

export function freshOrg(spec: FreshOrgSpec): FreshOrg {
  const features = spec.features ?? ['API_ACCESS_MANAGEMENT', 'LOG_STREAMING', 'DEVICE_ASSURANCE', 'WORKFLOWS'];
  const b = new OrgBuilder(spec.key, spec.emailDomain, spec.now, {
    name: spec.name,
    description: spec.description,
    pipeline: 'idx',
    features,
  });
  const f = b.fixture;
  const orgId = b.id('00o', 'org');
  f.org = {
    id: orgId,
    subdomain: spec.key,
    companyName: spec.companyName,
    status: 'ACTIVE',
    created: b.time.ago(420),
    lastUpdated: b.time.ago(30),
    website: `https://www.${spec.emailDomain}`,
    phoneNumber: '+1 555-0100',
    endUserSupportHelpURL: `https://help.${spec.emailDomain}`,
    supportPhoneNumber: '+1 555-0199',
    address1: '100 Market Street',
    address2: 'Floor 4',
    city: 'San Francisco',
    state: 'CA',
    country: 'United States',
    postalCode: '94105',
    _links: {
      preferences: { href: '/api/v1/org/preferences' },
      oktaCommunication: { href: '/api/v1/org/privacy/oktaCommunication' },
      oktaSupport: { href: '/api/v1/org/privacy/oktaSupport' },
      contacts: { href: '/api/v1/org/contacts' },
    },
  };

  const admin = b.addUser(spec.admin);
  const adminId = String(admin.id);
  b.addFactor(adminId, 'email');
  b.addFactor(adminId, 'push');
  b.assignUserRole(adminId, 'SUPER_ADMIN');
  f.credentials.apiTokens.push({ value: spec.token, userId: adminId });
  apiToken(b, { key: 'provisioning', name: 'posture-scanner', userId: adminId, createdDaysAgo: 2, lastUsedDaysAgo: 0 });

  const everyoneGroupId = b.addGroup('everyone', 'Everyone', 'All users in your organization', 'BUILT_IN');
  const adminsGroupId = b.addGroup('okta-admins', 'Okta Administrators', 'Users with an administrator role', 'BUILT_IN');
  b.addMembers(everyoneGroupId, [adminId]);
  b.everyoneGroupId = everyoneGroupId;
  b.addMembers(adminsGroupId, [adminId]);

  f.orgSettings = {
    oktaSupport: { support: 'DISABLED', expiration: null, caseNumber: null, _links: { grant: { href: '/api/v1/org/privacy/oktaSupport/grant', hints: { allow: ['POST'] } } } },
    oktaCommunication: { optOutEmailUsers: false, _links: { optOut: { href: '/api/v1/org/privacy/oktaCommunication/optOut', hints: { allow: ['POST'] } } } },
    preferences: { showEndUserFooter: true, _links: { hideEndUserFooter: { href: '/api/v1/org/preferences/hideEndUserFooter', hints: { allow: ['POST'] } } } },
    contacts: ['BILLING', 'TECHNICAL'].map((contactType) => ({
      contactType,
      _links: { [contactType.toLowerCase()]: { href: `/api/v1/org/contacts/${contactType}` } },
    })),
    contactUsers: { BILLING: adminId, TECHNICAL: adminId },
    thirdPartyAdmin: { thirdPartyAdmin: false },
    autoAssignAdminApp: { autoAssignAdminAppSetting: true },
    clientPrivileges: { clientPrivilegesSetting: false },
    captcha: {},
    userLockout: { preventBruteForceLockoutFromUnknownDevices: false },
    authenticatorSettings: { verifyKnowledgeSecondWhen2faRequired: false },
    adminConsole: { sessionIdleTimeoutMinutes: 15, sessionMaxLifetimeMinutes: 720 },
    securityNotifications: {
      sendEmailForNewDeviceEnabled: false,
      sendEmailForFactorEnrollmentEnabled: false,
      sendEmailForFactorResetEnabled: false,
      sendEmailForPasswordChangedEnabled: false,
      reportSuspiciousActivityEnabled: false,
    },
  };
  f.threatInsight = {
    action: 'none',
    excludeZones: [],
    created: b.time.ago(420),
    lastUpdated: b.time.ago(420),
    _links: { self: { href: '/api/v1/threats/configuration', hints: { allow: ['GET', 'POST'] } } },
  };

  const zones = {
    legacy: ipZone(b, { key: 'legacy', name: 'LegacyIpZone', usage: 'POLICY', system: true, gateways: null }),
    blocked: ipZone(b, { key: 'blocked', name: 'BlockedIpZone', usage: 'BLOCKLIST', system: true, gateways: null }),
    // Okta creates the anonymizer blocklist zone inactive; an admin has to activate it.
    anonymizers: enhancedDynamicZone(b, { key: 'default-enhanced', name: 'DefaultEnhancedDynamicZone', usage: 'BLOCKLIST', status: 'INACTIVE', system: true, categories: ['ALL_ANONYMIZERS'] }),
    exempt: ipZone(b, { key: 'default-exempt', name: 'DefaultExemptIpZone', usage: 'POLICY', system: true, gateways: null }),
  };

  authenticator(b, 'okta_email', 'ACTIVE', { allowedFor: 'any', tokenLifetimeInMinutes: 5 });
  authenticator(b, 'okta_password', 'ACTIVE');
  authenticator(b, 'okta_verify', 'ACTIVE', {
    channelBinding: { style: 'NUMBER_CHALLENGE', required: 'HIGH_RISK_ONLY' },
    compliance: { fips: 'OPTIONAL' },
    userVerification: 'PREFERRED',
  });
  authenticator(b, 'phone_number', 'INACTIVE', { allowedFor: 'none' });
  authenticator(b, 'security_question', 'INACTIVE', { allowedFor: 'none' });
  authenticator(b, 'webauthn', 'INACTIVE');

  // Global session policy, password policy, authenticator enrollment policy.
  const signOn = addPolicy(b, { key: 'gsp-default', type: 'OKTA_SIGN_ON', name: 'Default Policy', description: 'The default policy applies in all situations if no other policy applies.', priority: 1, system: true, conditions: everyone(everyoneGroupId) });
  const signOnDefaultRule = addRule(b, signOn, signOnRule('default', 'Default Rule', 1, { idleMinutes: 120, lifetimeMinutes: 0, persistentCookie: false }, true));
  const password = addPolicy(b, {
    key: 'password-default', type: 'PASSWORD', name: 'Default Policy', description: 'The default policy applies in all situations if no other policy applies.', priority: 1, system: true,
    conditions: { ...everyone(everyoneGroupId), authProvider: { provider: 'OKTA' } },
    settings: passwordSettings(OKTA_DEFAULT_PASSWORD),
  });
  addRule(b, password, passwordRule('default', 'Default Rule', 1, ['email'], true));
  const mfaEnroll = addPolicy(b, {
    key: 'mfa-default', type: 'MFA_ENROLL', name: 'Default Policy', description: 'The default policy applies in all situations if no other policy applies.', priority: 1, system: true,
    conditions: everyone(everyoneGroupId),
    settings: enrollmentSettings({ okta_password: 'REQUIRED', okta_email: 'REQUIRED', okta_verify: 'OPTIONAL' }),
  });
  addRule(b, mfaEnroll, enrollmentRule('default', 'Default Rule', 1, true));

  // Authentication policies for Okta's own apps and for everything else.
  const adminConsole = addPolicy(b, { key: 'access-admin-console', type: 'ACCESS_POLICY', name: 'Okta Admin Console', description: 'Controls access to the Okta Admin Console', priority: 1 });
  addRule(b, adminConsole, accessRule({ key: 'mfa', name: 'Admin Console MFA', priority: 0, factorMode: '2FA', reauthenticateIn: 'PT12H' }));
  addRule(b, adminConsole, accessRule({ key: 'catch-all', name: 'Catch-all Rule', priority: 99, system: true, access: 'DENY', factorMode: '2FA' }));
  const dashboard = addPolicy(b, { key: 'access-dashboard', type: 'ACCESS_POLICY', name: 'Okta Dashboard', description: 'Controls access to the Okta Dashboard', priority: 2 });
  addRule(b, dashboard, accessRule({ key: 'catch-all', name: 'Catch-all Rule', priority: 99, system: true, factorMode: '2FA' }));
  const defaultAccess = addPolicy(b, { key: 'access-default', type: 'ACCESS_POLICY', name: 'Default Policy', description: 'Default authentication policy for apps', priority: 3, system: true });
  addRule(b, defaultAccess, accessRule({ key: 'catch-all', name: 'Catch-all Rule', priority: 99, system: true, factorMode: '1FA' }));

  const profile = addPolicy(b, { key: 'profile-default', type: 'PROFILE_ENROLLMENT', name: 'Default Policy', priority: 1, system: true });
  addRule(b, profile, {
    key: 'catch-all', type: 'PROFILE_ENROLLMENT', name: 'Catch-all Rule', priority: 99, system: true, conditions: null,
    actions: { profileEnrollment: { access: 'ALLOW', unknownUserAction: 'DENY', activationRequirements: { emailVerification: true }, profileAttributes: [{ name: 'email', label: 'Email', required: true }] } },
  });
  const discovery = addPolicy(b, { key: 'idp-discovery', type: 'IDP_DISCOVERY', name: 'Idp Discovery Policy', priority: 1, system: true });
  addRule(b, discovery, {
    key: 'default', type: 'IDP_DISCOVERY', name: 'Default Rule', priority: 1, system: true,
    conditions: { network: { connection: 'ANYWHERE' } },
    actions: { idp: { providers: [{ type: 'OKTA' }] } },
  });

  const apps = {
    adminConsole: firstPartyApp(b, { key: 'saasure', name: 'saasure', label: 'Okta Admin Console', accessPolicyId: adminConsole, createdDaysAgo: 420 }),
    dashboard: firstPartyApp(b, { key: 'okta_enduser', name: 'okta_enduser', label: 'Okta Dashboard', accessPolicyId: dashboard, createdDaysAgo: 420 }),
  };
  b.assignApp(apps.adminConsole, [adminsGroupId]);
  b.assignApp(apps.dashboard, [everyoneGroupId]);

  for (const [name, type] of [['New Country', 'ANOMALOUS_LOCATION'], ['New Device', 'ANOMALOUS_DEVICE'], ['New IP', 'ANOMALOUS_IP'], ['Velocity', 'VELOCITY']] as const) {
    behaviorRule(b, name, type, 'ACTIVE');
  }
  const brandId = brand(b, `${spec.companyName}`);
  if (features.includes('API_ACCESS_MANAGEMENT')) {
    authorizationServer(b, { key: 'default', id: 'default', name: 'default', audience: 'api://default', accessTokenMinutes: 60, refreshTokenMinutes: 0 });
  }

  return {
    b,
    adminId,
    everyoneGroupId,
    adminsGroupId,
    policies: { signOn, signOnDefaultRule, password, mfaEnroll, adminConsole, dashboard, defaultAccess },
    zones,
    apps,
    brandId,
  };
}
