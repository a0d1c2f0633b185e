// The catalogue of Okta Management API reads a posture scan uses: path template (as Okta's
// OpenAPI spec spells it), OAuth scope, admin roles, how the list pages, and page sizes.
// The client takes page sizes from here; the simulator serves exactly these endpoints.

export type Paging =
  /** A single object, not a list. */
  | { kind: 'object' }
  /** A bare JSON array with no paging. */
  | { kind: 'none' }
  /** A JSON array paged through `Link: <…>; rel="next"` headers. `defaultLimit` undefined = all. */
  | { kind: 'link'; defaultLimit?: number; maxLimit?: number }
  /** An object wrapping the list under `listKey`, paged through `_links.next.href`. */
  | { kind: 'body'; listKey: string; pageSize: number }
  /** An object wrapping the list under `listKey`, never paged. */
  | { kind: 'wrapped'; listKey: string };

/** Identity Engine (`idx`) or Classic Engine (`v1`), as `/.well-known/okta-organization` reports it. */
export type Pipeline = 'idx' | 'v1';

export interface Endpoint {
  /** Path template exactly as the key in Okta's OpenAPI `paths`. */
  readonly path: string;
  readonly scope: string | null;
  readonly paging: Paging;
  /** Admin roles that may read it; absent = any admin role. */
  readonly adminRoles?: readonly string[];
  /** Served only on the Admin Console host (`<sub>-admin.okta.com`), an undocumented internal API. */
  readonly adminHost?: boolean;
  /** Only SSWS API tokens may call it (OAuth access tokens are refused). */
  readonly sswsOnly?: boolean;
  /** An Identity-Engine-only API: Classic orgs answer that the feature is unavailable. */
  readonly identityEngineOnly?: boolean;
  /** A licensed product the org must have; without it Okta answers E0000015. */
  readonly feature?: OrgFeature;
  /** Query parameters Okta accepts on this endpoint (beyond paging). */
  readonly query?: readonly string[];
  /** Not in Okta's OpenAPI spec; kept because Okta serves it and scanners read it. */
  readonly undocumented?: string;
}

export type OrgFeature = 'API_ACCESS_MANAGEMENT' | 'LOG_STREAMING' | 'DEVICE_ASSURANCE' | 'WORKFLOWS';

const object = { kind: 'object' } as const;
const none = { kind: 'none' } as const;
const link = (defaultLimit?: number, maxLimit?: number): Paging => ({ kind: 'link', defaultLimit, maxLimit });

/** The Admin Console's names of the admin roles that endpoints require. */
export const ADMIN_ROLE_NAMES: Readonly<Record<string, string>> = {
  SUPER_ADMIN: 'Super Administrator',
  ORG_ADMIN: 'Organization Administrator',
  READ_ONLY_ADMIN: 'Read-Only Administrator',
};

export const SECURITY_NOTIFICATIONS_PATH = '/api/internal/org/settings/security-notification-settings';

