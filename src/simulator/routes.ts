// Matches request paths to the endpoint catalogue and its handlers. Every catalogued endpoint
// must have a handler and every handler an endpoint; the router refuses to build otherwise.
import { ENDPOINTS, matchEndpoint, type Endpoint } from '../okta/endpoints.js';
import { appHandlers } from './handlers/apps.js';
import { authorizationServerHandlers } from './handlers/authorizationServers.js';
import { directoryHandlers } from './handlers/directory.js';
import { orgHandlers } from './handlers/org.js';
import { policyHandlers } from './handlers/policies.js';
import { securityHandlers } from './handlers/security.js';
import type { Handler } from './handlers/types.js';

export const HANDLERS: Readonly<Record<string, Handler>> = {
  ...orgHandlers,
  ...directoryHandlers,
  ...appHandlers,
  ...policyHandlers,
  ...securityHandlers,
  ...authorizationServerHandlers,
};

export function handlerFor(endpointPath: string): Handler {
  const handler = HANDLERS[endpointPath];
  if (!handler) throw new Error(`no simulator handler for ${endpointPath}`);
  return handler;
}

export interface Route {
  readonly endpoint: Endpoint;
  readonly handler: Handler;
  readonly params: Record<string, string>;
}

function checkHandlers(): void {
  const missing = ENDPOINTS.filter((e) => !HANDLERS[e.path]).map((e) => e.path);
  const orphans = Object.keys(HANDLERS).filter((p) => !ENDPOINTS.some((e) => e.path === p));
  if (missing.length || orphans.length) {
    throw new Error(`simulator routes out of step: no handler for [${missing.join(', ')}]; no endpoint for [${orphans.join(', ')}]`);
  }
}
checkHandlers();

/** The route for a GET path, or undefined. */
export function matchRoute(pathname: string): Route | undefined {
  const match = matchEndpoint(pathname);
  return match && { ...match, handler: HANDLERS[match.endpoint.path]! };
}
