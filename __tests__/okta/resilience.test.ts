// Staying inside Okta's rate limits and surviving its failures: proactive throttling, 429 and
// concurrency rejections, retries under injected faults, and the rule that a read either returns
// everything or fails, never a shorter list.
import { describe, expect, it } from 'vitest';
import type { Outcome } from '../../src/okta/outcome.js';
import { startSimulator } from '../../src/simulator/index.js';
import { clientFor } from '../helpers/client.js';

const now = new Date('2026-12-04T12:00:00.000Z');

describe('rate limits', () => {
  it('slows down before a bucket runs dry, so no request is ever refused', async () => {
    const sim = await startSimulator({ org: 'large', users: 5000, rateLimit: 10, windowSeconds: 2, now });
    const client = clientFor(sim);
    try {
      const out = await client.read('/api/v1/users');
      expect(out.kind === 'data' && (out.value as unknown[]).length).toBe(4500);
      const windows = sim.stats().rateLimits.filter((w) => w.bucket === 'GET /api/v1/users');
      expect(windows.length).toBeGreaterThanOrEqual(3);
      expect(windows.every((w) => w.allowed <= 10 && w.rejected === 0)).toBe(true);
      expect(client.stats().rateLimitWaitMs).toBeGreaterThan(2000);
    } finally {
      await client.close();
      await sim.close();
    }
  });

  it('keeps per-user fan-out inside the bucket with many requests in flight', async () => {
    const sim = await startSimulator({ org: 'large', users: 400, rateLimit: 40, windowSeconds: 2, latencyMs: 20, now });
    const client = clientFor(sim, { maxConcurrency: 16 });
    try {
      const users = sim.fixture.users.slice(0, 100);
      const outs = await Promise.all(users.map((u) => client.read(`/api/v1/users/${String(u.id)}/factors`)));
      expect(outs.every((o) => o.kind === 'data')).toBe(true);
      const windows = sim.stats().rateLimits.filter((w) => w.bucket === 'GET /*');
      // Nothing refused at all; and, had anything been, nothing after the first refusal of a window.
      expect(windows.reduce((n, w) => n + w.rejected, 0)).toBe(0);
      expect(windows.every((w) => w.rejectedAfterFirst === 0)).toBe(true);
    } finally {
      await client.close();
      await sim.close();
    }
  });

  it('waits out an unexpected 429 until the reset on the server clock, then goes on', async () => {
    const sim = await startSimulator({ org: 'empty', faults: 1, faultKinds: ['rate-limit'], windowSeconds: 2, now });
    const client = clientFor(sim, { maxAttempts: 3 });
    try {
      const started = Date.now();
      const out = await client.read('/api/v1/org');
      expect(out.kind).toBe('failed');
      if (out.kind === 'failed') {
        expect(out.error.message).toMatch(/^GET \/api\/v1\/org was still rate-limited after 3 tries \(HTTP 429, E0000047, request id [\w-]+\)$/);
        expect(out.error.details).toMatchObject({ request: 'GET /api/v1/org', status: 429, attempts: 3 });
      }
      expect(Date.now() - started).toBeGreaterThan(2000);
      expect(sim.stats().faults['rate-limit']).toBe(3);
    } finally {
      await client.close();
      await sim.close();
    }
  });

  it('lowers its parallelism when Okta refuses requests for concurrency, and finishes', async () => {
    const sim = await startSimulator({ org: 'large', users: 300, concurrency: 3, latencyMs: 40, now });
    const client = clientFor(sim, { maxConcurrency: 12 });
    try {
      const users = sim.fixture.users.slice(0, 120);
      const outs = await Promise.all(users.map((u) => client.read(`/api/v1/users/${String(u.id)}/roles`)));
      expect(outs.filter((o) => o.kind !== 'data')).toEqual([]);
      const stats = sim.stats().requests;
      expect(stats.concurrencyRejections).toBeGreaterThan(0);
      expect(stats.maxInFlight).toBeLessThanOrEqual(3);
    } finally {
      await client.close();
      await sim.close();
    }
  });

  it('copes with a missing Date header and duplicated rate-limit headers', async () => {
    const sim = await startSimulator({ org: 'large', users: 2000, rateLimit: 4, windowSeconds: 2, now, quirks: { omitDate: true, duplicateRateLimitHeaders: true } });
    const client = clientFor(sim);
    try {
      const out = await client.read('/api/v1/users');
      expect(out.kind === 'data' && (out.value as unknown[]).length).toBe(1800);
      expect(sim.stats().rateLimits.every((w) => w.rejected === 0)).toBe(true);
    } finally {
      await client.close();
      await sim.close();
    }
  });
});

describe('faults', () => {
  const PATHS = ['/api/v1/users', '/api/v1/groups', '/api/v1/apps', '/api/v1/policies?type=ACCESS_POLICY', '/api/v1/zones', '/api/v1/org'];

  async function readAll(seed: number, faults: number) {
    const sim = await startSimulator({ org: 'large', users: 20_000, faults, seed, windowSeconds: 2, stallMs: 1500, now });
    const client = clientFor(sim, { timeoutMs: 500 });
    try {
      const outs = await Promise.all(PATHS.map((p) => client.read(p)));
      // Links carry each simulator's own port; compare the data without it.
      const normalized = outs.map((o): Outcome<unknown> => (o.kind === 'data' ? { kind: 'data', value: JSON.parse(JSON.stringify(o.value).replaceAll(sim.url, 'ORIGIN')) } : o));
      return { outs: normalized, faults: sim.stats().faults, retries: client.stats().retries };
    } finally {
      await client.close();
      await sim.close();
    }
  }

  it('reads the same data under 5 % faults over 20 seeds, or fails saying why; never a shorter list', async () => {
    const clean = await readAll(1, 0);
    expect(clean.outs.every((o) => o.kind === 'data')).toBe(true);
    const runs = await Promise.all(Array.from({ length: 20 }, (_, i) => readAll(100 + i, 0.05)));
    let injected = 0;
    let identical = 0;
    for (const run of runs) {
      injected += Object.values(run.faults).reduce((a, b) => a + b, 0);
      run.outs.forEach((out, i) => {
        if (out.kind === 'data') {
          expect(out.value).toEqual((clean.outs[i] as { value: unknown }).value);
          identical++;
        } else {
          expect(out.kind).toBe('failed');
          if (out.kind === 'failed') expect(out.error.message).toMatch(/^GET \/api\/v1\/\S+ (kept failing|failed|was still rate-limited|answered with JSON that does not parse)/);
        }
      });
    }
    expect(injected).toBeGreaterThan(50);
    expect(identical).toBeGreaterThan(PATHS.length * 18);
    console.log(`faults: ${injected} injected over 20 seeds; ${identical} of ${PATHS.length * 20} reads identical to the fault-free read, the rest failed with a reason`);
  }, 120_000);
});
