// Security configuration objects: network zones, authenticators, identity providers, API
// tokens, log streams, hooks, behaviour rules, trusted origins, custom domains, custom roles,
// device assurance, brands and authorization servers.
import type { OktaObject } from '../fixture/format.js';
import type { OrgBuilder } from './orgBuilder.js';

const self = (path: string) => ({ self: { href: path } });

export interface ZoneSpec {
  key: string;
  name: string;
  usage: 'POLICY' | 'BLOCKLIST';
  status?: 'ACTIVE' | 'INACTIVE';
  system?: boolean;
}

function addZone(b: OrgBuilder, z: ZoneSpec, type: 'IP' | 'DYNAMIC_V2', details: OktaObject): string {
  const id = b.id('nzo', `zone:${z.key}`);
  b.fixture.zones.push({
    type,
    id,
    name: z.name,
    status: z.status ?? 'ACTIVE',
    usage: z.usage,
    ...b.stamps(z.system ? 400 : 120),
    system: z.system ?? false,
    ...details,
    _links: self(`/api/v1/zones/${id}`),
  });
  return id;
}

export function ipZone(b: OrgBuilder, z: ZoneSpec & { gateways: string[] | null; proxies?: string[] | null }): string {
  const cidrs = (list: string[]) => list.map((value) => ({ type: value.includes('-') ? 'RANGE' : 'CIDR', value }));
  // Okta leaves out gateways and proxies a zone does not have.
  return addZone(b, z, 'IP', {
    ...(z.gateways ? { gateways: cidrs(z.gateways) } : {}),
    ...(z.proxies ? { proxies: cidrs(z.proxies) } : {}),
  });
}

/** An enhanced dynamic zone: matches anonymizers, locations and ASNs. */
export function enhancedDynamicZone(b: OrgBuilder, z: ZoneSpec & { categories: string[]; locations?: string[] }): string {
  return addZone(b, z, 'DYNAMIC_V2', {
    locations: { include: (z.locations ?? []).map((country) => ({ country })), exclude: [] },
    asns: { include: [], exclude: [] },
    ipServiceCategories: { include: z.categories, exclude: [] },
  });
}

const AUTHENTICATOR_TYPES: Record<string, [string, string]> = {
  okta_email: ['email', 'Email'],
  okta_password: ['password', 'Password'],
  okta_verify: ['app', 'Okta Verify'],
  phone_number: ['phone', 'Phone'],
  security_question: ['security_question', 'Security Question'],
  webauthn: ['security_key', 'Security Key or Biometric'],
  smart_card_idp: ['federated', 'Smart Card Authenticator'],
  google_otp: ['app', 'Google Authenticator'],
};

/** The sign-in methods each authenticator offers (`GET /authenticators/{id}/methods`). */
const AUTHENTICATOR_METHODS: Record<string, string[]> = {
  okta_email: ['email'],
  okta_password: ['password'],
  okta_verify: ['push', 'totp', 'signed_nonce'],
  phone_number: ['sms', 'voice'],
  security_question: ['security_question'],
  webauthn: ['webauthn'],
  google_otp: ['otp'],
  smart_card_idp: ['cert'],
};

export function authenticator(b: OrgBuilder, key: string, status: 'ACTIVE' | 'INACTIVE', settings?: OktaObject): string {
  const [type, name] = AUTHENTICATOR_TYPES[key] ?? ['app', key];
  const id = b.id('aut', `authenticator:${key}`);
  b.fixture.authenticators.push({
    type,
    id,
    key,
    status,
    name,
    ...b.stamps(400),
    ...(settings ? { settings } : {}),
    _links: {
      self: { href: `/api/v1/authenticators/${id}` },
      methods: { href: `/api/v1/authenticators/${id}/methods` },
    },
  });
  b.fixture.authenticatorMethods[id] = (AUTHENTICATOR_METHODS[key] ?? []).map((type) => ({
    type,
    status,
    _links: { self: { href: `/api/v1/authenticators/${id}/methods/${type}` } },
  }));
  return id;
}

/** Changes an authenticator's status (and its methods') or settings. */
export function updateAuthenticator(b: OrgBuilder, key: string, change: { status?: 'ACTIVE' | 'INACTIVE'; settings?: OktaObject }): void {
  const found = b.fixture.authenticators.find((a) => a.key === key);
  if (!found) throw new Error(`the org has no ${key} authenticator`);
  if (change.settings) found.settings = change.settings;
  if (change.status) {
    found.status = change.status;
    for (const method of b.fixture.authenticatorMethods[String(found.id)] ?? []) method.status = change.status;
  }
}

