// Who is calling and may they read this endpoint: SSWS API tokens act as the admin who created
// them; OAuth access tokens (Bearer or DPoP-bound) act as the service app, limited to their
// scopes. Failures are answered exactly as Okta answers them.
import { scopeSatisfies, type Endpoint } from '../okta/endpoints.js';
import type { DpopVerifier } from './dpopProof.js';
import { insufficientScope, oktaError, wwwAuthenticate, type SimResponse } from './errors.js';
import type { OAuthServer } from './oauthServer.js';
import type { OrgStore } from './store.js';

export type Principal =
  | { kind: 'ssws'; key: string; userId: string; roles: Set<string> }
  | { kind: 'oauth'; key: string; clientId: string; scopes: string[]; roles: Set<string>; scheme: 'Bearer' | 'DPoP' };

export interface AuthRequest {
  method: string;
  url: URL;
  authorization: string | undefined;
  dpop: string | string[] | undefined;
}

export function authenticate(
  req: AuthRequest,
  store: OrgStore,
  oauth: OAuthServer,
  dpop: DpopVerifier,
  now: number,
): Principal | SimResponse {
  const header = req.authorization?.trim();
  if (!header) return oktaError('E0000005');
  const space = header.indexOf(' ');
  const scheme = space > 0 ? header.slice(0, space) : header;
  const credential = space > 0 ? header.slice(space + 1).trim() : '';
  if (!credential) return oktaError('E0000005');

  if (scheme === 'SSWS') {
    const index = store.fixture.credentials.apiTokens.findIndex((t) => t.value === credential);
    const token = store.fixture.credentials.apiTokens[index];
    if (!token) return oktaError('E0000011');
    // Each token has its own rate-limit share; the key names the token by position, never by value.
    return { kind: 'ssws', key: `ssws:${index}:${token.userId}`, userId: token.userId, roles: store.roleTypesOfUser(token.userId) };
  }

  if (scheme === 'Bearer' || scheme === 'DPoP') {
    const invalid = (description: string): SimResponse => ({
      ...oktaError('E0000011'),
      headers: { 'www-authenticate': wwwAuthenticate(store.origin, scheme, { error: 'invalid_token', error_description: description }) },
    });
    const token = oauth.tokens.get(credential);
    if (!token) return invalid('The token is not valid.');
    if (token.expiresAt <= now) return invalid('The token has expired.');
    if (scheme === 'Bearer' && token.jkt) return invalid('The access token is DPoP-bound; send it with the DPoP scheme and a proof.');
    if (scheme === 'DPoP') {
      if (!token.jkt) return invalid('The access token is not DPoP-bound.');
      const result = dpop.verify(req.dpop, { method: req.method, url: req.url.toString(), accessToken: credential });
      const failure = !result.ok ? result.description : result.proof.jkt !== token.jkt ? 'The DPoP proof key does not match the access token.' : undefined;
      if (failure) {
        return {
          status: 400,
          headers: {
            'www-authenticate': wwwAuthenticate(store.origin, 'DPoP', {
              error: 'invalid_dpop_proof',
              error_description: failure,
              resource: req.url.pathname,
            }),
          },
        };
      }
    }
    const roles = new Set((store.fixture.clientRoles[token.clientId] ?? []).filter((r) => r.status !== 'INACTIVE').map((r) => String(r.type)));
    return { kind: 'oauth', key: `oauth:${token.clientId}`, clientId: token.clientId, scopes: token.scopes, roles, scheme };
  }

  return oktaError('E0000005');
}

/** May this principal read this endpoint in this org? Undefined when it may. */
export function authorize(principal: Principal, endpoint: Endpoint, store: OrgStore, path: string): SimResponse | undefined {
  if (principal.kind === 'oauth') {
    // Okta's internal APIs refuse OAuth access tokens as if they were not tokens at all.
    if (endpoint.sswsOnly) return oktaError('E0000011');
    if (endpoint.scope && !scopeSatisfies(principal.scopes, endpoint.scope)) {
      return insufficientScope(store.origin, principal.scheme, endpoint.scope, path);
    }
  }
  if (endpoint.identityEngineOnly && store.fixture.pipeline !== 'idx') return oktaError('E0000015');
  if (endpoint.feature && !store.fixture.features.includes(endpoint.feature)) return oktaError('E0000015');
  if (principal.roles.size === 0) return oktaError('E0000006');
  if (endpoint.adminRoles && !endpoint.adminRoles.some((r) => principal.roles.has(r))) return oktaError('E0000006');
  return undefined;
}