export const ENDPOINTS: readonly Endpoint[] = [
  // Organization
  { path: '/.well-known/okta-organization', scope: null, paging: object },
  { path: '/api/v1/org', scope: 'okta.orgs.read', paging: object },
  { path: '/api/v1/org/privacy/oktaSupport', scope: 'okta.orgs.read', paging: object, adminRoles: ['SUPER_ADMIN'] },
  { path: '/api/v1/org/privacy/oktaCommunication', scope: 'okta.orgs.read', paging: object },
  { path: '/api/v1/org/preferences', scope: 'okta.orgs.read', paging: object },
  { path: '/api/v1/org/contacts', scope: 'okta.orgs.read', paging: none },
  { path: '/api/v1/org/contacts/{contactType}', scope: 'okta.orgs.read', paging: object },
  { path: '/api/v1/org/orgSettings/thirdPartyAdminSetting', scope: 'okta.orgs.read', paging: object },
  { path: '/api/v1/org/settings/autoAssignAdminAppSetting', scope: 'okta.orgs.read', paging: object },
  { path: '/api/v1/org/settings/clientPrivilegesSetting', scope: 'okta.orgs.read', paging: object },
  { path: '/api/v1/org/captcha', scope: 'okta.captchas.read', paging: object, identityEngineOnly: true },
  { path: '/attack-protection/api/v1/user-lockout-settings', scope: 'okta.orgs.read', paging: object },
  {
    path: '/attack-protection/api/v1/authenticator-settings',
    scope: 'okta.orgs.read',
    paging: object,
    identityEngineOnly: true,
  },
  // The spec names no role; in practice only Super Admins can read the Admin Console settings.
  {
    path: '/api/v1/first-party-app-settings/{appName}',
    scope: 'okta.apps.read',
    paging: object,
    adminRoles: ['SUPER_ADMIN'],
  },
  {
    path: SECURITY_NOTIFICATIONS_PATH,
    scope: null,
    paging: object,
    adminHost: true,
    sswsOnly: true,
    adminRoles: ['SUPER_ADMIN', 'ORG_ADMIN'],
    undocumented:
      'internal Admin Console API that holds the security notification emails; the Okta Terraform provider reads it',
  },
  { path: '/api/v1/threats/configuration', scope: 'okta.threatInsights.read', paging: object },

  // Users
  {
    path: '/api/v1/users',
    scope: 'okta.users.read',
    paging: link(200, 200),
    query: ['filter', 'search', 'q', 'sortBy', 'sortOrder'],
  },
  { path: '/api/v1/users/{id}', scope: 'okta.users.read', paging: object },
  { path: '/api/v1/users/{id}/groups', scope: 'okta.users.read', paging: none },
  { path: '/api/v1/users/{userId}/factors', scope: 'okta.users.read', paging: none },
  { path: '/api/v1/users/{userId}/roles', scope: 'okta.roles.read', paging: none },
  { path: '/api/v1/iam/assignees/users', scope: 'okta.roles.read', paging: { kind: 'body', listKey: 'value', pageSize: 100 } },

  // Groups
  { path: '/api/v1/groups', scope: 'okta.groups.read', paging: link(10000, 10000), query: ['filter', 'search', 'q', 'expand'] },
  { path: '/api/v1/groups/rules', scope: 'okta.groups.read', paging: link(50, 200) },
  { path: '/api/v1/groups/{groupId}', scope: 'okta.groups.read', paging: object },
  { path: '/api/v1/groups/{groupId}/users', scope: 'okta.groups.read', paging: link(1000, 1000) },
  { path: '/api/v1/groups/{groupId}/roles', scope: 'okta.roles.read', paging: none },
  { path: '/api/v1/groups/{groupId}/owners', scope: 'okta.groups.read', paging: link(1000, 1000) },

  // Applications
  { path: '/api/v1/apps', scope: 'okta.apps.read', paging: link(200, 200), query: ['filter', 'q', 'expand'] },
  { path: '/api/v1/apps/{appId}', scope: 'okta.apps.read', paging: object },
  { path: '/api/v1/apps/{appId}/users', scope: 'okta.apps.read', paging: link(50, 500) },
  { path: '/api/v1/apps/{appId}/groups', scope: 'okta.apps.read', paging: link(20, 200) },
  { path: '/api/v1/apps/{appId}/grants', scope: 'okta.appGrants.read', paging: none },
  { path: '/api/v1/apps/{appId}/credentials/keys', scope: 'okta.apps.read', paging: none },
  { path: '/oauth2/v1/clients/{clientId}/roles', scope: 'okta.roles.read', paging: none },

  // Policies
  {
    path: '/api/v1/policies',
    scope: 'okta.policies.read',
    paging: link(20, 200),
    query: ['type', 'status', 'q', 'expand'],
  },
  { path: '/api/v1/policies/{policyId}', scope: 'okta.policies.read', paging: object },
  { path: '/api/v1/policies/{policyId}/rules', scope: 'okta.policies.read', paging: link(undefined, 200) },
  { path: '/api/v1/policies/{policyId}/mappings', scope: 'okta.policies.read', paging: none },

  // Authenticators, zones, origins, domains, IdPs
  { path: '/api/v1/authenticators', scope: 'okta.authenticators.read', paging: none, identityEngineOnly: true },
  {
    path: '/api/v1/authenticators/{authenticatorId}/methods',
    scope: 'okta.authenticators.read',
    paging: none,
    identityEngineOnly: true,
  },
  { path: '/api/v1/zones', scope: 'okta.networkZones.read', paging: link(undefined, undefined), query: ['filter'] },
  { path: '/api/v1/zones/{zoneId}', scope: 'okta.networkZones.read', paging: object },
  { path: '/api/v1/trustedOrigins', scope: 'okta.trustedOrigins.read', paging: link(20, 200), query: ['filter', 'q'] },
  { path: '/api/v1/domains', scope: 'okta.domains.read', paging: { kind: 'wrapped', listKey: 'domains' } },
  { path: '/api/v1/idps', scope: 'okta.idps.read', paging: link(20, 200), query: ['q', 'type'] },
  { path: '/api/v1/idps/{idpId}/credentials/keys', scope: 'okta.idps.read', paging: none },

  // Authorization servers (API Access Management)
  ...[
    ['/api/v1/authorizationServers', link(200, 200)],
    ['/api/v1/authorizationServers/{authServerId}/policies', none],
    ['/api/v1/authorizationServers/{authServerId}/policies/{policyId}/rules', none],
    ['/api/v1/authorizationServers/{authServerId}/scopes', link(undefined, 200)],
    ['/api/v1/authorizationServers/{authServerId}/claims', none],
    ['/api/v1/authorizationServers/{authServerId}/credentials/keys', none],
  ].map(
    ([path, paging]): Endpoint => ({
      path: path as string,
      scope: 'okta.authorizationServers.read',
      paging: paging as Paging,
      feature: 'API_ACCESS_MANAGEMENT',
    }),
  ),

  // Tokens, hooks, streams, detection, roles
  { path: '/api/v1/api-tokens', scope: 'okta.apiTokens.read', paging: none, adminRoles: ['SUPER_ADMIN'] },
  { path: '/api/v1/logStreams', scope: 'okta.logStreams.read', paging: link(20, 200), feature: 'LOG_STREAMING' },
  { path: '/api/v1/eventHooks', scope: 'okta.eventHooks.read', paging: none },
  { path: '/api/v1/behaviors', scope: 'okta.behaviors.read', paging: none },
  { path: '/api/v1/iam/roles', scope: 'okta.roles.read', paging: { kind: 'body', listKey: 'roles', pageSize: 20 } },
  { path: '/api/v1/iam/roles/{roleIdOrLabel}/permissions', scope: 'okta.roles.read', paging: { kind: 'wrapped', listKey: 'permissions' } },
  {
    path: '/api/v1/iam/resource-sets',
    scope: 'okta.roles.read',
    paging: { kind: 'body', listKey: 'resource-sets', pageSize: 20 },
  },
  {
    path: '/api/v1/device-assurances',
    scope: 'okta.deviceAssurance.read',
    paging: none,
    identityEngineOnly: true,
    feature: 'DEVICE_ASSURANCE',
  },

  // Branding
  { path: '/api/v1/brands', scope: 'okta.brands.read', paging: link(20, 200) },
  { path: '/api/v1/brands/{brandId}/pages/sign-in/customized', scope: 'okta.brands.read', paging: object },
  { path: '/api/v1/brands/{brandId}/pages/sign-in/default', scope: 'okta.brands.read', paging: object },
];

