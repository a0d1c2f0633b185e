// Rate limits as Okta applies them: headers on every answer, one counter per token and bucket,
// 429 with E0000047 when a bucket is empty, windows that reset, and the concurrency ceiling.
import { afterEach, describe, expect, it } from 'vitest';
import { bucketFor } from '../../src/okta/rateLimitBuckets.js';
import { startSimulator, type RunningSimulator } from '../../src/simulator/index.js';
import { freshOrg } from '../../src/simulator/orgs/fresh.js';
import { get, ssws } from '../helpers/http.js';

const now = new Date('2026-12-04T12:00:00.000Z');
let sim: RunningSimulator | undefined;
afterEach(async () => {
  await sim?.close();
  sim = undefined;
});

const num = (v: string | string[] | undefined) => Number(v);

describe('rate-limit buckets', () => {
  it('maps requests to Okta buckets: exact templates first, then the longest prefix', () => {
    expect(bucketFor('GET', '/api/v1/users').id).toBe('GET /api/v1/users');
    expect(bucketFor('GET', '/api/v1/users/00u123').id).toBe('GET /api/v1/users/{id}');
    expect(bucketFor('GET', '/api/v1/users/00u123/factors').id).toBe('GET /*');
    expect(bucketFor('GET', '/api/v1/apps/0oa1').id).toBe('GET /api/v1/apps/{id}');
    expect(bucketFor('GET', '/api/v1/apps/0oa1/users').id).toBe('GET /api/v1/apps*');
    expect(bucketFor('GET', '/api/v1/groups/00g1').id).toBe('GET /api/v1/groups/{id}');
    expect(bucketFor('GET', '/api/v1/groups/00g1/users').id).toBe('GET /api/v1/groups*');
    expect(bucketFor('GET', '/api/v1/policies').id).toBe('GET /*');
  });

  it('publishes the Workforce limits at the 50 % per-token share', async () => {
    sim = await startSimulator({ org: 'demo', now });
    const limits: Record<string, number> = {};
    const app = String(sim.fixture.apps[0]!.id);
    for (const path of ['/api/v1/users', `/api/v1/users/${String(sim.fixture.users[0]!.id)}`, '/api/v1/apps', `/api/v1/apps/${app}`, `/api/v1/apps/${app}/users`, '/api/v1/org', `/api/v1/groups/${String(sim.fixture.groups[0]!.id)}`]) {
      const r = await get(sim.url + path, ssws(sim.token));
      expect(r.status, path).toBe(200);
      limits[path.replace(/\/(00u|0oa|00g)\w+/g, '/{id}')] = num(r.headers['x-rate-limit-limit']);
    }
    expect(limits).toEqual({
      '/api/v1/users': 300,
      '/api/v1/users/{id}': 1000,
      '/api/v1/apps': 50,
      '/api/v1/apps/{id}': 250,
      '/api/v1/apps/{id}/users': 50,
      '/api/v1/org': 600,
      '/api/v1/groups/{id}': 500,
    });
  });
});

