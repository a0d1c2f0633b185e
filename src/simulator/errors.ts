// Okta's error responses: the JSON error object and the headers that go with auth failures.
import { randomBytes } from 'node:crypto';

export interface SimResponse {
  status: number;
  body?: unknown;
  headers?: Record<string, string | string[]>;
}

const SUMMARIES: Record<string, [number, string]> = {
  E0000001: [400, 'Api validation failed: {0}'],
  E0000005: [403, 'Invalid session'],
  E0000006: [403, 'You do not have permission to perform the requested action'],
  E0000007: [404, 'Not found: {0}'],
  E0000009: [500, 'Internal Server Error'],
  E0000010: [503, 'Service is in read only mode'],
  E0000011: [401, 'Invalid token provided'],
  E0000015: [401, 'You do not have permission to access the feature you are requesting'],
  E0000022: [405, 'The endpoint does not support the provided HTTP method'],
  E0000031: [400, 'Invalid search criteria.'],
  E0000047: [429, 'API call exceeded rate limit due to too many requests.'],
};

export const errorId = (): string => `oae${randomBytes(16).toString('base64url').slice(0, 22)}`;

export function oktaError(code: keyof typeof SUMMARIES | string, detail = '', causes: string[] = []): SimResponse {
  const [status, summary] = SUMMARIES[code] ?? [500, 'Internal Server Error'];
  return {
    status,
    body: {
      errorCode: code,
      errorSummary: summary.replace('{0}', detail),
      errorLink: code,
      errorId: errorId(),
      errorCauses: causes.map((errorSummary) => ({ errorSummary })),
    },
  };
}

export const notFound = (id: string, type: string): SimResponse =>
  oktaError('E0000007', `Resource not found: ${id} (${type})`);

/** A missing OAuth scope: 403 with an empty body; the reason is in `WWW-Authenticate`. */
export function insufficientScope(origin: string, scheme: 'Bearer' | 'DPoP', scope: string, path: string): SimResponse {
  return {
    status: 403,
    headers: {
      'www-authenticate': wwwAuthenticate(origin, scheme, {
        scope,
        error: 'insufficient_scope',
        error_description: 'The access token provided does not contain the required scopes.',
        resource: path,
      }),
    },
  };
}

export function wwwAuthenticate(origin: string, scheme: 'Bearer' | 'DPoP', params: Record<string, string>): string {
  const parts = [
    ...(scheme === 'DPoP' ? ['algs="RS256 RS384 RS512 ES256 ES384 ES512"'] : []),
    `authorization_uri="${origin}/oauth2/v1/authorize"`,
    `realm="${origin}"`,
    ...Object.entries(params).map(([k, v]) => `${k}="${v}"`),
  ];
  return `${scheme} ${parts.join(', ')}`;
}

/** OAuth token-endpoint errors use the RFC 6749 body. */
export function oauthError(status: number, error: string, description: string, headers?: Record<string, string>): SimResponse {
  return { status, body: { error, error_description: description }, headers };
}