export interface ApiTokenSpec {
  key: string;
  name: string;
  userId: string;
  createdDaysAgo: number;
  lastUsedDaysAgo: number;
  zones?: string[];
}

/** API token metadata; `lastUpdated` moves when the token is used. Tokens expire after 30 idle days. */
export function apiToken(b: OrgBuilder, t: ApiTokenSpec): string {
  const id = b.id('00T', `token:${t.key}`);
  b.fixture.apiTokens.push({
    id,
    name: t.name,
    userId: t.userId,
    clientName: 'Okta API',
    tokenWindow: 'P30D',
    network: t.zones ? { connection: 'ZONE', include: t.zones, exclude: [] } : { connection: 'ANYWHERE' },
    created: b.time.ago(t.createdDaysAgo),
    lastUpdated: b.time.ago(t.lastUsedDaysAgo),
    expiresAt: b.time.ahead(30 - t.lastUsedDaysAgo),
    _links: { self: { href: `/api/v1/api-tokens/${id}` }, user: [{ href: `/api/v1/users/${t.userId}` }] },
  });
  return id;
}

export function splunkLogStream(b: OrgBuilder, key: string, name: string, status: 'ACTIVE' | 'INACTIVE'): void {
  const id = b.id('0oa', `logstream:${key}`);
  b.fixture.logStreams.push({
    id,
    name,
    type: 'splunk_cloud_logstreaming',
    status,
    ...b.stamps(90),
    settings: { host: 'acme.splunkcloud.com', edition: 'aws' },
    _links: { self: { href: `/api/v1/logStreams/${id}` } },
  });
}

/** An Amazon EventBridge log stream. */
export function eventBridgeLogStream(b: OrgBuilder, key: string, name: string, status: 'ACTIVE' | 'INACTIVE'): void {
  const id = b.id('0oa', `logstream:${key}`);
  b.fixture.logStreams.push({
    id,
    name,
    type: 'aws_eventbridge',
    status,
    ...b.stamps(90),
    settings: { accountId: '123456789012', eventSourceName: `${b.orgKey}-okta-events`, region: 'eu-west-1' },
    _links: { self: { href: `/api/v1/logStreams/${id}` } },
  });
}

export function eventHook(b: OrgBuilder, key: string, name: string, uri: string, authenticated: boolean): void {
  const id = b.id('who', `hook:${key}`);
  b.fixture.eventHooks.push({
    id,
    name,
    description: null,
    status: 'ACTIVE',
    verificationStatus: 'VERIFIED',
    ...b.stamps(60),
    createdBy: b.fixture.users[0]?.id ?? null,
    events: { type: 'EVENT_TYPE', items: ['user.lifecycle.create', 'user.lifecycle.deactivate'], filter: null },
    channel: {
      type: 'HTTP',
      version: '1.0.0',
      config: {
        uri,
        method: 'POST',
        headers: [],
        ...(authenticated ? { authScheme: { type: 'HEADER', key: 'Authorization' } } : {}),
      },
    },
    _links: { self: { href: `/api/v1/eventHooks/${id}` } },
  });
}

const BEHAVIOR_SETTINGS: Record<string, OktaObject> = {
  ANOMALOUS_LOCATION: { maxEventsUsedForEvaluation: 50, minEventsNeededForEvaluation: 0, granularity: 'COUNTRY' },
  ANOMALOUS_DEVICE: { maxEventsUsedForEvaluation: 20, minEventsNeededForEvaluation: 0 },
  ANOMALOUS_IP: { maxEventsUsedForEvaluation: 50, minEventsNeededForEvaluation: 0 },
  VELOCITY: { velocityKph: 805 },
};

export function behaviorRule(b: OrgBuilder, name: string, type: keyof typeof BEHAVIOR_SETTINGS, status: 'ACTIVE' | 'INACTIVE'): void {
  const id = b.id('abc', `behavior:${name}`);
  b.fixture.behaviors.push({
    id,
    name,
    type,
    status,
    ...b.stamps(400),
    settings: BEHAVIOR_SETTINGS[type],
    _links: { self: { href: `/api/v1/behaviors/${id}` } },
  });
}

