// Typed failures of the Okta client. Messages name the endpoint, the HTTP status and Okta's
// request id, and are scrubbed of credentials before an error is constructed.

export interface RequestErrorDetails {
  /** Method and path template or URL path, e.g. `GET /api/v1/users`. */
  request: string;
  status?: number;
  /** Okta's `X-Okta-Request-Id`, for support cases. */
  requestId?: string;
  /** Okta's `errorCode` (`E0000047`, …) or the OAuth `error`. */
  errorCode?: string;
  attempts?: number;
}

export class OktaRequestError extends Error {
  override name = 'OktaRequestError';
  constructor(
    message: string,
    readonly details: RequestErrorDetails,
  ) {
    super(message);
  }
}

/** The credentials were refused: nothing can be scanned with them. */
export class OktaAuthError extends OktaRequestError {
  override name = 'OktaAuthError';
}

/** The org answered something the client cannot trust (a foreign next link, a repeating cursor). */
export class OktaProtocolError extends OktaRequestError {
  override name = 'OktaProtocolError';
}

export function describeStatus(d: RequestErrorDetails): string {
  const parts = [d.status !== undefined ? `HTTP ${d.status}` : undefined, d.errorCode, d.requestId ? `request id ${d.requestId}` : undefined];
  return parts.filter(Boolean).join(', ');
}
