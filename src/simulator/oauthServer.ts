// The org authorization server's token endpoint for service apps: client credentials with a
// `private_key_jwt` client assertion checked against the app's registered keys, scopes limited
// to what was granted, and DPoP binding (with the `use_dpop_nonce` round trip) when the app asks.
import { randomBytes } from 'node:crypto';
import { importPublicJwk, type Jwk } from '../jose/jwk.js';
import { decodeJws, verifyJws } from '../jose/jws.js';
import type { DpopVerifier } from './dpopProof.js';
import { oauthError, type SimResponse } from './errors.js';
import type { OktaObject } from './fixture/format.js';
import type { OrgStore } from './store.js';

export interface AccessToken {
  clientId: string;
  scopes: string[];
  expiresAt: number;
  /** Thumbprint of the DPoP key the token is bound to. */
  jkt?: string;
}

const ASSERTION_TYPE = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';

const get = (o: unknown, ...path: string[]): unknown =>
  path.reduce<unknown>((v, k) => (typeof v === 'object' && v !== null ? (v as Record<string, unknown>)[k] : undefined), o);

export class OAuthServer {
  readonly tokens = new Map<string, AccessToken>();
  private readonly usedAssertions = new Set<string>();
  readonly dpopNonce = randomBytes(24).toString('base64url');
  issued = 0;

  constructor(
    private readonly store: OrgStore,
    private readonly dpop: DpopVerifier,
    private readonly options: { tokenTtlSeconds: number; now: () => number },
  ) {}

  token(form: URLSearchParams, dpopHeader: string | string[] | undefined): SimResponse {
    if (form.get('grant_type') !== 'client_credentials') {
      return oauthError(400, 'unsupported_grant_type', 'The authorization grant type is not supported by the authorization server.');
    }
    if (form.get('client_assertion_type') !== ASSERTION_TYPE || !form.get('client_assertion')) {
      return oauthError(401, 'invalid_client', 'Client Credentials requests to the Org Authorization Server must use the private_key_jwt token_endpoint_auth_method');
    }
    const client = this.authenticateClient(form.get('client_assertion')!);
    if ('status' in client) return client;

    const requested = (form.get('scope') ?? '').split(/\s+/).filter(Boolean);
    if (requested.length === 0) return oauthError(400, 'invalid_scope', 'The authorization server requires a scope.');
    const granted = (this.store.fixture.appGrants[String(client.app.id)] ?? [])
      .filter((g) => g.status !== 'REVOKED')
      .map((g) => String(g.scopeId));
    const scopes = requested.filter((s) => granted.includes(s));
    if (scopes.length === 0) return oauthError(400, 'consent_required', 'You are not allowed any of the requested scopes.');

    let jkt: string | undefined;
    const requiresDpop = get(client.app, 'settings', 'oauthClient', 'dpop_bound_access_tokens') === true;
    if (requiresDpop || dpopHeader !== undefined) {
      const url = `${this.store.origin}/oauth2/v1/token`;
      const result = this.dpop.verify(dpopHeader, { method: 'POST', url });
      if (!result.ok) return oauthError(400, 'invalid_dpop_proof', result.description);
      if (result.proof.nonce !== this.dpopNonce) {
        return oauthError(400, 'use_dpop_nonce', 'Authorization server requires nonce in DPoP proof.', { 'dpop-nonce': this.dpopNonce });
      }
      jkt = result.proof.jkt;
    }

    // The assertion is spent only when a token is issued, so a use_dpop_nonce retry may resend it.
    if (client.jti) this.usedAssertions.add(client.jti);
    const accessToken = randomBytes(32).toString('base64url');
    this.tokens.set(accessToken, {
      clientId: client.clientId,
      scopes,
      expiresAt: this.options.now() + this.options.tokenTtlSeconds * 1000,
      jkt,
    });
    this.issued++;
    return {
      status: 200,
      body: {
        token_type: jkt ? 'DPoP' : 'Bearer',
        expires_in: this.options.tokenTtlSeconds,
        access_token: accessToken,
        scope: scopes.join(' '),
      },
    };
  }

  private authenticateClient(assertion: string): { app: OktaObject; clientId: string; jti?: string } | SimResponse {
    const invalid = (why: string) => oauthError(401, 'invalid_client', why);
    let jws;
    try {
      jws = decodeJws(assertion);
    } catch {
      return invalid('The client_assertion is not a well-formed JWT.');
    }
    const { payload: p, header: h } = jws;
    const clientId = typeof p.iss === 'string' ? p.iss : '';
    const app = this.store.appsByClientId.get(clientId);
    if (!app || app.status !== 'ACTIVE') return invalid('The client_id in the client_assertion is not valid.');
    if (p.sub !== clientId) return invalid("The client_assertion 'sub' must equal its 'iss' (the client id).");
    if (get(app, 'credentials', 'oauthClient', 'token_endpoint_auth_method') !== 'private_key_jwt') {
      return invalid('Client Credentials requests to the Org Authorization Server must use the private_key_jwt token_endpoint_auth_method');
    }
    if (p.aud !== `${this.store.origin}/oauth2/v1/token`) return invalid("The audience claim for client_assertion must be the endpoint invoked for the request.");
    const nowSeconds = this.options.now() / 1000;
    if (typeof p.exp !== 'number' || p.exp <= nowSeconds) return invalid('The client_assertion token is expired.');
    if (p.exp > nowSeconds + 3600 + 60) return invalid('The client_assertion token has an expiration too far into the future.');
    if (typeof p.jti === 'string') {
      if (this.usedAssertions.has(p.jti)) return invalid("The client_assertion token's 'jti' has already been used.");
    }
    const keys = (get(app, 'settings', 'oauthClient', 'jwks', 'keys') ?? []) as Jwk[];
    const candidates = typeof h.kid === 'string' ? keys.filter((k) => k.kid === h.kid) : keys;
    const verified = candidates.some((jwk) => {
      try {
        return verifyJws(jws, importPublicJwk(jwk));
      } catch {
        return false;
      }
    });
    if (!verified) return invalid('The client_assertion signature is invalid.');
    return { app, clientId, jti: typeof p.jti === 'string' ? p.jti : undefined };
  }
}
