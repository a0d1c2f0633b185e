// Compact JWS (RFC 7515) signing and verification for the algorithms Okta accepts in client
// assertions and DPoP proofs: RS256/384/512 and ES256/384/512, on node:crypto only.
import { createHash, sign as cryptoSign, verify as cryptoVerify, type KeyObject } from 'node:crypto';

export type JwsAlgorithm = 'RS256' | 'RS384' | 'RS512' | 'ES256' | 'ES384' | 'ES512';

export const JWS_ALGORITHMS: readonly JwsAlgorithm[] = ['RS256', 'RS384', 'RS512', 'ES256', 'ES384', 'ES512'];

const HASH: Record<JwsAlgorithm, string> = {
  RS256: 'sha256',
  RS384: 'sha384',
  RS512: 'sha512',
  ES256: 'sha256',
  ES384: 'sha384',
  ES512: 'sha512',
};

const EC_CURVE: Record<string, JwsAlgorithm> = { 'P-256': 'ES256', 'P-384': 'ES384', 'P-521': 'ES512' };

export const base64url = (data: Buffer | string): string => Buffer.from(data).toString('base64url');

export const sha256base64url = (data: string): string => createHash('sha256').update(data).digest('base64url');

/** The algorithm a key signs with: RS256 for RSA, the curve's ES algorithm for EC. */
export function algorithmFor(key: KeyObject): JwsAlgorithm {
  if (key.asymmetricKeyType === 'rsa') return 'RS256';
  if (key.asymmetricKeyType === 'ec') {
    const curve = key.export({ format: 'jwk' }).crv;
    const alg = curve ? EC_CURVE[curve] : undefined;
    if (alg) return alg;
    throw new Error(`EC curve ${curve ?? '(unknown)'} is not supported; use P-256, P-384 or P-521`);
  }
  throw new Error(`${key.asymmetricKeyType ?? 'this'} keys are not supported; use an RSA or EC key`);
}

export function signJws(
  header: Record<string, unknown>,
  payload: Record<string, unknown>,
  privateKey: KeyObject,
): string {
  const alg = (header.alg as JwsAlgorithm | undefined) ?? algorithmFor(privateKey);
  const input = `${base64url(JSON.stringify({ ...header, alg }))}.${base64url(JSON.stringify(payload))}`;
  const signature = cryptoSign(HASH[alg], Buffer.from(input), {
    key: privateKey,
    dsaEncoding: alg.startsWith('ES') ? 'ieee-p1363' : undefined,
  });
  return `${input}.${base64url(signature)}`;
}

export interface DecodedJws {
  readonly header: Record<string, unknown>;
  readonly payload: Record<string, unknown>;
  readonly signingInput: string;
  readonly signature: Buffer;
}

/** Splits and parses a compact JWS without checking its signature. Throws on malformed input. */
export function decodeJws(token: string): DecodedJws {
  const parts = token.split('.');
  if (parts.length !== 3) throw new Error('not a compact JWS (expected three dot-separated parts)');
  const [h, p, s] = parts as [string, string, string];
  const parse = (part: string, what: string): Record<string, unknown> => {
    let value: unknown;
    try {
      value = JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
    } catch {
      throw new Error(`the JWS ${what} is not base64url-encoded JSON`);
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      throw new Error(`the JWS ${what} is not a JSON object`);
    }
    return value as Record<string, unknown>;
  };
  return { header: parse(h, 'header'), payload: parse(p, 'payload'), signingInput: `${h}.${p}`, signature: Buffer.from(s, 'base64url') };
}

/** True when `jws` carries a valid signature by `publicKey` with an allowed algorithm. */
export function verifyJws(jws: DecodedJws, publicKey: KeyObject): boolean {
  const alg = jws.header.alg;
  if (typeof alg !== 'string' || !(JWS_ALGORITHMS as readonly string[]).includes(alg)) return false;
  const expectedType = alg.startsWith('RS') ? 'rsa' : 'ec';
  if (publicKey.asymmetricKeyType !== expectedType) return false;
  try {
    return cryptoVerify(HASH[alg as JwsAlgorithm], Buffer.from(jws.signingInput), {
      key: publicKey,
      dsaEncoding: expectedType === 'ec' ? 'ieee-p1363' : undefined,
    }, jws.signature);
  } catch {
    return false;
  }
}