/** Policy types Okta accepts on `GET /api/v1/policies?type=`, and on which engine. */
export const POLICY_TYPES: Readonly<Record<string, { identityEngineOnly: boolean; undocumented?: string }>> = {
  OKTA_SIGN_ON: { identityEngineOnly: false },
  PASSWORD: { identityEngineOnly: false },
  MFA_ENROLL: { identityEngineOnly: false },
  IDP_DISCOVERY: { identityEngineOnly: false },
  ACCESS_POLICY: { identityEngineOnly: true },
  PROFILE_ENROLLMENT: { identityEngineOnly: true },
  POST_AUTH_SESSION: { identityEngineOnly: true },
  ENTITY_RISK: { identityEngineOnly: true },
  DEVICE_SIGNAL_COLLECTION: { identityEngineOnly: true },
  SESSION_VIOLATION_DETECTION: { identityEngineOnly: true },
  CLIENT_UPDATE: { identityEngineOnly: true },
  IDENTITY_CLAIM_SOURCING: { identityEngineOnly: true },
  USER_LIFECYCLE: {
    identityEngineOnly: false,
    undocumented: 'Workflow › Automations are stored as USER_LIFECYCLE policies; the spec omits the type',
  },
};

/** Read scopes are implied by their `manage` counterparts. */
export function scopeSatisfies(granted: readonly string[], required: string): boolean {
  return granted.includes(required) || granted.includes(required.replace(/\.read$/, '.manage'));
}

interface CompiledEndpoint {
  endpoint: Endpoint;
  segments: string[];
  staticCount: number;
}

const COMPILED: CompiledEndpoint[] = ENDPOINTS.map((endpoint) => {
  const segments = endpoint.path.split('/').filter(Boolean);
  return { endpoint, segments, staticCount: segments.filter((s) => !s.startsWith('{')).length };
}).sort((a, b) => b.staticCount - a.staticCount);

/** The catalogued endpoint a URL path belongs to, with its path parameters. Static segments win. */
export function matchEndpoint(pathname: string): { endpoint: Endpoint; params: Record<string, string> } | undefined {
  let segments: string[];
  try {
    segments = pathname.split('/').filter(Boolean).map(decodeURIComponent);
  } catch {
    return undefined;
  }
  for (const c of COMPILED) {
    if (c.segments.length !== segments.length) continue;
    const params: Record<string, string> = {};
    const ok = c.segments.every((s, i) => {
      if (s.startsWith('{')) {
        params[s.slice(1, -1)] = segments[i]!;
        return true;
      }
      return s === segments[i];
    });
    if (ok) return { endpoint: c.endpoint, params };
  }
  return undefined;
}
