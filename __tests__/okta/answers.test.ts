// How each Okta answer maps to an outcome, and that no credential survives into any text the
// client produces, even when a server echoes it back.
import { generateKeyPairSync } from 'node:crypto';
import { createServer, type RequestListener } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { OktaClient } from '../../src/okta/client.js';
import type { Credentials } from '../../src/okta/credentials.js';
import { parseOrganization } from '../../src/okta/orgDomain.js';
import type { Outcome } from '../../src/okta/outcome.js';
import type { OrgFixture } from '../../src/simulator/fixture/format.js';
import { startSimulator, type RunningSimulator } from '../../src/simulator/index.js';
import { freshOrg } from '../../src/simulator/orgs/fresh.js';
import { clientFor } from '../helpers/client.js';

const now = new Date('2026-12-04T12:00:00.000Z');
const TOKEN = 'SECRET-TOKEN-9f8e7d6c5b4a';
const texts: string[] = [];
const record = (o: Outcome<unknown>) => {
  if (o.kind === 'failed') texts.push(o.error.message, JSON.stringify(o.error.details), String(o.error.stack));
  else if (o.kind === 'forbidden') texts.push(o.reason, o.needs);
  else if (o.kind === 'unavailable') texts.push(o.reason);
  return o;
};

let sim: RunningSimulator | undefined;
afterEach(async () => {
  await sim?.close();
  sim = undefined;
});

function org(change: (f: OrgFixture, b: ReturnType<typeof freshOrg>['b']) => void = () => {}): OrgFixture {
  const { b } = freshOrg({ key: 'answers', name: 'answers', description: '', companyName: 'Answers', emailDomain: 'answers.example', admin: { key: 'a', firstName: 'Ada', lastName: 'Admin' }, now, token: TOKEN });
  change(b.fixture, b);
  return b.fixture;
}

