// Security configuration: custom domains, trusted origins, network zones, custom roles,
// authenticators, API tokens, identity providers, log streams, hooks, behaviour detection,
// device assurance and brands.
import { ErrorValue } from '../../mql/values.js';
import type { ResourceSpec } from '../types.js';
import { dict, str, time } from './fields.js';


/** Enhanced dynamic zones hold `{include, exclude}`; the resource lists what is included. */
const included = (v: unknown) => (v && typeof v === 'object' && !Array.isArray(v) ? ((v as { include?: unknown }).include ?? []) : v);

const METADATA = new Set(['id', 'name', 'platform', 'createdBy', 'createdDate', 'lastUpdatedBy', 'lastUpdate', '_links']);

export const SECURITY_RESOURCES: ResourceSpec[] = [
  {
    name: 'okta.domain',
    doc: 'A custom domain.',
    defaults: ['domain'],
    fields: {
      id: str('domain id'),
      domain: str('the domain name'),
      validationStatus: str('NOT_STARTED, IN_PROGRESS, VERIFIED or COMPLETED'),
      certificateSourceType: str('OKTA_MANAGED or MANUAL'),
      dnsRecords: { type: { list: 'dict' }, doc: 'DNS records to set (fqdn, recordType, values)' },
      publicCertificate: dict('the certificate (subject, fingerprint, expiration)'),
    },
  },
  {
    name: 'okta.trustedOrigin',
    doc: 'A trusted origin: a site allowed to call Okta from the browser or be redirected to.',
    defaults: ['name'],
    fields: {
      id: str('origin id'),
      name: str('name'),
      origin: str('the origin URL'),
      status: str('ACTIVE or INACTIVE'),
      scopes: { type: { list: 'dict' }, doc: 'what it is trusted for: {type: CORS, REDIRECT or IFRAME_EMBED}' },
      createdBy: str('who created it'),
      lastUpdatedBy: str('who last changed it'),
      created: time('when it was created'),
      lastUpdated: time('when it last changed'),
    },
  },
  {
    name: 'okta.network',
    doc: 'A network zone.',
    defaults: ['name', 'type'],
    fields: {
      id: str('zone id'),
      name: str('zone name'),
      type: str('IP, DYNAMIC or DYNAMIC_V2 (enhanced dynamic)'),
      status: str('ACTIVE or INACTIVE'),
      usage: str('POLICY (used in policies) or BLOCKLIST (always blocked)'),
      system: { type: 'bool', doc: 'created by Okta' },
      proxyType: str('Any, Tor or NotTorAnonymizer (dynamic zones)'),
      gateways: { type: { list: 'dict' }, doc: 'IP gateways {type: CIDR or RANGE, value}' },
      proxies: { type: { list: 'dict' }, doc: 'trusted proxies {type, value}' },
      locations: { type: { list: 'dict' }, doc: 'countries and regions {country, region}', from: { json: 'locations', transform: included } },
      asns: { type: { list: 'string' }, doc: 'autonomous system numbers', from: { json: 'asns', transform: included } },
      ipServiceCategories: dict('enhanced dynamic zones: IP service categories {include, exclude}, e.g. ALL_ANONYMIZERS'),
      created: time('when it was created'),
      lastUpdated: time('when it last changed'),
    },
  },
  {
    name: 'okta.customRole',
    doc: 'A custom admin role.',
    defaults: ['label'],
    fields: {
      id: str('role id'),
      label: str('role name'),
      description: str('description'),
      permissions: {
        type: { list: 'string' },
        doc: 'the permissions it grants (okta.users.manage, …)',
        from: { read: '/api/v1/iam/roles/{roleIdOrLabel}/permissions', params: { roleIdOrLabel: 'id' }, transform: (v) => (Array.isArray(v) ? v.map((p) => (p as { label?: unknown }).label) : v) },
      },
    },
  },
  {
    name: 'okta.authenticator',
    doc: 'An authenticator (Identity Engine).',
    defaults: ['name', 'key', 'status'],
    fields: {
      id: str('authenticator id'),
      key: str('okta_password, okta_email, okta_verify, phone_number, webauthn, security_question, smart_card_idp, …'),
      name: str('name'),
      type: str('app, email, password, phone, security_key, security_question, federated, …'),
      status: str('ACTIVE or INACTIVE'),
      settings: dict('settings (allowedFor, channelBinding, compliance.fips, userVerification, …)'),
      allowedFor: str('any, recovery, sso or none', 'settings.allowedFor'),
      tokenLifetimeInMinutes: { type: 'int', doc: 'email token lifetime', from: { json: 'settings.tokenLifetimeInMinutes' } },
      userVerification: str('DISCOURAGED, PREFERRED or REQUIRED', 'settings.userVerification'),
      created: time('when it was created'),
      lastUpdated: time('when it last changed'),
    },
  },
  {
    name: 'okta.api.token',
    doc: "An API token's metadata (never the token).",
    defaults: ['name'],
    fields: {
      id: str('token id'),
      name: str('name'),
      clientName: str('the client that created it'),
      tokenWindow: str('idle lifetime (ISO 8601, e.g. P30D)'),
      userId: str('the admin who created it (the token acts as them)'),
      network: dict('network restriction {connection: ANYWHERE or ZONE, include, exclude}'),
      created: time('when it was created'),
      expiresAt: time('when it expires unless used'),
      lastUpdated: time('when it was last used'),
      user: { type: { resource: 'okta.user' }, doc: 'the admin who created it', from: { read: '/api/v1/users/{id}', params: { id: 'userId' } } },
    },
  },
  {
    name: 'okta.identityProvider',
    doc: 'An inbound identity provider.',
    defaults: ['name', 'type', 'status'],
    fields: {
      id: str('identity provider id'),
      name: str('name'),
      type: str('SAML2, OIDC, X509 (smart card), GOOGLE, MICROSOFT, …'),
      status: str('ACTIVE or INACTIVE'),
      issuerMode: str('issuer mode'),
      protocol: dict('protocol settings (endpoints, credentials.trust.issuer, …)'),
      policy: dict('account linking, provisioning and subject matching'),
      created: time('when it was created'),
      lastUpdated: time('when it last changed'),
    },
  },
  {
    name: 'okta.logStream',
    doc: 'A System Log stream to a SIEM.',
    defaults: ['name', 'type', 'status'],
    fields: {
      id: str('stream id'),
      name: str('name'),
      type: str('aws_eventbridge or splunk_cloud_logstreaming'),
      status: str('ACTIVE or INACTIVE'),
      settings: dict('destination settings (never the Splunk token)'),
      created: time('when it was created'),
      lastUpdated: time('when it last changed'),
    },
  },
  {
    name: 'okta.eventHook',
    doc: 'An event hook.',
    defaults: ['name', 'status'],
    fields: {
      id: str('hook id'),
      name: str('name'),
      description: str('description'),
      status: str('ACTIVE or INACTIVE'),
      verificationStatus: str('VERIFIED or UNVERIFIED'),
      channelType: str('HTTP', 'channel.type'),
      channelUri: str('the URL Okta calls', 'channel.config.uri'),
      channelAuthScheme: dict('how Okta authenticates to it (the secret is never returned)', 'channel.config.authScheme'),
      headers: { type: { list: 'dict' }, doc: 'extra headers', from: { json: 'channel.config.headers' } },
      events: { type: { list: 'string' }, doc: 'event types it subscribes to', from: { json: 'events.items' } },
      created: time('when it was created'),
      lastUpdated: time('when it last changed'),
    },
  },
  {
    name: 'okta.behaviorRule',
    doc: 'A behavior detection rule.',
    defaults: ['name', 'type', 'status'],
    fields: {
      id: str('rule id'),
      name: str('name'),
      type: str('ANOMALOUS_LOCATION, ANOMALOUS_DEVICE, ANOMALOUS_IP, VELOCITY, …'),
      status: str('ACTIVE or INACTIVE'),
      settings: dict('detection settings'),
      created: time('when it was created'),
      lastUpdated: time('when it last changed'),
    },
  },
  {
    name: 'okta.deviceAssurancePolicy',
    doc: 'A device assurance policy (Identity Engine).',
    defaults: ['name', 'platform'],
    fields: {
      id: str('policy id'),
      name: str('name'),
      platform: str('ANDROID, IOS, MACOS, WINDOWS or CHROMEOS'),
      settings: {
        type: 'dict',
        doc: 'the requirements (osVersion, diskEncryptionType, screenLockType, …)',
        from: { json: '', transform: (v) => Object.fromEntries(Object.entries((v ?? {}) as object).filter(([k]) => !METADATA.has(k))) },
      },
      created: time('when it was created', 'createdDate'),
      lastUpdated: time('when it last changed', 'lastUpdate'),
    },
  },
  {
    name: 'okta.brand',
    doc: 'A brand, with its sign-in page.',
    defaults: ['name'],
    fields: {
      id: str('brand id'),
      name: str('name'),
      isDefault: { type: 'bool', doc: 'the default brand' },
      signInPageCustomized: {
        type: 'bool',
        doc: 'the sign-in page has been customized',
        from: {
          compute: async (c) => {
            const page = await c.read(`/api/v1/brands/${encodeURIComponent(String(await c.field('id')))}/pages/sign-in/customized`, 'dict');
            if (page instanceof ErrorValue) return page.kind === 'unavailable' ? false : page;
            return true;
          },
        },
      },
      signInPage: {
        type: 'dict',
        doc: 'the sign-in page in use (customized, else default): pageContent, widgetVersion, …',
        from: {
          compute: async (c) => {
            const id = encodeURIComponent(String(await c.field('id')));
            const customized = await c.read(`/api/v1/brands/${id}/pages/sign-in/customized`, 'dict');
            if (!(customized instanceof ErrorValue) || customized.kind !== 'unavailable') return customized;
            return c.read(`/api/v1/brands/${id}/pages/sign-in/default`, 'dict');
          },
        },
      },
    },
  },
];
