// What an Okta error answer means for the scan: the org lacks the feature (unavailable), these
// credentials may not read it (forbidden, saying what would allow it), or it failed.
import { ADMIN_ROLE_NAMES, type Endpoint } from './endpoints.js';
import { describeStatus, OktaAuthError, OktaRequestError } from './errors.js';
import type { Outcome } from './outcome.js';
import type { RawResponse } from './transport.js';

export interface OktaErrorBody {
  errorCode?: string;
  errorSummary?: string;
  errorCauses?: Array<{ errorSummary?: string }>;
}


export function parseErrorBody(text: string): OktaErrorBody {
  try {
    const v = JSON.parse(text) as unknown;
    return typeof v === 'object' && v !== null ? (v as OktaErrorBody) : {};
  } catch {
    return {};
  }
}

const header = (res: RawResponse, name: string): string | undefined => {
  const v = res.headers[name];
  return Array.isArray(v) ? v.join(', ') : v;
};

/** Maps a non-2xx, non-retryable answer to an outcome. `oauth` says which credential was used. */
export function errorOutcome(endpoint: Endpoint, request: string, res: RawResponse, oauth: boolean): Outcome<never> {
  const body = parseErrorBody(res.body);
  const code = body.errorCode;
  const details = { request, status: res.status, errorCode: code, requestId: header(res, 'x-okta-request-id') };
  const summary = body.errorSummary ? `: ${body.errorSummary}` : '';
  const causes = (body.errorCauses ?? []).map((c) => c.errorSummary).filter(Boolean).join('; ');

  if (res.status === 404 || res.status === 410) {
    return { kind: 'unavailable', reason: `${request}: the org does not have this (${describeStatus(details)})` };
  }
  if (res.status === 401 && code === 'E0000015') {
    const what = endpoint.identityEngineOnly ? 'this API exists only on Identity Engine orgs, or the org lacks the feature' : 'the org does not have this feature or product';
    return { kind: 'unavailable', reason: `${request}: ${what} (${describeStatus(details)})` };
  }
  if (res.status === 400 && endpoint.path === '/api/v1/policies' && /invalid policy type/i.test(causes)) {
    return { kind: 'unavailable', reason: `${request}: this org's engine has no such policy type; Classic Engine orgs lack the Identity Engine ones (${describeStatus(details)})` };
  }
  if (res.status === 403) {
    const challenge = header(res, 'www-authenticate') ?? '';
    if (/insufficient_scope/.test(challenge)) {
      const scope = /scope="([^"]+)"/.exec(challenge)?.[1] ?? endpoint.scope ?? 'the right okta.* scope';
      return {
        kind: 'forbidden',
        reason: `${request}: the service app's token lacks the scope ${scope}`,
        needs: `the OAuth scope ${scope}, granted to the service app and listed in its scopes`,
      };
    }
    if (code === 'E0000006') {
      const roles = endpoint.adminRoles?.map((r) => ADMIN_ROLE_NAMES[r] ?? r);
      return {
        kind: 'forbidden',
        reason: `${request}: the credentials' admin role may not read this (${describeStatus(details)})`,
        needs: roles ? `the ${roles.join(' or ')} role` : 'an admin role that can read it (Read-Only Administrator reads most settings)',
      };
    }
    if (code === 'E0000005') {
      return { kind: 'failed', error: new OktaAuthError(`Okta did not accept the Authorization header${summary} (${describeStatus(details)})`, details) };
    }
  }
  if (res.status === 401) {
    const message = oauth
      ? `Okta refused the service app's access token${summary} (${describeStatus(details)})`
      : `Okta refused the API token${summary}: it may be revoked, expired (tokens expire after 30 days unused), or from another org (${describeStatus(details)})`;
    return { kind: 'failed', error: new OktaAuthError(message, details) };
  }
  if (res.status >= 300 && res.status < 400) {
    return { kind: 'failed', error: new OktaRequestError(`${request} answered with a redirect, which is never followed (${describeStatus(details)})`, details) };
  }
  return {
    kind: 'failed',
    error: new OktaRequestError(`${request} failed${summary}${causes ? ` (${causes})` : ''} (${describeStatus(details)})`, details),
  };
}