describe('mapping answers to outcomes', () => {
  it('unavailable: an unknown id, a product the org lacks, a policy type its engine lacks', async () => {
    sim = await startSimulator({ fixture: org((f) => ((f.features = []), (f.pipeline = 'v1'))) });
    const client = clientFor(sim);
    try {
      expect(record(await client.read('/api/v1/users/00uDoesNotExist/factors'))).toMatchObject({ kind: 'unavailable', reason: expect.stringMatching(/^GET \/api\/v1\/users\/00uDoesNotExist\/factors: the org does not have this \(HTTP 404, E0000007, request id/) });
      expect(record(await client.read('/api/v1/authorizationServers'))).toMatchObject({ kind: 'unavailable', reason: expect.stringContaining('the org does not have this feature or product (HTTP 401, E0000015') });
      expect(record(await client.read('/api/v1/authenticators'))).toMatchObject({ kind: 'unavailable' });
      expect(record(await client.read('/api/v1/policies?type=ACCESS_POLICY'))).toMatchObject({ kind: 'unavailable', reason: expect.stringContaining("this org's engine has no such policy type") });
      expect((await client.read('/api/v1/policies?type=PASSWORD')).kind).toBe('data');
    } finally {
      await client.close();
    }
  });

  it('forbidden: a Read-Only Administrator on Super-Admin-only settings, naming the role', async () => {
    sim = await startSimulator({
      fixture: org((f, b) => {
        const reader = String(b.addUser({ key: 'r', firstName: 'Rita', lastName: 'Reader' }).id);
        b.assignUserRole(reader, 'READ_ONLY_ADMIN');
        f.credentials.apiTokens = [{ value: TOKEN, userId: reader }];
      }),
    });
    const client = clientFor(sim);
    try {
      expect(record(await client.read('/api/v1/org/privacy/oktaSupport'))).toMatchObject({ kind: 'forbidden', needs: 'the Super Administrator role' });
      expect(record(await client.read('/api/internal/org/settings/security-notification-settings'))).toMatchObject({ kind: 'forbidden', needs: 'the Super Administrator or Organization Administrator role' });
      expect((await client.read('/api/v1/users')).kind).toBe('data');
    } finally {
      await client.close();
    }
  });

  it('failed: persistent server errors and broken JSON, naming the endpoint, status, request id and tries', async () => {
    sim = await startSimulator({ org: 'empty', token: TOKEN, faults: 1, faultKinds: ['server-error'], now });
    const client = clientFor(sim, { maxAttempts: 3 });
    try {
      const out = record(await client.read('/api/v1/groups'));
      expect(out.kind).toBe('failed');
      if (out.kind === 'failed') {
        expect(out.error.message).toMatch(/^GET \/api\/v1\/groups kept failing on Okta's side after 3 tries \(HTTP 500, request id [\w-]+\)$/);
        expect(out.error.details).toMatchObject({ request: 'GET /api/v1/groups', status: 500, attempts: 3 });
      }
    } finally {
      await client.close();
    }
    await sim.close();
    sim = await startSimulator({ org: 'empty', token: TOKEN, faults: 1, faultKinds: ['truncated'], now });
    const again = clientFor(sim, { maxAttempts: 2 });
    try {
      expect(record(await again.read('/api/v1/org'))).toMatchObject({ kind: 'failed', error: { message: expect.stringMatching(/^GET \/api\/v1\/org answered with JSON that does not parse, 2 times/) } });
    } finally {
      await again.close();
    }
  });

  it('failed: a deadline that has passed stops a read before it waits', async () => {
    sim = await startSimulator({ org: 'empty', token: TOKEN, faults: 1, faultKinds: ['unavailable'], now });
    const client = clientFor(sim, { deadline: Date.now() + 300 });
    try {
      const started = Date.now();
      expect(record(await client.read('/api/v1/org')).kind).toBe('failed');
      expect(Date.now() - started).toBeLessThan(3000);
    } finally {
      await client.close();
    }
  });
});

describe('answers from a server that misbehaves', () => {
  async function fake(listener: RequestListener, credentials: Credentials) {
    const server = createServer(listener);
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const client = new OktaClient({ target: parseOrganization(`http://127.0.0.1:${(server.address() as AddressInfo).port}`), credentials, timeoutMs: 1000, maxAttempts: 2 });
    return { client, close: async () => (await client.close(), server.close()) };
  }

  it('never follows a redirect', async () => {
    let followed = 0;
    const { client, close } = await fake((req, res) => {
      if (req.url?.startsWith('/elsewhere')) followed++;
      res.writeHead(302, { location: '/elsewhere' }).end();
    }, { apiToken: TOKEN });
    try {
      expect(record(await client.read('/api/v1/org'))).toMatchObject({ kind: 'failed', error: { message: expect.stringContaining('answered with a redirect, which is never followed (HTTP 302') } });
      expect(followed).toBe(0);
    } finally {
      await close();
    }
  });

  it('treats Invalid session (a header Okta could not read) as refused credentials', async () => {
    const { client, close } = await fake((_req, res) => {
      res.writeHead(403, { 'content-type': 'application/json' }).end(JSON.stringify({ errorCode: 'E0000005', errorSummary: 'Invalid session', errorCauses: [] }));
    }, { apiToken: TOKEN });
    try {
      const out = record(await client.read('/api/v1/org'));
      expect(out).toMatchObject({ kind: 'failed', error: { name: 'OktaAuthError', message: 'Okta did not accept the Authorization header: Invalid session (HTTP 403, E0000005)' } });
    } finally {
      await close();
    }
  });

  it('scrubs a credential that the server echoes into its error', async () => {
    const key = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey;
    const pemBody = key.export({ format: 'pem', type: 'pkcs8' }).toString().split('\n')[1]!;
    const { client, close } = await fake((req, res) => {
      res.writeHead(400, { 'content-type': 'application/json' }).end(
        JSON.stringify({ errorCode: 'E0000001', errorSummary: `Bad header ${req.headers.authorization} and key ${pemBody}`, errorCauses: [{ errorSummary: String(req.headers.authorization) }] }),
      );
    }, { apiToken: TOKEN, serviceApp: undefined });
    try {
      const out = record(await client.read('/api/v1/org'));
      expect(out.kind).toBe('failed');
      if (out.kind === 'failed') expect(out.error.message).toContain('Bad header SSWS [redacted]');
    } finally {
      await close();
    }
  });
});

describe('no credential in any text', () => {
  it('appears in none of the messages, reasons, details or stacks recorded above', () => {
    expect(texts.length).toBeGreaterThan(15);
    for (const t of texts) expect(t).not.toContain(TOKEN);
  });

  it('keeps access tokens and key material out of failures on the OAuth path', async () => {
    sim = await startSimulator({ org: 'demo', now, faults: 0 });
    const app = sim.serviceApp!;
    const { createPrivateKey } = await import('node:crypto');
    const key = createPrivateKey(app.privateKey);
    const client = clientFor(sim, { credentials: { serviceApp: { clientId: app.clientId, privateKey: key, keyId: app.keyId, scopes: ['okta.users.read'] } } });
    try {
      const outs = [await client.read('/api/v1/apps'), await client.read('/api/internal/org/settings/security-notification-settings'), await client.read('/api/v1/users/00uNope/roles')];
      const all = outs.map((o) => JSON.stringify(o)).join('\n');
      expect(client.redactor.leaks(all)).toBe(false);
      const d = key.export({ format: 'jwk' }).d!;
      expect(all).not.toContain(d);
    } finally {
      await client.close();
    }
  });
});
