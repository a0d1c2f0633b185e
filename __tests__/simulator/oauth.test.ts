// The org authorization server for service apps: private-key-JWT client credentials, granted
// scopes, DPoP binding with the nonce round trip, token expiry and scope enforcement.
import { createPrivateKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type RunningSimulator } from '../../src/simulator/index.js';
import { get } from '../helpers/http.js';
import { clientAssertion, dpopProof, tokenRequest } from '../helpers/oauth.js';

const ASSERTION_TYPE = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';
const now = new Date('2026-12-04T12:00:00.000Z');

describe('service-app tokens on the demo org (DPoP required)', () => {
  let sim: RunningSimulator;
  let key: KeyObject;
  let dpopKey: KeyObject;
  const form = (assertion: string, scope = 'okta.users.read okta.apps.read okta.orgs.read') => ({
    grant_type: 'client_credentials',
    scope,
    client_assertion_type: ASSERTION_TYPE,
    client_assertion: assertion,
  });

  beforeAll(async () => {
    sim = await startSimulator({ org: 'demo', now, tokenTtlSeconds: 2 });
    key = createPrivateKey(sim.serviceApp!.privateKey);
    dpopKey = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey;
  });
  afterAll(() => sim.close());

  const tokenUrl = () => `${sim.url}/oauth2/v1/token`;
  const assertion = (opts = {}) => clientAssertion(key, sim.serviceApp!.clientId, tokenUrl(), { kid: sim.serviceApp!.keyId, ...opts });

  async function dpopToken(scope?: string): Promise<string> {
    const first = await tokenRequest(sim.url, form(assertion(), scope), dpopProof(dpopKey, 'POST', tokenUrl()));
    expect(first.status).toBe(400);
    expect(first.json.error).toBe('use_dpop_nonce');
    const nonce = String(first.headers['dpop-nonce']);
    const second = await tokenRequest(sim.url, form(assertion(), scope), dpopProof(dpopKey, 'POST', tokenUrl(), { nonce }));
    expect(second.status).toBe(200);
    expect(second.json).toMatchObject({ token_type: 'DPoP', expires_in: 2 });
    return second.json.access_token;
  }

  const call = (path: string, accessToken: string, proof = true) =>
    get(sim.url + path, {
      authorization: `${proof ? 'DPoP' : 'Bearer'} ${accessToken}`,
      ...(proof ? { dpop: dpopProof(dpopKey, 'GET', sim.url + path, { accessToken }) } : {}),
    });

  it('issues a DPoP-bound token after the use_dpop_nonce round trip, limited to the granted scopes', async () => {
    const accessToken = await dpopToken('okta.users.read okta.not.granted');
    const users = await call('/api/v1/users', accessToken);
    expect(users.status).toBe(200);
    expect(users.json.length).toBeGreaterThan(5);
  });

  it('refuses a token request without a DPoP proof when the app requires one', async () => {
    const r = await tokenRequest(sim.url, form(assertion()));
    expect(r.status).toBe(400);
    expect(r.json.error).toBe('invalid_dpop_proof');
  });

  it('refuses an assertion signed by another key, an expired one, a replayed one and a wrong audience', async () => {
    const stranger = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey;
    const cases = [
      clientAssertion(stranger, sim.serviceApp!.clientId, tokenUrl()),
      assertion({ expiresIn: -10 }),
      clientAssertion(key, sim.serviceApp!.clientId, 'https://elsewhere.example/oauth2/v1/token'),
      clientAssertion(key, '0oaUnknownClient', tokenUrl()),
    ];
    for (const a of cases) {
      const r = await tokenRequest(sim.url, form(a), dpopProof(dpopKey, 'POST', tokenUrl()));
      expect(r.status).toBe(401);
      expect(r.json.error).toBe('invalid_client');
    }
    const once = assertion({ jti: 'same-jti' });
    const nonce = String((await tokenRequest(sim.url, form(once), dpopProof(dpopKey, 'POST', tokenUrl()))).headers['dpop-nonce']);
    expect((await tokenRequest(sim.url, form(once), dpopProof(dpopKey, 'POST', tokenUrl(), { nonce }))).status).toBe(200);
    const replay = await tokenRequest(sim.url, form(once), dpopProof(dpopKey, 'POST', tokenUrl(), { nonce }));
    expect(replay.json.error).toBe('invalid_client');
  });

  it('answers consent_required when none of the requested scopes was granted', async () => {
    const nonce = String((await tokenRequest(sim.url, form(assertion()), dpopProof(dpopKey, 'POST', tokenUrl()))).headers['dpop-nonce']);
    const r = await tokenRequest(sim.url, form(assertion(), 'okta.users.manage'), dpopProof(dpopKey, 'POST', tokenUrl(), { nonce }));
    expect(r.status).toBe(400);
    expect(r.json).toEqual({ error: 'consent_required', error_description: 'You are not allowed any of the requested scopes.' });
  });

  it('enforces the scope per endpoint: 403, empty body, insufficient_scope in WWW-Authenticate', async () => {
    const accessToken = await dpopToken('okta.users.read');
    const r = await call('/api/v1/apps', accessToken);
    expect(r.status).toBe(403);
    expect(r.text).toBe('');
    expect(r.headers['www-authenticate']).toMatch(/^DPoP algs="RS256 RS384 RS512 ES256 ES384 ES512", .*scope="okta.apps.read", error="insufficient_scope"/);
  });

  it('refuses a DPoP-bound token sent as Bearer, a proof for another URL, and a replayed proof', async () => {
    const accessToken = await dpopToken();
    expect((await call('/api/v1/users', accessToken, false)).status).toBe(401);
    const wrongUrl = await get(`${sim.url}/api/v1/users`, {
      authorization: `DPoP ${accessToken}`,
      dpop: dpopProof(dpopKey, 'GET', `${sim.url}/api/v1/groups`, { accessToken }),
    });
    expect(wrongUrl.status).toBe(400);
    expect(wrongUrl.headers['www-authenticate']).toMatch(/error="invalid_dpop_proof", error_description="'htu' claim/);
    const proof = dpopProof(dpopKey, 'GET', `${sim.url}/api/v1/org`, { accessToken });
    expect((await get(`${sim.url}/api/v1/org`, { authorization: `DPoP ${accessToken}`, dpop: proof })).status).toBe(200);
    expect((await get(`${sim.url}/api/v1/org`, { authorization: `DPoP ${accessToken}`, dpop: proof })).status).toBe(400);
  });

  it('refuses the internal notification settings to OAuth tokens, as Okta does', async () => {
    const accessToken = await dpopToken();
    const r = await call('/api/internal/org/settings/security-notification-settings', accessToken);
    expect(r.status).toBe(401);
    expect(r.json.errorCode).toBe('E0000011');
  });

  it('expires access tokens: 401 invalid_token after expires_in', async () => {
    const accessToken = await dpopToken();
    expect((await call('/api/v1/org', accessToken)).status).toBe(200);
    await new Promise((r) => setTimeout(r, 2100));
    const r = await call('/api/v1/org', accessToken);
    expect(r.status).toBe(401);
    expect(r.headers['www-authenticate']).toMatch(/error="invalid_token", error_description="The token has expired."/);
  });
});

describe('Bearer tokens for apps that do not require DPoP', () => {
  it('issues a Bearer token and accepts it', async () => {
    const sim = await startSimulator({ org: 'hardened', now });
    try {
      const app = sim.fixture.apps.find((a) => (a.credentials as any)?.oauthClient?.client_id === sim.serviceApp!.clientId)!;
      (app.settings as any).oauthClient.dpop_bound_access_tokens = false; // the running store shares this object
      const key = createPrivateKey(sim.serviceApp!.privateKey);
      const r = await tokenRequest(sim.url, {
        grant_type: 'client_credentials',
        scope: 'okta.orgs.read',
        client_assertion_type: ASSERTION_TYPE,
        client_assertion: clientAssertion(key, sim.serviceApp!.clientId, `${sim.url}/oauth2/v1/token`),
      });
      expect(r.status).toBe(200);
      expect(r.json.token_type).toBe('Bearer');
      expect((await get(`${sim.url}/api/v1/org`, { authorization: `Bearer ${r.json.access_token}` })).status).toBe(200);
      expect(sim.stats().tokensIssued).toBe(1);
    } finally {
      await sim.close();
    }
  });
});
