// Matches request paths to the endpoint catalogue and its handlers. Every catalogued endpoint
// must have a handler and every handler an endpoint; the router refuses to build otherwise.
import { ENDPOINTS, type Endpoint } from '../okta/endpoints.js';
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

interface CompiledRoute {
  endpoint: Endpoint;
  handler: Handler;
  segments: string[];
  staticCount: number;
}

function compile(): CompiledRoute[] {
  const missing = ENDPOINTS.filter((e) => !HANDLERS[e.path]).map((e) => e.path);
  const orphans = Object.keys(HANDLERS).filter((p) => !ENDPOINTS.some((e) => e.path === p));
  if (missing.length || orphans.length) {
    throw new Error(`simulator routes out of step: no handler for [${missing.join(', ')}]; no endpoint for [${orphans.join(', ')}]`);
  }
  return ENDPOINTS.map((endpoint) => {
    const segments = endpoint.path.split('/').filter(Boolean);
    return {
      endpoint,
      handler: HANDLERS[endpoint.path]!,
      segments,
      staticCount: segments.filter((s) => !s.startsWith('{')).length,
    };
  }).sort((a, b) => b.staticCount - a.staticCount);
}

const ROUTES = compile();

/** The route for a GET path, or undefined. Static segments win over parameters. */
export function matchRoute(pathname: string): Route | undefined {
  let segments: string[];
  try {
    segments = pathname.split('/').filter(Boolean).map(decodeURIComponent);
  } catch {
    return undefined;
  }
  for (const route of ROUTES) {
    if (route.segments.length !== segments.length) continue;
    const params: Record<string, string> = {};
    const ok = route.segments.every((s, i) => {
      if (s.startsWith('{')) {
        params[s.slice(1, -1)] = segments[i]!;
        return true;
      }
      return s === segments[i];
    });
    if (ok) return { endpoint: route.endpoint, handler: route.handler, params };
  }
  return undefined;
}
