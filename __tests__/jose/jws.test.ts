import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { importPublicJwk, jwkThumbprint, parsePrivateKey, publicJwk } from '../../src/jose/jwk.js';
import { algorithmFor, decodeJws, signJws, verifyJws } from '../../src/jose/jws.js';

const keys = {
  RS256: generateKeyPairSync('rsa', { modulusLength: 2048 }),
  ES256: generateKeyPairSync('ec', { namedCurve: 'P-256' }),
  ES384: generateKeyPairSync('ec', { namedCurve: 'P-384' }),
  ES512: generateKeyPairSync('ec', { namedCurve: 'P-521' }),
};

describe('JWS', () => {
  it.each(Object.entries(keys))('signs and verifies with %s', (alg, { privateKey, publicKey }) => {
    expect(algorithmFor(privateKey)).toBe(alg);
    const token = signJws({ typ: 'JWT' }, { sub: 'x' }, privateKey);
    const decoded = decodeJws(token);
    expect(decoded.header).toEqual({ typ: 'JWT', alg });
    expect(verifyJws(decoded, publicKey)).toBe(true);
    expect(verifyJws(decoded, keys.ES256.publicKey === publicKey ? keys.ES384.publicKey : keys.ES256.publicKey)).toBe(false);
  });

  it('rejects a tampered payload and an algorithm that does not match the key', () => {
    const token = signJws({}, { sub: 'x' }, keys.RS256.privateKey);
    const [h, , s] = token.split('.');
    const forged = decodeJws(`${h}.${Buffer.from('{"sub":"y"}').toString('base64url')}.${s}`);
    expect(verifyJws(forged, keys.RS256.publicKey)).toBe(false);
    const none = decodeJws(`${Buffer.from('{"alg":"none"}').toString('base64url')}.${Buffer.from('{}').toString('base64url')}.`);
    expect(verifyJws(none, keys.RS256.publicKey)).toBe(false);
    expect(() => decodeJws('abc')).toThrow(/three dot-separated parts/);
  });
});

describe('JWK', () => {
  it('reads private keys from PEM and JWK text, and never echoes a bad key', () => {
    const pem = keys.ES256.privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
    const jwk = JSON.stringify(keys.RS256.privateKey.export({ format: 'jwk' }));
    expect(parsePrivateKey(pem).asymmetricKeyType).toBe('ec');
    expect(parsePrivateKey(jwk).asymmetricKeyType).toBe('rsa');
    const secret = '-----BEGIN PRIVATE KEY-----\nc2VjcmV0LWtleS1tYXRlcmlhbA==\n-----END PRIVATE KEY-----';
    expect(() => parsePrivateKey(secret)).toThrow(/not a PEM private key/);
    try {
      parsePrivateKey(secret);
    } catch (e) {
      expect((e as Error).message).not.toContain('c2VjcmV0');
    }
  });

  it('computes RFC 7638 thumbprints (the RFC example key)', () => {
    const n =
      '0vx7agoebGcQSuuPiLJXZptN9nndrQmbXEps2aiAFbWhM78LhWx4cbbfAAtVT86zwu1RK7aPFFxuhDR1L6tSoc_BJECPebWKRXjBZCiFV4n3oknjhMstn64tZ_2W-5JsGY4Hc5n9yBXArwl93lqt7_RN5w6Cf0h4QyQ5v-65YGjQR0_FDW2QvzqY368QQMicAtaSqzs8KJZgnYb9c7d0zgdAZHzu6qMQvRL5hajrn1n91CbOpbISD08qNLyrdkt-bFTWhAI4vMQFh6WeZu0fM4lFd2NcRwr3XPksINHaQ-G_xBniIqbw0Ls1jF44-csFCur-kEgU8awapJzKnqDKgw';
    expect(jwkThumbprint({ kty: 'RSA', e: 'AQAB', n, kid: 'ignored' })).toBe('NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs');
  });

  it('round-trips a public JWK', () => {
    const jwk = publicJwk(keys.ES256.privateKey);
    expect(Object.keys(jwk).sort()).toEqual(['crv', 'kty', 'x', 'y']);
    expect(importPublicJwk(jwk).asymmetricKeyType).toBe('ec');
  });
});
