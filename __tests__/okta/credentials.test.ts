import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CredentialsError, resolveCredentials, secretsOf } from '../../src/okta/credentials.js';

const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey;
const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
const ecPem = ec.export({ format: 'pem', type: 'pkcs8' }).toString();
const rsaPkcs1 = rsa.export({ format: 'pem', type: 'pkcs1' }).toString();
const rsaJwk = JSON.stringify(rsa.export({ format: 'jwk' }));
const dir = mkdtempSync(join(tmpdir(), 'okta-posture-keys-'));
const keyFile = join(dir, 'key.pem');
writeFileSync(keyFile, ecPem);
const app = { clientId: '0oa1234567890abcdef', privateKey: ecPem, privateKeyId: 'kid-1', scopes: 'okta.users.read,okta.apps.read' };

describe('API tokens', () => {
  it('takes the option before the environment, then OKTA_API_TOKEN, OKTA_CLIENT_TOKEN, OKTA_TOKEN in that order', () => {
    const env = { OKTA_API_TOKEN: 'api-token-1', OKTA_CLIENT_TOKEN: 'client-token-1', OKTA_TOKEN: 'plain-token-1' };
    expect(resolveCredentials({ token: 'option-token' }, env).apiToken).toBe('option-token');
    expect(resolveCredentials({}, env).apiToken).toBe('api-token-1');
    expect(resolveCredentials({}, { OKTA_CLIENT_TOKEN: 'client-token-1', OKTA_TOKEN: 'plain-token-1' }).apiToken).toBe('client-token-1');
    expect(resolveCredentials({}, { OKTA_TOKEN: 'plain-token-1' }).apiToken).toBe('plain-token-1');
    expect(resolveCredentials({}, { OKTA_API_TOKEN: '  ', OKTA_TOKEN: 'plain-token-1' }).apiToken).toBe('plain-token-1');
  });

  it('says every way to give credentials when there are none', () => {
    expect(() => resolveCredentials({}, {})).toThrow(/no Okta credentials: give an API token \(--token, or OKTA_API_TOKEN, OKTA_CLIENT_TOKEN, OKTA_TOKEN\) or an OAuth service app/);
  });
});

describe('OAuth service apps', () => {
  it.each([
    ['PEM text (EC, PKCS#8)', ecPem, 'ec'],
    ['PEM text (RSA, PKCS#1)', rsaPkcs1, 'rsa'],
    ['JWK text (RSA)', rsaJwk, 'rsa'],
    ['a path to a PEM file', keyFile, 'ec'],
  ])('reads the private key from %s', (_, privateKey, type) => {
    const c = resolveCredentials({ ...app, privateKey }, {});
    expect(c.serviceApp!.privateKey.asymmetricKeyType).toBe(type);
    expect(c.serviceApp!.scopes).toEqual(['okta.users.read', 'okta.apps.read']);
    expect(c.serviceApp!.keyId).toBe('kid-1');
    expect(c.apiToken).toBeUndefined();
  });

  it('reads everything from the environment', () => {
    const c = resolveCredentials({}, { OKTA_API_CLIENT_ID: app.clientId, OKTA_API_PRIVATE_KEY: keyFile, OKTA_API_PRIVATE_KEY_ID: 'kid-2', OKTA_API_SCOPES: 'okta.users.read okta.groups.read' });
    expect(c.serviceApp).toMatchObject({ clientId: app.clientId, keyId: 'kid-2', scopes: ['okta.users.read', 'okta.groups.read'] });
  });

  it('keeps an API token alongside a service app', () => {
    const c = resolveCredentials({ ...app, token: 'also-a-token' }, {});
    expect(c.apiToken).toBe('also-a-token');
    expect(c.serviceApp).toBeDefined();
  });

  it('lists what is missing', () => {
    expect(() => resolveCredentials({ clientId: app.clientId }, {})).toThrow(
      'the OAuth service app needs a private key (--private-key or OKTA_API_PRIVATE_KEY), scopes (--scopes or OKTA_API_SCOPES)',
    );
  });

  it.each([
    [{ ...app, privateKey: '/no/such/key.pem' }, /neither PEM or JWK text nor a readable file \(ENOENT\)/],
    [{ ...app, privateKey: '-----BEGIN PRIVATE KEY-----\nbm90LWEta2V5LWF0LWFsbA==\n-----END PRIVATE KEY-----' }, /not a PEM private key/],
    [{ ...app, scopes: 'okta.users.read, users:read' }, /'users:read' is not an Okta API scope/],
    [{ ...app, clientId: 'x y' }, /not an Okta client id/],
  ])('refuses bad input clearly, without echoing the key', (input, message) => {
    expect(() => resolveCredentials(input, {})).toThrow(CredentialsError);
    expect(() => resolveCredentials(input, {})).toThrow(message);
    expect(() => resolveCredentials(input, {})).toThrow(expect.objectContaining({ message: expect.not.stringContaining('bm90LWEta2V5') }));
  });

  it('knows its secrets, so they can be scrubbed from any text', () => {
    const c = resolveCredentials({ ...app, token: 'token-abcdefgh' }, {});
    const secrets = secretsOf(c);
    expect(secrets).toContain('token-abcdefgh');
    expect(secrets).toContain(ec.export({ format: 'jwk' }).d);
    for (const line of ecPem.split('\n').filter((l) => l.length >= 16 && !l.startsWith('-----'))) expect(secrets).toContain(line);
  });
});
