// Client-side OAuth pieces for simulator tests: a private-key-JWT client assertion, a DPoP proof,
// and the token request itself, built directly on the JOSE helpers.
import { createPrivateKey, randomUUID, type KeyObject } from 'node:crypto';
import { request } from 'undici';
import { publicJwk } from '../../src/jose/jwk.js';
import { sha256base64url, signJws } from '../../src/jose/jws.js';

export function clientAssertion(key: KeyObject | string, clientId: string, audience: string, opts: { kid?: string; expiresIn?: number; jti?: string } = {}): string {
  const k = typeof key === 'string' ? createPrivateKey(key) : key;
  const now = Math.floor(Date.now() / 1000);
  return signJws(
    { typ: 'JWT', ...(opts.kid ? { kid: opts.kid } : {}) },
    { iss: clientId, sub: clientId, aud: audience, iat: now, exp: now + (opts.expiresIn ?? 300), jti: opts.jti ?? randomUUID() },
    k,
  );
}

export function dpopProof(key: KeyObject, method: string, url: string, opts: { nonce?: string; accessToken?: string; iat?: number } = {}): string {
  const u = new URL(url);
  return signJws(
    { typ: 'dpop+jwt', jwk: publicJwk(key) },
    {
      htm: method,
      htu: `${u.origin}${u.pathname}`,
      iat: opts.iat ?? Math.floor(Date.now() / 1000),
      jti: randomUUID(),
      ...(opts.nonce ? { nonce: opts.nonce } : {}),
      ...(opts.accessToken ? { ath: sha256base64url(opts.accessToken) } : {}),
    },
    key,
  );
}

export async function tokenRequest(
  origin: string,
  form: Record<string, string>,
  dpop?: string,
): Promise<{ status: number; json: any; headers: Record<string, string | string[] | undefined> }> {
  const res = await request(`${origin}/oauth2/v1/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json', ...(dpop ? { dpop } : {}) },
    body: new URLSearchParams(form).toString(),
  });
  return { status: res.statusCode, json: await res.body.json(), headers: res.headers as any };
}
