// Policies and rules of each type, in the shapes `GET /api/v1/policies` and
// `GET /api/v1/policies/{id}/rules` return.
import type { OktaObject } from '../fixture/format.js';
import type { OrgBuilder } from './orgBuilder.js';

export interface PolicySpec {
  key: string;
  type: string;
  name: string;
  description?: string;
  priority: number;
  system?: boolean;
  status?: 'ACTIVE' | 'INACTIVE';
  conditions?: OktaObject | null;
  settings?: OktaObject;
}

export function addPolicy(b: OrgBuilder, spec: PolicySpec): string {
  const id = b.id('00p', `policy:${spec.key}`);
  b.fixture.policies.push({
    id,
    type: spec.type,
    name: spec.name,
    description: spec.description ?? spec.name,
    priority: spec.priority,
    system: spec.system ?? false,
    status: spec.status ?? 'ACTIVE',
    ...b.stamps(spec.system ? 400 : 200),
    conditions: spec.conditions === undefined ? null : spec.conditions,
    ...(spec.settings ? { settings: spec.settings } : {}),
    _links: {
      self: { href: `/api/v1/policies/${id}` },
      rules: { href: `/api/v1/policies/${id}/rules` },
    },
  });
  b.fixture.policyRules[id] = [];
  return id;
}

export interface RuleSpec {
  key: string;
  type: string;
  name: string;
  priority: number;
  system?: boolean;
  status?: 'ACTIVE' | 'INACTIVE';
  conditions: OktaObject | null;
  actions: OktaObject;
}

export function addRule(b: OrgBuilder, policyId: string, spec: RuleSpec): string {
  const id = b.id('0pr', `rule:${policyId}:${spec.key}`);
  (b.fixture.policyRules[policyId] ??= []).push({
    id,
    status: spec.status ?? 'ACTIVE',
    name: spec.name,
    priority: spec.priority,
    system: spec.system ?? false,
    ...b.stamps(spec.system ? 400 : 150),
    conditions: spec.conditions,
    actions: spec.actions,
    type: spec.type,
    _links: { self: { href: `/api/v1/policies/${policyId}/rules/${id}` } },
  });
  return id;
}

export const everyone = (groupId: string) => ({ people: { groups: { include: [groupId] } } });

export interface SessionSpec {
  idleMinutes: number;
  lifetimeMinutes: number;
  persistentCookie: boolean;
  requireFactor?: boolean;
  access?: 'ALLOW' | 'DENY';
  /** Network zones the rule applies in; undefined = anywhere. */
  zones?: { include?: string[]; exclude?: string[] };
  excludeUsers?: string[];
}

/** A global session policy rule (`OKTA_SIGN_ON` policies hold rules of type `SIGN_ON`). */
export function signOnRule(key: string, name: string, priority: number, s: SessionSpec, system = false): RuleSpec {
  return {
    key,
    type: 'SIGN_ON',
    name,
    priority,
    system,
    conditions: {
      people: { users: { exclude: s.excludeUsers ?? [] } },
      network: s.zones ? { connection: 'ZONE', ...s.zones } : { connection: 'ANYWHERE' },
      authContext: { authType: 'ANY' },
      risk: { behaviors: [] },
      riskScore: { level: 'ANY' },
      identityProvider: { provider: 'ANY' },
    },
    actions: {
      signon: {
        access: s.access ?? 'ALLOW',
        requireFactor: s.requireFactor ?? false,
        factorPromptMode: 'ALWAYS',
        rememberDeviceByDefault: false,
        factorLifetime: 15,
        primaryFactor: 'PASSWORD_IDP_ANY_FACTOR',
        session: {
          maxSessionIdleMinutes: s.idleMinutes,
          maxSessionLifetimeMinutes: s.lifetimeMinutes,
          usePersistentCookie: s.persistentCookie,
        },
      },
    },
  };
}

export interface PasswordSpec {
  minLength: number;
  minLowerCase: number;
  minUpperCase: number;
  minNumber: number;
  minSymbol: number;
  excludeUsername: boolean;
  excludeAttributes: string[];
  commonPasswordCheck: boolean;
  maxAgeDays: number;
  minAgeMinutes: number;
  historyCount: number;
  expireWarnDays: number;
  maxAttempts: number;
  autoUnlockMinutes: number;
  showLockoutFailures: boolean;
  smsRecovery: boolean;
  questionRecovery: boolean;
}

