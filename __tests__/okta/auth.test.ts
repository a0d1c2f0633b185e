// The client's credentials against the simulator: API tokens, service apps with RSA and EC keys,
// DPoP and its nonce, expiry and revocation, both credentials together, and wrong keys.
import { generateKeyPairSync } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { publicJwk } from '../../src/jose/jwk.js';
import { OktaAuthError } from '../../src/okta/errors.js';
import { startSimulator, type RunningSimulator } from '../../src/simulator/index.js';
import { freshOrg } from '../../src/simulator/orgs/fresh.js';
import { addScannerApp } from '../../src/simulator/orgs/scannerApp.js';
import { clientFor, serviceAppOf } from '../helpers/client.js';

const now = new Date('2026-12-04T12:00:00.000Z');
let sim: RunningSimulator | undefined;
afterEach(async () => {
  await sim?.close();
  sim = undefined;
});

describe('service apps', () => {
  it('gets a DPoP-bound token through the nonce round trip and reads with it', async () => {
    sim = await startSimulator({ org: 'demo', now });
    const client = clientFor(sim, { credentials: { serviceApp: serviceAppOf(sim) } });
    try {
      const users = await client.read('/api/v1/users');
      const apps = await client.read('/api/v1/apps');
      expect(users.kind).toBe('data');
      expect(apps.kind).toBe('data');
      expect(client.stats().tokensIssued).toBe(1);
      // plain, then with a DPoP proof, then with Okta's nonce
      expect(sim.stats().requests.byPath['/oauth2/v1/token']).toBe(3);
    } finally {
      await client.close();
    }
  });

  it('signs with an RSA key and uses a Bearer token when the app does not require DPoP', async () => {
    const { b } = freshOrg({ key: 'rsa', name: 'rsa', description: '', companyName: 'RSA Inc', emailDomain: 'rsa.example', admin: { key: 'a', firstName: 'A', lastName: 'A' }, now, token: 'rsa-org-token' });
    const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const { clientId } = addScannerApp(b, { publicJwk: { ...publicJwk(publicKey), kid: 'rsa-1' } }, { requireDpop: false, role: 'READ_ONLY_ADMIN' });
    sim = await startSimulator({ fixture: b.fixture });
    const client = clientFor(sim, { credentials: { serviceApp: { clientId, privateKey, keyId: 'rsa-1', scopes: ['okta.orgs.read', 'okta.users.read'] } } });
    try {
      expect((await client.read('/api/v1/org')).kind).toBe('data');
      expect(sim.stats().requests.byPath['/oauth2/v1/token']).toBe(1);
    } finally {
      await client.close();
    }
  });

  it('renews an expired token before using it, and a revoked one once after a 401', async () => {
    sim = await startSimulator({ org: 'demo', now, tokenTtlSeconds: 2 });
    const client = clientFor(sim, { credentials: { serviceApp: serviceAppOf(sim) } });
    try {
      expect((await client.read('/api/v1/org')).kind).toBe('data');
      await new Promise((r) => setTimeout(r, 1100)); // past the client's renewal point (half of 2 s)
      expect((await client.read('/api/v1/groups')).kind).toBe('data');
      expect(client.stats().tokensIssued).toBe(2);
      sim.revokeAccessTokens();
      expect((await client.read('/api/v1/zones')).kind).toBe('data');
      expect(client.stats().tokensIssued).toBe(3);
    } finally {
      await client.close();
    }
  });

  it('fails clearly with a key the app does not know, asks for a token only once, and says what to check', async () => {
    sim = await startSimulator({ org: 'demo', now });
    const stranger = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey;
    const client = clientFor(sim, { credentials: { serviceApp: { ...serviceAppOf(sim), privateKey: stranger } } });
    try {
      const [a, b] = [await client.read('/api/v1/users'), await client.read('/api/v1/groups')];
      for (const out of [a, b]) {
        expect(out.kind).toBe('failed');
        if (out.kind !== 'failed') continue;
        expect(out.error).toBeInstanceOf(OktaAuthError);
        expect(out.error.message).toMatch(/^Okta refused the service app's token request: invalid_client: The client_assertion signature is invalid\. \(check the client id, that the app uses private_key_jwt, and that its registered public key \(and key id\) match the private key\)$/);
      }
      expect(sim.stats().requests.byPath['/oauth2/v1/token']).toBe(1);
    } finally {
      await client.close();
    }
  });

  it('names the scope a read needs when the app was not granted it', async () => {
    sim = await startSimulator({ org: 'demo', now });
    const client = clientFor(sim, { credentials: { serviceApp: serviceAppOf(sim, ['okta.users.read']) } });
    try {
      const out = await client.read('/api/v1/apps');
      expect(out).toEqual({
        kind: 'forbidden',
        reason: "GET /api/v1/apps: the service app's token lacks the scope okta.apps.read",
        needs: 'the OAuth scope okta.apps.read, granted to the service app and listed in its scopes',
      });
    } finally {
      await client.close();
    }
  });

  it('uses the API token alongside a service app only where Okta serves API tokens alone', async () => {
    sim = await startSimulator({ org: 'hardened', now });
    const both = clientFor(sim, { credentials: { apiToken: sim.token, serviceApp: serviceAppOf(sim) } });
    const appOnly = clientFor(sim, { credentials: { serviceApp: serviceAppOf(sim) } });
    try {
      const path = '/api/internal/org/settings/security-notification-settings';
      expect(await both.read(path)).toMatchObject({ kind: 'data', value: { reportSuspiciousActivityEnabled: true } });
      expect(await both.read('/api/v1/org/privacy/oktaSupport')).toMatchObject({ kind: 'data', value: { support: 'DISABLED' } });
      expect(await appOnly.read(path)).toEqual({
        kind: 'forbidden',
        reason: `GET ${path}: Okta serves this only to API tokens, and only a service app was given`,
        needs: 'an Okta API token (SSWS) as well as the service app; it is used for this endpoint only',
      });
      expect(sim.stats().requests.byPath[path]).toBe(1);
    } finally {
      await both.close();
      await appOnly.close();
    }
  });
});

describe('API tokens', () => {
  it('fails clearly on a token Okta does not know', async () => {
    sim = await startSimulator({ org: 'empty', now });
    const client = clientFor(sim, { credentials: { apiToken: 'not-the-right-token' } });
    try {
      const out = await client.read('/api/v1/users');
      expect(out.kind).toBe('failed');
      if (out.kind === 'failed') {
        expect(out.error).toBeInstanceOf(OktaAuthError);
        expect(out.error.message).toMatch(/^Okta refused the API token: Invalid token provided: it may be revoked, expired \(tokens expire after 30 days unused\), or from another org \(HTTP 401, E0000011, request id [\w-]+\)$/);
      }
    } finally {
      await client.close();
    }
  });
});
