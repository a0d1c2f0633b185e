// Federation objects: inbound identity providers (SAML, OIDC, smart-card X509) and custom
// authorization servers with their policies, rules, scopes, claims and keys.
import type { OktaObject } from '../fixture/format.js';
import type { OrgBuilder } from './orgBuilder.js';

const provisioning = (action: 'AUTO' | 'DISABLED'): OktaObject => ({
  action,
  profileMaster: false,
  groups: { action: 'NONE' },
  conditions: { deprovisioned: { action: 'NONE' }, suspended: { action: 'NONE' } },
});

function idpBase(b: OrgBuilder, key: string, name: string, type: string, accountLink: 'AUTO' | 'DISABLED'): OktaObject {
  const id = b.id('0oa', `idp:${key}`);
  return {
    id,
    type,
    name,
    status: 'ACTIVE',
    issuerMode: 'DYNAMIC',
    ...b.stamps(150),
    policy: {
      provisioning: provisioning(type === 'X509' ? 'DISABLED' : 'AUTO'),
      accountLink: { action: accountLink },
      subject: { userNameTemplate: { template: 'idpuser.email' }, matchType: 'USERNAME' },
      maxClockSkew: 120000,
    },
    properties: null,
    _links: { self: { href: `/api/v1/idps/${id}` } },
  };
}

/** An inbound SAML identity provider (another company's IdP, or another Okta org). */
export function samlIdp(b: OrgBuilder, key: string, name: string, accountLink: 'AUTO' | 'DISABLED'): string {
  const idp = idpBase(b, key, name, 'SAML2', accountLink);
  const kid = b.id('', `idpkey:${key}`);
  idp.protocol = {
    type: 'SAML2',
    endpoints: {
      sso: { url: `https://idp.${key}.example/sso/saml`, binding: 'HTTP-POST', destination: `https://idp.${key}.example/sso/saml` },
      acs: { binding: 'HTTP-POST', type: 'INSTANCE' },
    },
    algorithms: {
      request: { signature: { algorithm: 'SHA-256', scope: 'REQUEST' } },
      response: { signature: { algorithm: 'SHA-256', scope: 'ANY' } },
    },
    credentials: { trust: { issuer: `https://idp.${key}.example`, audience: `https://www.okta.com/saml2/service-provider/${key}`, kid } },
    settings: { nameFormat: 'urn:oasis:names:tc:SAML:1.1:nameid-format:unspecified' },
  };
  b.fixture.idps.push(idp);
  b.fixture.idpKeys[String(idp.id)] = [idpKey(b, kid)];
  return String(idp.id);
}

/** A smart-card (PIV/CAC) identity provider: users present a certificate issued by `issuer`. */
export function smartCardIdp(b: OrgBuilder, key: string, name: string, issuer: string): string {
  const idp = idpBase(b, key, name, 'X509', 'DISABLED');
  const kid = b.id('', `idpkey:${key}`);
  idp.protocol = {
    type: 'MTLS',
    endpoints: { sso: { url: `https://${b.orgKey}.mtls.okta.com/sso/idps/${String(idp.id)}` } },
    credentials: { trust: { issuer, audience: String(idp.id), kid, revocation: 'CRL', revocationCacheLifetime: 2880 } },
  };
  b.fixture.idps.push(idp);
  b.fixture.idpKeys[String(idp.id)] = [idpKey(b, kid)];
  return String(idp.id);
}

function idpKey(b: OrgBuilder, kid: string): OktaObject {
  return {
    kid,
    kty: 'RSA',
    use: 'sig',
    e: 'AQAB',
    n: 'u0VYW2-76A_lYg5NQihhcPJYYU9-NHbNaO6LFERWnOUbU7l3MJdmCailwSzjO76O-2GdLE-Hn2kx2g',
    x5c: ['MIIDnjCCAoagAwIBAgIGAVG3MN+PMA0GCSqGSIb3DQEBCwUAMIGPMQswCQYDVQQGEwJVUzETMBEG'],
    'x5t#S256': 'wzPVobIrveR1x-PCbjsFGNV-6zn7Rm9KuOWOG4Rk6jE',
    created: b.time.ago(150),
    lastUpdated: b.time.ago(150),
    expiresAt: b.time.ahead(600),
  };
}

