// App integrations with their assignments, consent grants, signing keys and service-app roles.
import { ErrorValue } from '../../mql/values.js';
import type { ResourceSpec } from '../types.js';
import { dict, idFromHref, str, time } from './fields.js';



export const APP_RESOURCES: ResourceSpec[] = [
  {
    name: 'okta.application',
    doc: 'An app integration.',
    defaults: ['name'],
    fields: {
      id: str('app id'),
      name: str('app key: saasure (Admin Console), okta_enduser (Dashboard), oidc_client, bookmark, template_swa, …'),
      label: str('display name'),
      status: str('ACTIVE or INACTIVE'),
      signOnMode: str('SAML_2_0, OPENID_CONNECT, BROWSER_PLUGIN (SWA), BASIC_AUTH, AUTO_LOGIN, BOOKMARK, WS_FEDERATION, …'),
      created: time('when it was added'),
      lastUpdated: time('when it last changed'),
      credentials: dict('credential settings (signing key id, OAuth client, SWA scheme)'),
      settings: dict('sign-on settings (SAML signOn, OIDC oauthClient, …)'),
      features: { type: { list: 'string' }, doc: 'provisioning features' },
      licensing: dict('licensing'),
      profile: dict('app profile'),
      visibility: dict('dashboard visibility'),
      accessibility: dict('self-service and redirect settings'),
      universalLogoutStatus: str('Universal Logout status', 'universalLogout.status'),
      accessPolicyId: { type: 'string', doc: 'id of the authentication policy', from: { json: '_links.accessPolicy.href', transform: idFromHref } },
      accessPolicy: {
        type: { resource: 'okta.policy' },
        doc: 'the authentication (access) policy that guards the app (Identity Engine)',
        from: {
          compute: async (c) => {
            const id = await c.field('accessPolicyId');
            if (typeof id === 'string') return c.read(`/api/v1/policies/${encodeURIComponent(id)}`, { resource: 'okta.policy' });
            // Classic Engine has no authentication policies: say so rather than yield an empty value.
            const pipeline = await c.read('/.well-known/okta-organization', 'string', 'pipeline');
            if (pipeline === 'v1') return new ErrorValue('app authentication policies exist only on Identity Engine orgs; this org runs Classic Engine', 'unavailable');
            return id;
          },
        },
      },
      assignedUsers: { type: { list: { resource: 'okta.application.user' } }, doc: 'users assigned, directly or by group', from: { read: '/api/v1/apps/{appId}/users', params: { appId: 'id' } } },
      assignedGroups: { type: { list: { resource: 'okta.application.groupAssignment' } }, doc: 'groups assigned', from: { read: '/api/v1/apps/{appId}/groups', params: { appId: 'id' } } },
      scopeConsentGrants: { type: { list: { resource: 'okta.application.scopeConsentGrant' } }, doc: 'Okta API scopes granted to the app', from: { read: '/api/v1/apps/{appId}/grants', params: { appId: 'id' } } },
      signingKeys: { type: { list: { resource: 'okta.application.key' } }, doc: 'signing certificates', from: { read: '/api/v1/apps/{appId}/credentials/keys', params: { appId: 'id' } } },
      adminRoles: {
        type: { list: { resource: 'okta.role' } },
        doc: 'admin roles assigned to a service app',
        from: { read: '/oauth2/v1/clients/{clientId}/roles', params: { clientId: 'credentials.oauthClient.client_id' } },
      },
    },
  },
  {
    name: 'okta.application.user',
    doc: "A user's assignment to an app.",
    defaults: ['scope', 'status'],
    fields: {
      id: str('user id'),
      scope: str('USER (directly) or GROUP'),
      status: str('assignment status'),
      syncState: str('provisioning sync state'),
      created: time('when it was assigned'),
      lastUpdated: time('when it last changed'),
      credentials: dict('app credentials (user name)'),
      profile: dict('app profile'),
      user: { type: { resource: 'okta.user' }, doc: 'the user', from: { read: '/api/v1/users/{id}' } },
    },
  },
  {
    name: 'okta.application.groupAssignment',
    doc: "A group's assignment to an app.",
    defaults: ['id', 'priority'],
    fields: {
      id: str('group id'),
      priority: { type: 'int', doc: 'assignment priority' },
      profile: dict('app profile for the group'),
      lastUpdated: time('when it last changed'),
      group: { type: { resource: 'okta.group' }, doc: 'the group', from: { read: '/api/v1/groups/{groupId}', params: { groupId: 'id' } } },
    },
  },
  {
    name: 'okta.application.scopeConsentGrant',
    doc: 'An Okta API scope granted to an app.',
    defaults: ['scopeId', 'status'],
    fields: {
      id: str('grant id'),
      scopeId: str('the scope, e.g. okta.users.read'),
      status: str('ACTIVE or REVOKED'),
      source: str('ADMIN or END_USER'),
      issuer: str('issuer'),
      created: time('when it was granted'),
      lastUpdated: time('when it last changed'),
    },
  },
  {
    name: 'okta.application.key',
    doc: "An app's signing key.",
    defaults: ['kid', 'expiresAt'],
    identity: 'kid',
    fields: {
      kid: str('key id'),
      kty: str('key type'),
      use: str('use'),
      created: time('when it was created'),
      expiresAt: time('when it expires'),
      lastUpdated: time('when it last changed'),
      x5c: { type: { list: 'string' }, doc: 'certificate chain' },
    },
  },
];
