// Access tokens for an OAuth 2.0 service app: client credentials with a signed private-key JWT
// assertion, DPoP-bound when the app requires it (with Okta's use_dpop_nonce round trip), cached
// until shortly before they expire, and renewed on demand after a 401.
import { generateKeyPairSync, randomUUID, type KeyObject } from 'node:crypto';
import { publicJwk } from '../jose/jwk.js';
import { sha256base64url, signJws } from '../jose/jws.js';
import type { ServiceAppCredentials } from './credentials.js';
import { OktaAuthError } from './errors.js';
import type { RawResponse, SendOptions } from './transport.js';

export interface AccessToken {
  value: string;
  scheme: 'Bearer' | 'DPoP';
  expiresAt: number;
}

export type Send = (opts: SendOptions) => Promise<RawResponse>;

const ASSERTION_TYPE = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';

export class AccessTokenSource {
  private current?: AccessToken;
  private pending?: Promise<AccessToken>;
  private dpopRequired = false;
  /** A refusal that no retry will change (a wrong key, ungranted scopes): repeated, not re-asked. */
  private refused?: OktaAuthError;
  private nonce?: string;
  /** The DPoP key lives as long as this source; Okta binds tokens to its thumbprint. */
  private readonly dpopKey: KeyObject = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey;
  issued = 0;

  constructor(
    private readonly origin: string,
    private readonly app: ServiceAppCredentials,
    private readonly send: Send,
    /** Told every access token issued, so it can be kept out of any text shown. */
    private readonly onIssued: (value: string) => void = () => {},
    private readonly now: () => number = Date.now,
  ) {}

  /** A valid token, fetching one if there is none or it is about to expire. */
  async get(): Promise<AccessToken> {
    if (this.refused) throw this.refused;
    if (this.current && this.now() < this.current.expiresAt) return this.current;
    this.pending ??= this.fetch().finally(() => {
      this.pending = undefined;
    });
    return this.pending;
  }

  /** Drops `token` after Okta refused it, so the next get() fetches a new one. */
  invalidate(token: AccessToken): void {
    if (this.current?.value === token.value) this.current = undefined;
  }

  /** The DPoP proof for a resource request made with `token`. */
  proof(token: AccessToken, method: string, url: URL): string | undefined {
    if (token.scheme !== 'DPoP') return undefined;
    return this.dpopProof(method, url, token.value);
  }

  private dpopProof(method: string, url: URL, accessToken?: string): string {
    return signJws(
      { typ: 'dpop+jwt', jwk: publicJwk(this.dpopKey) },
      {
        htm: method,
        htu: `${url.origin}${url.pathname}`,
        iat: Math.floor(this.now() / 1000),
        jti: randomUUID(),
        ...(this.nonce && !accessToken ? { nonce: this.nonce } : {}),
        ...(accessToken ? { ath: sha256base64url(accessToken) } : {}),
      },
      this.dpopKey,
    );
  }

  private assertion(audience: string): string {
    const now = Math.floor(this.now() / 1000);
    return signJws(
      { typ: 'JWT', ...(this.app.keyId ? { kid: this.app.keyId } : {}) },
      { iss: this.app.clientId, sub: this.app.clientId, aud: audience, iat: now, exp: now + 300, jti: randomUUID() },
      this.app.privateKey,
    );
  }

  private async fetch(): Promise<AccessToken> {
    const url = new URL('/oauth2/v1/token', this.origin);
    // At most: plain, then with a DPoP proof, then with Okta's nonce.
    for (let round = 0; round < 3; round++) {
      const body = new URLSearchParams({
        grant_type: 'client_credentials',
        scope: this.app.scopes.join(' '),
        client_assertion_type: ASSERTION_TYPE,
        client_assertion: this.assertion(url.toString()),
      }).toString();
      const headers: Record<string, string> = { 'content-type': 'application/x-www-form-urlencoded' };
      if (this.dpopRequired) headers.dpop = this.dpopProof('POST', url);
      const res = await this.send({ method: 'POST', url, headers, body });
      const json = parseJson(res.body);
      const error = typeof json?.error === 'string' ? json.error : undefined;
      if (res.status === 200 && typeof json?.access_token === 'string') {
        const expiresIn = Number(json.expires_in) || 3600;
        // Renew a minute early (or at half-life for short tokens) so no request races the expiry.
        const margin = Math.min(60, expiresIn / 2);
        this.current = {
          value: json.access_token,
          scheme: json.token_type === 'DPoP' ? 'DPoP' : 'Bearer',
          expiresAt: this.now() + (expiresIn - margin) * 1000,
        };
        this.issued++;
        this.onIssued(json.access_token);
        return this.current;
      }
      if (res.status === 400 && error === 'invalid_dpop_proof' && !this.dpopRequired) {
        this.dpopRequired = true;
        continue;
      }
      if (res.status === 400 && error === 'use_dpop_nonce') {
        const nonce = res.headers['dpop-nonce'];
        if (typeof nonce === 'string' && nonce !== this.nonce) {
          this.dpopRequired = true;
          this.nonce = nonce;
          continue;
        }
      }
      this.refused = tokenError(res, json);
      throw this.refused;
    }
    throw new OktaAuthError('Okta kept asking for another DPoP proof; the token request was given up', {
      request: 'POST /oauth2/v1/token',
    });
  }
}

function parseJson(text: string): Record<string, unknown> | undefined {
  try {
    const v = JSON.parse(text) as unknown;
    return typeof v === 'object' && v !== null ? (v as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

const HINTS: Record<string, string> = {
  invalid_client: 'check the client id, that the app uses private_key_jwt, and that its registered public key (and key id) match the private key',
  consent_required: 'grant the requested okta.* scopes to the app (Okta API Scopes tab) or request only granted ones',
  invalid_scope: 'request okta.* read scopes the app has been granted',
  invalid_dpop_proof: 'the DPoP proof was refused',
  unauthorized_client: 'allow the client credentials grant for the app',
};

function tokenError(res: RawResponse, json: Record<string, unknown> | undefined): OktaAuthError {
  const error = typeof json?.error === 'string' ? json.error : undefined;
  const description = typeof json?.error_description === 'string' ? json.error_description : undefined;
  const what = error ? `${error}${description ? `: ${description}` : ''}` : `HTTP ${res.status}`;
  const hint = error && HINTS[error] ? ` (${HINTS[error]})` : '';
  return new OktaAuthError(`Okta refused the service app's token request: ${what}${hint}`, {
    request: 'POST /oauth2/v1/token',
    status: res.status,
    errorCode: error,
    requestId: typeof res.headers['x-okta-request-id'] === 'string' ? res.headers['x-okta-request-id'] : undefined,
  });
}
