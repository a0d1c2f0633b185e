// Protocol misbehaviour the simulator can switch on, for testing how a client copes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type RunningSimulator } from '../../src/simulator/index.js';
import { get, nextLink, ssws } from '../helpers/http.js';

describe('quirks', () => {
  let sim: RunningSimulator;
  beforeAll(async () => {
    sim = await startSimulator({ org: 'large', users: 300, now: new Date('2026-12-04T12:00:00.000Z') });
  });
  afterAll(() => sim.close());

  it('repeatCursor: from page two on, next repeats the cursor just used', async () => {
    sim.quirks.repeatCursor = ['/api/v1/users'];
    try {
      const first = await get(`${sim.url}/api/v1/users?limit=50`, ssws(sim.token));
      const second = await get(nextLink(first)!, ssws(sim.token));
      expect(nextLink(second)).toBe(nextLink(first));
    } finally {
      sim.quirks.repeatCursor = [];
    }
  });

  it('foreignNextLink: next points at another origin', async () => {
    sim.quirks.foreignNextLink = ['/api/v1/users'];
    try {
      const r = await get(`${sim.url}/api/v1/users?limit=50`, ssws(sim.token));
      expect(new URL(nextLink(r)!).origin).toBe('https://attacker.example');
    } finally {
      sim.quirks.foreignNextLink = [];
    }
  });

  it('omitDate and duplicateRateLimitHeaders', async () => {
    sim.quirks.omitDate = true;
    sim.quirks.duplicateRateLimitHeaders = true;
    try {
      const r = await get(`${sim.url}/api/v1/org`, ssws(sim.token));
      expect(r.headers.date).toBeUndefined();
      expect(r.headers['x-rate-limit-reset']).toEqual([expect.stringMatching(/^\d+$/), expect.stringMatching(/^\d+$/)]);
    } finally {
      sim.quirks.omitDate = false;
      sim.quirks.duplicateRateLimitHeaders = false;
    }
    expect((await get(`${sim.url}/api/v1/org`, ssws(sim.token))).headers.date).toBeDefined();
  });
});