export function passwordSettings(p: PasswordSpec): OktaObject {
  return {
    password: {
      complexity: {
        minLength: p.minLength,
        minLowerCase: p.minLowerCase,
        minUpperCase: p.minUpperCase,
        minNumber: p.minNumber,
        minSymbol: p.minSymbol,
        excludeUsername: p.excludeUsername,
        dictionary: { common: { exclude: p.commonPasswordCheck } },
        excludeAttributes: p.excludeAttributes,
      },
      age: {
        maxAgeDays: p.maxAgeDays,
        expireWarnDays: p.expireWarnDays,
        minAgeMinutes: p.minAgeMinutes,
        historyCount: p.historyCount,
      },
      lockout: {
        maxAttempts: p.maxAttempts,
        autoUnlockMinutes: p.autoUnlockMinutes,
        userLockoutNotificationChannels: p.maxAttempts > 0 ? ['EMAIL'] : [],
        showLockoutFailures: p.showLockoutFailures,
      },
    },
    recovery: {
      factors: {
        recovery_question: { status: p.questionRecovery ? 'ACTIVE' : 'INACTIVE', properties: { complexity: { minLength: 4 } } },
        okta_email: { status: 'ACTIVE', properties: { recoveryToken: { tokenLifetimeMinutes: 60 } } },
        okta_sms: { status: p.smsRecovery ? 'ACTIVE' : 'INACTIVE' },
        okta_call: { status: 'INACTIVE' },
      },
    },
    delegation: { options: { skipUnlock: false } },
  };
}

/**
 * The password policy rule: who may change, reset and unlock, and with which methods. Classic
 * Engine rules (`recoveryMethods` null) name no methods: the policy's recovery settings decide.
 */
export function passwordRule(key: string, name: string, priority: number, recoveryMethods: string[] | null, system = false): RuleSpec {
  const requirement = recoveryMethods ? { requirement: { primary: { methods: recoveryMethods }, stepUp: { required: false }, accessControl: 'LEGACY' } } : {};
  return {
    key,
    type: 'PASSWORD',
    name,
    priority,
    system,
    conditions: { people: { users: { exclude: [] } }, network: { connection: 'ANYWHERE' } },
    actions: {
      passwordChange: { access: 'ALLOW' },
      selfServicePasswordReset: { access: 'ALLOW', ...requirement },
      selfServiceUnlock: { access: 'DENY' },
    },
  };
}

export interface AccessRuleSpec {
  key: string;
  name: string;
  priority: number;
  system?: boolean;
  access?: 'ALLOW' | 'DENY';
  factorMode: '1FA' | '2FA';
  phishingResistant?: boolean;
  deviceBound?: boolean;
  reauthenticateIn?: string;
  zones?: { include?: string[]; exclude?: string[] };
  groups?: string[];
  /** Device assurance policies a device must meet. */
  deviceAssurances?: string[];
}

/** An authentication policy rule (`ACCESS_POLICY`): what a user must present to reach an app. */
export function accessRule(r: AccessRuleSpec): RuleSpec {
  const possession: OktaObject = {};
  if (r.phishingResistant) possession.phishingResistant = 'REQUIRED';
  if (r.deviceBound) possession.deviceBound = 'REQUIRED';
  const conditions: OktaObject = {};
  if (r.zones) conditions.network = { connection: 'ZONE', ...r.zones };
  if (r.groups) conditions.people = { groups: { include: r.groups } };
  if (r.deviceAssurances) conditions.device = { registered: true, managed: true, assurance: { include: r.deviceAssurances } };
  return {
    key: r.key,
    type: 'ACCESS_POLICY',
    name: r.name,
    priority: r.priority,
    system: r.system ?? false,
    conditions: r.system ? null : conditions,
    actions: {
      appSignOn: {
        access: r.access ?? 'ALLOW',
        verificationMethod: {
          type: 'ASSURANCE',
          factorMode: r.factorMode,
          reauthenticateIn: r.reauthenticateIn ?? 'PT12H',
          constraints: Object.keys(possession).length ? [{ possession }] : [],
        },
      },
    },
  };
}

/** Authenticator enrollment settings (Identity Engine): `enroll.self` per authenticator key. */
export function enrollmentSettings(authenticators: Record<string, 'REQUIRED' | 'OPTIONAL' | 'NOT_ALLOWED'>): OktaObject {
  return {
    type: 'AUTHENTICATORS',
    authenticators: Object.entries(authenticators).map(([key, self]) => ({ key, enroll: { self } })),
  };
}

/** An MFA enrollment rule: prompt when challenged (the default), at first sign-in (`LOGIN`), or never. */
export function enrollmentRule(key: string, name: string, priority: number, system = false, self: 'CHALLENGE' | 'LOGIN' | 'NEVER' = 'CHALLENGE'): RuleSpec {
  return {
    key,
    type: 'MFA_ENROLL',
    name,
    priority,
    system,
    conditions: { people: { users: { exclude: [] } }, network: { connection: 'ANYWHERE' } },
    actions: { enroll: { self } },
  };
}

/** A Workflow › Automations inactivity rule (USER_LIFECYCLE). */
export function inactivityRule(key: string, name: string, days: number, status: 'SUSPENDED' | 'INACTIVE', groups: string[]): RuleSpec {
  return {
    key,
    type: 'USER_LIFECYCLE',
    name,
    priority: 1,
    conditions: { people: { users: { inactivity: { number: days, unit: 'DAYS' } }, groups: { include: groups } } },
    actions: { userLifecycle: { status } },
  };
}