describe('a bucket running dry', () => {
  it('counts down, answers 429 E0000047 with Remaining 0, and resets at X-Rate-Limit-Reset', async () => {
    sim = await startSimulator({ org: 'empty', rateLimit: 5, windowSeconds: 2, now });
    const remaining: number[] = [];
    for (let i = 0; i < 5; i++) {
      const r = await get(`${sim.url}/api/v1/users`, ssws(sim.token));
      expect(r.status).toBe(200);
      expect(num(r.headers['x-rate-limit-limit'])).toBe(5);
      expect(r.headers['x-okta-request-id']).toMatch(/^[\w-]{10,}$/);
      remaining.push(num(r.headers['x-rate-limit-remaining']));
    }
    expect(remaining).toEqual([4, 3, 2, 1, 0]);

    const limited = await get(`${sim.url}/api/v1/users`, ssws(sim.token));
    expect(limited.status).toBe(429);
    expect(limited.json).toMatchObject({ errorCode: 'E0000047', errorSummary: 'API call exceeded rate limit due to too many requests.' });
    expect(num(limited.headers['x-rate-limit-remaining'])).toBe(0);
    const reset = num(limited.headers['x-rate-limit-reset']);
    const serverNow = Date.parse(String(limited.headers.date)) / 1000;
    expect(reset - serverNow).toBeGreaterThan(0);
    expect(reset - serverNow).toBeLessThanOrEqual(3);

    // Other buckets and other tokens keep their own counters.
    expect((await get(`${sim.url}/api/v1/groups`, ssws(sim.token))).status).toBe(200);

    await new Promise((r) => setTimeout(r, (reset - Date.now() / 1000) * 1000 + 50));
    const after = await get(`${sim.url}/api/v1/users`, ssws(sim.token));
    expect(after.status).toBe(200);
    expect(num(after.headers['x-rate-limit-remaining'])).toBe(4);

    const windows = sim.stats().rateLimits.filter((w) => w.bucket === 'GET /api/v1/users');
    expect(windows.map((w) => [w.allowed, w.rejected])).toEqual([[5, 1], [1, 0]]);
  });

  it('keeps a separate counter per API token', async () => {
    const { b, adminId } = freshOrg({
      key: 'two', name: 'two-tokens', description: '', companyName: 'Two', emailDomain: 'two.example',
      admin: { key: 'a', firstName: 'A', lastName: 'Admin' }, now, token: 'first-token',
    });
    b.fixture.credentials.apiTokens.push({ value: 'second-token', userId: adminId });
    sim = await startSimulator({ fixture: b.fixture, rateLimit: 2 });
    for (let i = 0; i < 2; i++) expect((await get(`${sim.url}/api/v1/users`, ssws('first-token'))).status).toBe(200);
    expect((await get(`${sim.url}/api/v1/users`, ssws('first-token'))).status).toBe(429);
    expect((await get(`${sim.url}/api/v1/users`, ssws('second-token'))).status).toBe(200);
  });

  it('records requests that keep coming after a 429 was answered', async () => {
    sim = await startSimulator({ org: 'empty', rateLimit: 1, now });
    await get(`${sim.url}/api/v1/users`, ssws(sim.token));
    await get(`${sim.url}/api/v1/users`, ssws(sim.token));
    await new Promise((r) => setTimeout(r, 20));
    await get(`${sim.url}/api/v1/users`, ssws(sim.token));
    const [window] = sim.stats().rateLimits.filter((w) => w.bucket === 'GET /api/v1/users');
    expect(window).toMatchObject({ allowed: 1, rejected: 2, rejectedAfterFirst: 1 });
  });

  it('puts rate-limit headers, Date and a request id on error answers too', async () => {
    sim = await startSimulator({ org: 'empty', now });
    const r = await get(`${sim.url}/api/v1/users`, ssws('wrong-token'));
    expect(r.status).toBe(401);
    for (const h of ['x-rate-limit-limit', 'x-rate-limit-remaining', 'x-rate-limit-reset', 'date', 'x-okta-request-id']) {
      expect(r.headers[h], h).toBeDefined();
    }
  });
});

describe('concurrency', () => {
  it('answers 429 with Limit 0 and Remaining 0 when too many requests are in flight', async () => {
    sim = await startSimulator({ org: 'empty', concurrency: 2, latencyMs: 300, now });
    const results = await Promise.all(Array.from({ length: 6 }, () => get(`${sim!.url}/api/v1/org`, ssws(sim!.token))));
    const ok = results.filter((r) => r.status === 200);
    const refused = results.filter((r) => r.status === 429);
    expect(ok).toHaveLength(2);
    expect(refused).toHaveLength(4);
    for (const r of refused) {
      expect(r.json.errorCode).toBe('E0000047');
      expect(r.headers['x-rate-limit-limit']).toBe('0');
      expect(r.headers['x-rate-limit-remaining']).toBe('0');
    }
    expect(sim.stats().requests).toMatchObject({ maxInFlight: 2, concurrencyRejections: 4 });
  });
});