export function trustedOrigin(b: OrgBuilder, key: string, name: string, origin: string, scopes: Array<'CORS' | 'REDIRECT' | 'IFRAME_EMBED'>): void {
  const id = b.id('tos', `origin:${key}`);
  const admin = String(b.fixture.users[0]?.id ?? '');
  b.fixture.trustedOrigins.push({
    id,
    name,
    origin,
    scopes: scopes.map((type) => ({ type })),
    status: 'ACTIVE',
    created: b.time.ago(100),
    createdBy: admin,
    lastUpdated: b.time.ago(50),
    lastUpdatedBy: admin,
    _links: self(`/api/v1/trustedOrigins/${id}`),
  });
}

export function customDomain(b: OrgBuilder, domain: string, validationStatus: 'COMPLETED' | 'IN_PROGRESS' | 'NOT_STARTED' | 'VERIFIED', brandId: string): void {
  const id = b.id('OcD', `domain:${domain}`);
  b.fixture.domains.push({
    id,
    domain,
    brandId,
    certificateSourceType: 'OKTA_MANAGED',
    validationStatus,
    dnsRecords: [
      { fqdn: `_oktaverification.${domain}`, recordType: 'TXT', values: [b.id('', `txt:${domain}`)] },
      { fqdn: domain, recordType: 'CNAME', values: [`${b.orgKey}.customdomains.okta.com`] },
    ],
    ...(validationStatus === 'COMPLETED'
      ? { publicCertificate: { subject: `CN=${domain}`, fingerprint: '73:5F:1D:45:2A:0C:7B:8E', expiration: b.time.ahead(80) } }
      : {}),
    _links: {
      self: { href: `/api/v1/domains/${id}` },
      verify: { href: `/api/v1/domains/${id}/verify`, hints: { allow: ['POST'] } },
      brand: { href: `/api/v1/brands/${brandId}` },
    },
  });
}

export function customRole(b: OrgBuilder, key: string, label: string, description: string, permissions: string[]): string {
  const id = b.id('cr0', `customrole:${key}`);
  b.fixture.customRoles.push({
    id,
    label,
    description,
    ...b.stamps(90),
    _links: { self: { href: `/api/v1/iam/roles/${id}` }, permissions: { href: `/api/v1/iam/roles/${id}/permissions` } },
  });
  b.fixture.customRolePermissions[id] = permissions.map((label) => ({
    label,
    ...b.stamps(90),
    _links: { self: { href: `/api/v1/iam/roles/${id}/permissions/${label}` }, role: { href: `/api/v1/iam/roles/${id}` } },
  }));
  return id;
}

export function macDeviceAssurance(b: OrgBuilder, key: string, name: string, minimumOs: string): string {
  const id = b.id('dae', `assurance:${key}`);
  b.fixture.deviceAssurances.push({
    id,
    name,
    platform: 'MACOS',
    createdBy: String(b.fixture.users[0]?.id ?? ''),
    createdDate: b.time.ago(60),
    lastUpdatedBy: String(b.fixture.users[0]?.id ?? ''),
    lastUpdate: b.time.ago(30),
    osVersion: { minimum: minimumOs },
    diskEncryptionType: { include: ['ALL_INTERNAL_VOLUMES'] },
    screenLockType: { include: ['PASSCODE', 'BIOMETRIC'] },
    secureHardwarePresent: true,
    _links: self(`/api/v1/device-assurances/${id}`),
  });
  return id;
}

/** The org's brand with its default sign-in page and, optionally, a customized one. */
export function brand(b: OrgBuilder, name: string, customizedContent?: string): string {
  const id = b.id('bnd', `brand:${name}`);
  b.fixture.brands.push({
    id,
    name,
    isDefault: true,
    removePoweredByOkta: false,
    agreeToCustomPrivacyPolicy: false,
    locale: 'en',
    defaultApp: {},
    _links: { self: { href: `/api/v1/brands/${id}` }, themes: { href: `/api/v1/brands/${id}/themes` } },
  });
  const page = (pageContent: string): OktaObject => ({
    pageContent,
    widgetVersion: '7.25',
    widgetCustomizations: { widgetGeneration: 'G3' },
  });
  b.fixture.signInPages[id] = {
    default: page('<!DOCTYPE html><html><head><title>{{orgName}} - Sign In</title></head><body>{{{SignInWidgetResources}}}<div id="okta-login-container"></div>{{{OktaUtil}}}</body></html>'),
    ...(customizedContent ? { customized: page(customizedContent) } : {}),
  };
  return id;
}
