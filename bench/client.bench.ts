// How fast the client reads a large org, and what it holds in memory while doing it. The
// simulator's rate limits are lifted here to measure the client itself; against real Okta the
// users bucket (300 requests a minute per token) sets the pace: 100,000 users take 500 pages,
// under two minutes.
import { afterAll, beforeAll, describe, test } from 'vitest';
import { OktaClient } from '../src/okta/client.js';
import { parseOrganization } from '../src/okta/orgDomain.js';
import { startSimulator, type RunningSimulator } from '../src/simulator/index.js';

let sim: RunningSimulator;
/** Whole-org reads take seconds: a few timed runs, not a time budget. */
const RUN = { iterations: 3, warmupIterations: 1, time: 0, warmupTime: 0 };
const mb = (n: number) => `${(n / 1e6).toFixed(0)} MB`;
const client = (maxConcurrency = 8) =>
  new OktaClient({ target: parseOrganization(sim.url), credentials: { apiToken: sim.token }, maxConcurrency });

describe('client', () => {
  beforeAll(async () => {
    sim = await startSimulator({ org: 'large', users: 100_000, rateLimit: 1_000_000 });
  });
  afterAll(() => sim.close());

  test('read 100,000 users', async ({ bench }) => {
    let heap = 0;
    await bench('read /api/v1/users: 90,000 users, 450 pages', async () => {
      const c = client();
      const before = process.memoryUsage().heapUsed;
      const out = await c.read('/api/v1/users');
      heap = Math.max(heap, process.memoryUsage().heapUsed - before);
      if (out.kind !== 'data' || (out.value as unknown[]).length !== 90_000) throw new Error(`read ${out.kind}`);
      await c.close();
    }).run(RUN);
    console.log(`heap grew by at most ${mb(heap)} while holding 90,000 users`);
  }, 300_000);

  test('fan out', async ({ bench }) => {
    await bench('factors of 2,000 users, 8 in flight', async () => {
      const c = client(8);
      const outs = await Promise.all(sim.fixture.users.slice(0, 2000).map((u) => c.read(`/api/v1/users/${String(u.id)}/factors`)));
      if (outs.some((o) => o.kind !== 'data')) throw new Error('a read failed');
      await c.close();
    }).run(RUN);
  }, 300_000);
});

describe('simulator', () => {
  test('start the large org', async ({ bench }) => {
    await bench('build and serve 100,000 users', async () => {
      const s = await startSimulator({ org: 'large', users: 100_000 });
      await s.close();
    }).run(RUN);
  }, 300_000);
});
