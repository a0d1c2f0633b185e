// App instances in each sign-on mode, as Okta returns them from `GET /api/v1/apps`.
import type { Jwk } from '../../jose/jwk.js';
import type { OktaObject } from '../fixture/format.js';
import type { OrgBuilder } from './orgBuilder.js';

interface AppSpec {
  key: string;
  label: string;
  /** The app's authentication (access) policy. */
  accessPolicyId?: string;
  status?: 'ACTIVE' | 'INACTIVE';
  createdDaysAgo?: number;
}

function base(b: OrgBuilder, spec: AppSpec, name: string, signOnMode: string): OktaObject {
  const id = b.id('0oa', `app:${spec.key}`);
  return {
    id,
    orn: `orn:okta:idp:${String(b.fixture.org.id ?? b.id('00o', 'org'))}:apps:${name}:${id}`,
    name,
    label: spec.label,
    status: spec.status ?? 'ACTIVE',
    ...b.stamps(spec.createdDaysAgo ?? 250),
    signOnMode,
    accessibility: { selfService: false },
    visibility: { autoLaunch: false, autoSubmitToolbar: false, hide: { iOS: false, web: false }, appLinks: { [`${name}_link`]: true } },
    features: [],
    _links: {
      self: { href: `/api/v1/apps/${id}` },
      users: { href: `/api/v1/apps/${id}/users` },
      groups: { href: `/api/v1/apps/${id}/groups` },
      ...(spec.accessPolicyId ? { accessPolicy: { href: `/api/v1/policies/${spec.accessPolicyId}` } } : {}),
    },
  };
}

function add(b: OrgBuilder, app: OktaObject): string {
  b.fixture.apps.push(app);
  const kid = ((app.credentials as OktaObject | undefined)?.signing as OktaObject | undefined)?.kid;
  if (typeof kid === 'string') {
    // The app's SAML/OIDC signing certificate.
    b.fixture.appKeys[String(app.id)] = [
      {
        kid,
        kty: 'RSA',
        use: 'sig',
        e: 'AQAB',
        n: 'mkC6yAJVvFwUlmM9gKjb2d-YK5qHFt-mXSsbjWKKs4EfNm-BoQeeovBZtSACyaqLc8IYFTPEURFcbDQ9DkAL04uUIRD2gaHYY7uK0jsluEaXGq2RAIsmzAwNTzkiDw4q9pDL_q7n0f_SDt1TsMaMQayB6bU5jWsmqcWJ8MCRJ1aJMjZ16un5UVx51IIeCbe4QRDxEXGAvYNczsBoZxspDt28esSpq5W0dBFxcyGVudyl54Er3FzAguhgfMVjH-bUec9j2Tl40qDTktrYgYfxz9pfjm01Hn4WYpHXwD9CSBPR6hcm4tmMPzX7X8R-7O5KSOg5lVC40i9PzxBwaHnKzJw',
        x5c: ['MIIDqDCCApCgAwIBAgIGAVGNO4qeMA0GCSqGSIb3DQEBCwUAMIGUMQswCQYDVQQGEwJVUzETMBEGA1UECAwKQ2FsaWZvcm5pYTEWMBQGA1UEBwwNU2FuIEZyYW5jaXNjbzENMAsGA1UECgwET2t0YTEUMBIGA1UECwwLU1NPUHJvdmlkZXIxFTATBgNVBAMMDGV4YW1wbGUub2t0YTEcMBoGCSqGSIb3DQEJARYNaW5mb0Bva3RhLmNvbQ=='],
        'x5t#S256': 'wzPVobIrveR1x-PCbjsFGNV-6zn7Rm9KuOWOG4Rk6jE',
        created: b.time.ago(250),
        lastUpdated: b.time.ago(250),
        expiresAt: b.time.ahead(480),
      },
    ];
  }
  return String(app.id);
}

// Okta leaves out properties whose value is null.
const noNotes = { notifications: { vpn: { network: { connection: 'DISABLED' } } }, implicitAssignment: false, notes: {} };