export interface AuthServerSpec {
  key: string;
  name: string;
  /** `default` keeps Okta's id for the default custom authorization server. */
  id?: string;
  audience: string;
  accessTokenMinutes: number;
  refreshTokenMinutes: number;
}

export function authorizationServer(b: OrgBuilder, s: AuthServerSpec): string {
  const id = s.id ?? b.id('aus', `authserver:${s.key}`);
  const kid = b.id('', `askey:${s.key}`);
  b.fixture.authorizationServers.push({
    id,
    name: s.name,
    description: `${s.name} authorization server`,
    audiences: [s.audience],
    issuer: `https://${b.orgKey}.okta.com/oauth2/${id}`,
    issuerMode: 'ORG_URL',
    status: 'ACTIVE',
    ...b.stamps(300),
    credentials: { signing: { rotationMode: 'AUTO', lastRotated: b.time.ago(40), nextRotation: b.time.ahead(50), kid, use: 'sig' } },
    _links: {
      self: { href: `/api/v1/authorizationServers/${id}` },
      scopes: { href: `/api/v1/authorizationServers/${id}/scopes` },
      claims: { href: `/api/v1/authorizationServers/${id}/claims` },
      policies: { href: `/api/v1/authorizationServers/${id}/policies` },
    },
  });
  const policyId = b.id('00p', `aspolicy:${s.key}`);
  b.fixture.authServerPolicies[id] = [
    {
      id: policyId,
      type: 'OAUTH_AUTHORIZATION_POLICY',
      name: 'Default Policy',
      description: 'Default policy description',
      priority: 1,
      status: 'ACTIVE',
      system: false,
      ...b.stamps(300),
      conditions: { clients: { include: ['ALL_CLIENTS'] } },
      _links: { self: { href: `/api/v1/authorizationServers/${id}/policies/${policyId}` } },
    },
  ];
  const ruleId = b.id('0pr', `asrule:${s.key}`);
  b.fixture.authServerPolicyRules[policyId] = [
    {
      id: ruleId,
      type: 'RESOURCE_ACCESS',
      name: 'Default Policy Rule',
      priority: 1,
      status: 'ACTIVE',
      system: false,
      ...b.stamps(300),
      conditions: {
        people: { users: { include: [] }, groups: { include: ['EVERYONE'] } },
        grantTypes: { include: ['implicit', 'client_credentials', 'authorization_code', 'password'] },
        scopes: { include: ['*'] },
      },
      actions: {
        token: {
          accessTokenLifetimeMinutes: s.accessTokenMinutes,
          refreshTokenLifetimeMinutes: s.refreshTokenMinutes,
          refreshTokenWindowMinutes: 10080,
        },
      },
      _links: { self: { href: `/api/v1/authorizationServers/${id}/policies/${policyId}/rules/${ruleId}` } },
    },
  ];
  b.fixture.authServerScopes[id] = ['openid', 'profile', 'email', 'offline_access'].map((name) => ({
    id: b.id('scp', `scope:${s.key}:${name}`),
    name,
    displayName: name,
    description: `Allows the ${name} scope`,
    system: true,
    default: false,
    consent: name === 'offline_access' ? 'REQUIRED' : 'IMPLICIT',
    metadataPublish: 'ALL_CLIENTS',
    optional: false,
  }));
  b.fixture.authServerClaims[id] = [
    {
      id: b.id('ocl', `claim:${s.key}:sub`),
      name: 'sub',
      status: 'ACTIVE',
      claimType: 'RESOURCE',
      valueType: 'EXPRESSION',
      value: '(appuser != null) ? appuser.userName : app.clientId',
      conditions: { scopes: [] },
      system: true,
      alwaysIncludeInToken: true,
    },
  ];
  b.fixture.authServerKeys[id] = [
    { alg: 'RS256', e: 'AQAB', n: 'g0MirhrysJMPm_wK45jvMbbyanfhl-jmTBv0o69GeifPaISaXGv8LKn3-CyJvUJcjjeHENsQo2kg', kid, kty: 'RSA', status: 'ACTIVE', use: 'sig' },
  ];
  return id;
}
