// JSON Web Keys: turning PEM or JWK text into key objects, public JWKs, and RFC 7638 thumbprints.
import { createHash, createPrivateKey, createPublicKey, type JsonWebKey, type KeyObject } from 'node:crypto';

export type Jwk = JsonWebKey & { kid?: string; alg?: string; use?: string };

/** A private key from PEM (PKCS#8 or PKCS#1/SEC1) or JWK JSON text. The error never echoes the key. */
export function parsePrivateKey(text: string): KeyObject {
  const trimmed = text.trim();
  try {
    if (trimmed.startsWith('{')) {
      const jwk = JSON.parse(trimmed) as Jwk;
      if (!jwk.d) throw new Error('missing d');
      return createPrivateKey({ key: jwk, format: 'jwk' });
    }
    return createPrivateKey({ key: trimmed, format: 'pem' });
  } catch {
    throw new Error(
      'the private key is not a PEM private key (-----BEGIN PRIVATE KEY-----) or a private JWK (JSON with "d")',
    );
  }
}

export function publicJwk(key: KeyObject): Jwk {
  const pub = key.type === 'private' ? createPublicKey(key) : key;
  const jwk = pub.export({ format: 'jwk' }) as Jwk;
  return jwk.kty === 'RSA' ? { kty: 'RSA', e: jwk.e, n: jwk.n } : { kty: jwk.kty, crv: jwk.crv, x: jwk.x, y: jwk.y };
}

export function importPublicJwk(jwk: Jwk): KeyObject {
  return createPublicKey({ key: jwk, format: 'jwk' });
}

/** RFC 7638 SHA-256 thumbprint, base64url. */
export function jwkThumbprint(jwk: Jwk): string {
  const members =
    jwk.kty === 'RSA' ? { e: jwk.e, kty: jwk.kty, n: jwk.n } : { crv: jwk.crv, kty: jwk.kty, x: jwk.x, y: jwk.y };
  return createHash('sha256').update(JSON.stringify(members)).digest('base64url');
}