/** Okta's own first-party apps (Admin Console `saasure`, Dashboard `okta_enduser`). */
export function firstPartyApp(b: OrgBuilder, spec: AppSpec & { name: 'saasure' | 'okta_enduser' }): string {
  const app = base(b, spec, spec.name, 'OPENID_CONNECT');
  app.credentials = {
    userNameTemplate: { template: '${source.login}', type: 'BUILT_IN' },
    signing: { kid: b.id('', `kid:${spec.key}`) },
    oauthClient: { autoKeyRotation: true, client_id: String(app.id), token_endpoint_auth_method: 'none' },
  };
  app.settings = {
    ...noNotes,
    oauthClient: {
      redirect_uris: [],
      response_types: ['code'],
      grant_types: ['authorization_code'],
      application_type: 'browser',
      issuer_mode: 'ORG_URL',
      wildcard_redirect: 'DISABLED',
      dpop_bound_access_tokens: false,
    },
  };
  return add(b, app);
}

export interface OidcSpec extends AppSpec {
  applicationType: 'web' | 'browser' | 'native';
  grantTypes: string[];
  authMethod: 'client_secret_basic' | 'client_secret_post' | 'client_secret_jwt' | 'private_key_jwt' | 'none';
  redirectUris: string[];
  pkceRequired?: boolean;
  wildcardRedirect?: 'DISABLED' | 'SUBDOMAIN';
}

export function oidcApp(b: OrgBuilder, spec: OidcSpec): string {
  const app = base(b, spec, 'oidc_client', 'OPENID_CONNECT');
  const clientId = b.id('0oa', `client:${spec.key}`);
  app.credentials = {
    userNameTemplate: { template: '${source.login}', type: 'BUILT_IN' },
    signing: { kid: b.id('', `kid:${spec.key}`) },
    oauthClient: {
      autoKeyRotation: true,
      client_id: clientId,
      token_endpoint_auth_method: spec.authMethod,
      pkce_required: spec.pkceRequired ?? spec.authMethod === 'none',
    },
  };
  app.settings = {
    ...noNotes,
    oauthClient: {
      redirect_uris: spec.redirectUris,
      post_logout_redirect_uris: [],
      response_types: spec.grantTypes.includes('implicit') ? ['code', 'token', 'id_token'] : ['code'],
      grant_types: spec.grantTypes,
      application_type: spec.applicationType,
      consent_method: 'TRUSTED',
      issuer_mode: 'DYNAMIC',
      idp_initiated_login: { mode: 'DISABLED', default_scope: [] },
      wildcard_redirect: spec.wildcardRedirect ?? 'DISABLED',
      dpop_bound_access_tokens: false,
    },
  };
  return add(b, app);
}

export interface ServiceAppSpec extends AppSpec {
  /** Public keys registered for `private_key_jwt`. */
  keys: Jwk[];
  clientId?: string;
  requireDpop: boolean;
  /** Okta API scopes granted to the app. */
  grantedScopes: string[];
}

/** An API service app that calls Okta's APIs with client credentials. */
export function serviceApp(b: OrgBuilder, spec: ServiceAppSpec): { appId: string; clientId: string } {
  const app = base(b, spec, 'oidc_client', 'OPENID_CONNECT');
  const clientId = spec.clientId ?? b.id('0oa', `client:${spec.key}`);
  app.credentials = {
    userNameTemplate: { template: '${source.login}', type: 'BUILT_IN' },
    oauthClient: { autoKeyRotation: true, client_id: clientId, token_endpoint_auth_method: 'private_key_jwt' },
  };
  app.settings = {
    ...noNotes,
    oauthClient: {
      response_types: ['token'],
      grant_types: ['client_credentials'],
      application_type: 'service',
      consent_method: 'REQUIRED',
      issuer_mode: 'DYNAMIC',
      jwks: { keys: spec.keys.map((k) => ({ ...k, status: 'ACTIVE' })) },
      dpop_bound_access_tokens: spec.requireDpop,
    },
  };
  const appId = add(b, app);
  b.fixture.appGrants[appId] = spec.grantedScopes.map((scopeId) => ({
    id: b.id('oag', `grant:${spec.key}:${scopeId}`),
    status: 'ACTIVE',
    ...b.stamps(40),
    issuer: '',
    scopeId,
    source: 'ADMIN',
    clientId,
    _links: { app: { href: `/api/v1/apps/${appId}` } },
  }));
  return { appId, clientId };
}

