// Custom authorization servers (API Access Management) and what they hold.
import type { FieldSpec, ResourceSpec } from '../types.js';
import { dict, str, time } from './fields.js';

/** A list under the server; each item learns its server's id, as nothing in Okta's JSON says it. */
const under = (resource: string, path: string, doc: string): FieldSpec => ({
  type: { list: { resource } },
  doc,
  from: {
    read: `/api/v1/authorizationServers/{authServerId}${path}`,
    params: { authServerId: 'id' },
    transform: (items, server) => (Array.isArray(items) ? items.map((i) => ({ ...(i as object), authorizationServerId: server.id })) : items),
  },
});

export const AUTHORIZATION_SERVER_RESOURCES: ResourceSpec[] = [
  {
    name: 'okta.authorizationServer',
    doc: 'A custom authorization server.',
    defaults: ['name', 'status', 'issuer'],
    fields: {
      id: str('server id (default for the default server)'),
      name: str('name'),
      description: str('description'),
      status: str('ACTIVE or INACTIVE'),
      issuer: str('issuer URL'),
      issuerMode: str('ORG_URL, CUSTOM_URL or DYNAMIC'),
      audiences: { type: { list: 'string' }, doc: 'token audiences' },
      default: { type: 'bool', doc: 'the default custom authorization server', from: { json: 'id', transform: (v) => v === 'default' } },
      signingKid: str('current signing key id', 'credentials.signing.kid'),
      signingRotationMode: str('AUTO or MANUAL key rotation', 'credentials.signing.rotationMode'),
      created: time('when it was created'),
      lastUpdated: time('when it last changed'),
      policies: under('okta.authorizationServer.policy', '/policies', 'access policies'),
      scopes: under('okta.authorizationServer.scope', '/scopes', 'scopes'),
      claims: under('okta.authorizationServer.claim', '/claims', 'claims'),
      keys: under('okta.authorizationServer.key', '/credentials/keys', 'signing keys'),
    },
  },
  {
    name: 'okta.authorizationServer.policy',
    doc: 'An access policy of an authorization server.',
    defaults: ['name', 'status', 'priority'],
    fields: {
      id: str('policy id'),
      authorizationServerId: str('the server it belongs to'),
      name: str('name'),
      description: str('description'),
      status: str('ACTIVE or INACTIVE'),
      type: str('OAUTH_AUTHORIZATION_POLICY'),
      priority: { type: 'int', doc: 'evaluation order' },
      system: { type: 'bool', doc: 'created by Okta' },
      conditions: dict('which clients it applies to'),
      created: time('when it was created'),
      lastUpdated: time('when it last changed'),
      rules: {
        type: { list: { resource: 'okta.authorizationServer.policyRule' } },
        doc: 'rules',
        from: {
          read: '/api/v1/authorizationServers/{authServerId}/policies/{policyId}/rules',
          params: { authServerId: 'authorizationServerId', policyId: 'id' },
        },
      },
    },
  },
  {
    name: 'okta.authorizationServer.policyRule',
    doc: 'A rule of an authorization server policy.',
    defaults: ['name', 'status'],
    fields: {
      id: str('rule id'),
      name: str('name'),
      status: str('ACTIVE or INACTIVE'),
      type: str('RESOURCE_ACCESS'),
      priority: { type: 'int', doc: 'evaluation order' },
      system: { type: 'bool', doc: 'created by Okta' },
      actions: dict('token lifetimes (token.accessTokenLifetimeMinutes, refreshTokenLifetimeMinutes, …)'),
      conditions: dict('grant types, scopes and people it applies to'),
      created: time('when it was created'),
      lastUpdated: time('when it last changed'),
    },
  },
  {
    name: 'okta.authorizationServer.scope',
    doc: 'A scope of an authorization server.',
    defaults: ['name', 'consent'],
    fields: {
      id: str('scope id'),
      name: str('name'),
      displayName: str('display name'),
      description: str('description'),
      consent: str('IMPLICIT, REQUIRED or FLEXIBLE'),
      metadataPublish: str('ALL_CLIENTS or NO_CLIENTS'),
      default: { type: 'bool', doc: 'granted by default' },
      system: { type: 'bool', doc: 'created by Okta' },
    },
  },
  {
    name: 'okta.authorizationServer.claim',
    doc: 'A claim of an authorization server.',
    defaults: ['name', 'status', 'claimType'],
    fields: {
      id: str('claim id'),
      name: str('name'),
      status: str('ACTIVE or INACTIVE'),
      claimType: str('RESOURCE (access token) or IDENTITY (ID token)'),
      valueType: str('EXPRESSION, GROUPS or SYSTEM'),
      value: str('the value expression'),
      system: { type: 'bool', doc: 'created by Okta' },
      alwaysIncludeInToken: { type: 'bool', doc: 'included whatever the scopes' },
    },
  },
  {
    name: 'okta.authorizationServer.key',
    doc: 'A signing key of an authorization server.',
    defaults: ['kid', 'status'],
    identity: 'kid',
    fields: {
      kid: str('key id'),
      status: str('ACTIVE, NEXT or EXPIRED'),
      alg: str('algorithm'),
      kty: str('key type'),
      use: str('use'),
    },
  },
];
