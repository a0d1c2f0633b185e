// Fault injection: each kind as a client sees it on the wire, and the same seed replaying the
// same faults.
import { errors, request } from 'undici';
import { afterEach, describe, expect, it } from 'vitest';
import type { FaultKind } from '../../src/simulator/faults.js';
import { startSimulator, type RunningSimulator } from '../../src/simulator/index.js';
import { get, ssws } from '../helpers/http.js';

const now = new Date('2026-12-04T12:00:00.000Z');
let sim: RunningSimulator | undefined;
afterEach(async () => {
  await sim?.close();
  sim = undefined;
});

const only = async (kind: FaultKind, extra = {}) => {
  sim = await startSimulator({ org: 'empty', faults: 1, faultKinds: [kind], now, ...extra });
  return sim;
};

describe('each fault kind', () => {
  it.each([
    ['rate-limit', 429, 'E0000047'],
    ['server-error', 500, 'E0000009'],
    ['unavailable', 503, 'E0000010'],
  ] as const)('%s answers %i with %s', async (kind, status, code) => {
    const s = await only(kind);
    const r = await get(`${s.url}/api/v1/users`, ssws(s.token));
    expect(r.status).toBe(status);
    expect(r.json.errorCode).toBe(code);
    expect(s.stats().faults[kind]).toBe(1);
  });

  it('bad-gateway answers 502 with an HTML page, as a proxy in front of Okta would', async () => {
    const s = await only('bad-gateway');
    const r = await get(`${s.url}/api/v1/users`, ssws(s.token));
    expect(r.status).toBe(502);
    expect(r.headers['content-type']).toBe('text/html');
    expect(r.json).toBeUndefined();
  });

  it('reset drops the connection without an answer', async () => {
    const s = await only('reset');
    await expect(get(`${s.url}/api/v1/users`, ssws(s.token))).rejects.toThrow(/other side closed|ECONNRESET|socket/i);
  });

  it('truncated sends a 200 whose JSON body is cut short', async () => {
    const s = await only('truncated');
    const r = await get(`${s.url}/api/v1/groups`, ssws(s.token));
    expect(r.status).toBe(200);
    expect(r.text.length).toBeGreaterThan(0);
    expect(() => JSON.parse(r.text)).toThrow();
  });

  it('stall sends headers and half the body, then hangs until the stall ends', async () => {
    const s = await only('stall', { stallMs: 1500 });
    const started = Date.now();
    const timedOut = request(`${s.url}/api/v1/groups`, { headers: ssws(s.token), bodyTimeout: 300 }).then((r) => r.body.text());
    await expect(timedOut).rejects.toBeInstanceOf(errors.BodyTimeoutError);
    const patient = await get(`${s.url}/api/v1/org`, ssws(s.token));
    expect(Date.now() - started).toBeGreaterThanOrEqual(1500);
    expect(patient.json.companyName).toBe('Fresh Start Inc');
  });
});

describe('reproducibility', () => {
  async function statuses(seed: number): Promise<number[]> {
    const s = await startSimulator({ org: 'large', users: 600, faults: 0.3, faultKinds: ['rate-limit', 'server-error', 'unavailable'], seed, now });
    try {
      const out: number[] = [];
      for (let i = 0; i < 40; i++) out.push((await get(`${s.url}/api/v1/users?limit=${i + 1}`, ssws(s.token))).status);
      // Asking for the same URL again is a new draw: the fault is not sticky.
      for (let i = 0; i < 5; i++) out.push((await get(`${s.url}/api/v1/users?limit=1`, ssws(s.token))).status);
      return out;
    } finally {
      await s.close();
    }
  }

  it('replays the same faults for the same seed, and different ones for another', async () => {
    const a = await statuses(7);
    const b = await statuses(7);
    const c = await statuses(8);
    expect(a).toEqual(b);
    expect(a).not.toEqual(c);
    const failures = a.filter((s) => s !== 200).length;
    expect(failures).toBeGreaterThan(5);
    expect(failures).toBeLessThan(25);
  });
});