export interface SamlSpec extends AppSpec {
  acsUrl: string;
  signatureAlgorithm: 'RSA_SHA256' | 'RSA_SHA1';
  assertionSigned: boolean;
  responseSigned: boolean;
}

export function samlApp(b: OrgBuilder, spec: SamlSpec): string {
  const app = base(b, spec, `${b.orgKey}_${spec.key.replace(/\W/g, '')}_1`, 'SAML_2_0');
  app.credentials = {
    userNameTemplate: { template: '${source.login}', type: 'BUILT_IN' },
    signing: { kid: b.id('', `kid:${spec.key}`) },
  };
  app.settings = {
    ...noNotes,
    signOn: {
      defaultRelayState: '',
      ssoAcsUrl: spec.acsUrl,
      idpIssuer: 'http://www.okta.com/${org.externalKey}',
      audience: new URL(spec.acsUrl).origin,
      recipient: spec.acsUrl,
      destination: spec.acsUrl,
      subjectNameIdTemplate: '${user.userName}',
      subjectNameIdFormat: 'urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress',
      responseSigned: spec.responseSigned,
      assertionSigned: spec.assertionSigned,
      signatureAlgorithm: spec.signatureAlgorithm,
      digestAlgorithm: spec.signatureAlgorithm === 'RSA_SHA1' ? 'SHA1' : 'SHA256',
      honorForceAuthn: true,
      authnContextClassRef: 'urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport',
      requestCompressed: false,
      allowMultipleAcsEndpoints: false,
      acsEndpoints: [],
      attributeStatements: [],
    },
  };
  return add(b, app);
}

/** A Secure Web Authentication app: Okta stores and types the user's password for them. */
export function swaApp(b: OrgBuilder, spec: AppSpec & { url: string }): string {
  const app = base(b, spec, 'template_swa', 'BROWSER_PLUGIN');
  app.credentials = { scheme: 'EDIT_USERNAME_AND_PASSWORD', userNameTemplate: { template: '${source.login}', type: 'BUILT_IN' }, revealPassword: true, signing: {} };
  app.settings = { ...noNotes, app: { buttonField: 'btn-login', passwordField: 'password', usernameField: 'username', url: spec.url } };
  return add(b, app);
}

export function basicAuthApp(b: OrgBuilder, spec: AppSpec & { url: string }): string {
  const app = base(b, spec, 'template_basic_auth', 'BASIC_AUTH');
  app.credentials = { scheme: 'EDIT_USERNAME_AND_PASSWORD', userNameTemplate: { template: '${source.login}', type: 'BUILT_IN' }, signing: {} };
  app.settings = { ...noNotes, app: { url: spec.url, authURL: spec.url } };
  return add(b, app);
}

export function bookmarkApp(b: OrgBuilder, spec: AppSpec & { url: string }): string {
  const app = base(b, spec, 'bookmark', 'BOOKMARK');
  app.credentials = { userNameTemplate: { template: '${source.login}', type: 'BUILT_IN' }, signing: {} };
  app.settings = { ...noNotes, app: { requestIntegration: false, url: spec.url } };
  return add(b, app);
}

/** An Okta Integration Network app that signs in by posting the user's stored password. */
export function autoLoginApp(b: OrgBuilder, spec: AppSpec & { name: string; loginUrl: string }): string {
  const app = base(b, spec, spec.name, 'AUTO_LOGIN');
  app.credentials = { scheme: 'EDIT_USERNAME_AND_PASSWORD', userNameTemplate: { template: '${source.login}', type: 'BUILT_IN' }, signing: {} };
  app.settings = { ...noNotes, signOn: { loginUrl: spec.loginUrl } };
  return add(b, app);
}
