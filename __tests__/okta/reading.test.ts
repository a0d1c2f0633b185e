// Reading with the client against the simulator over real sockets: every page once, the largest
// page size, wrapped lists, shared and memoized reads, progress, and refusing bad links.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Progress } from '../../src/okta/client.js';
import { OktaProtocolError } from '../../src/okta/errors.js';
import { startSimulator, type RunningSimulator } from '../../src/simulator/index.js';
import { clientFor } from '../helpers/client.js';

const now = new Date('2026-12-04T12:00:00.000Z');

describe('reading a 20,000-user org', () => {
  let sim: RunningSimulator;
  beforeAll(async () => {
    sim = await startSimulator({ org: 'large', users: 20_000, now });
  });
  afterAll(() => sim.close());

  it('reads every user exactly once, 200 a page, reporting progress', async () => {
    const progress: Progress[] = [];
    const client = clientFor(sim, { onProgress: (p) => progress.push(p) });
    try {
      const listed = await client.read('/api/v1/users');
      const deprovisioned = await client.read(`/api/v1/users?filter=${encodeURIComponent('status eq "DEPROVISIONED"')}`);
      if (listed.kind !== 'data' || deprovisioned.kind !== 'data') throw new Error('read failed');
      const ids = [...(listed.value as any[]), ...(deprovisioned.value as any[])].map((u) => u.id);
      expect(ids).toHaveLength(20_000);
      expect(new Set(ids).size).toBe(20_000);
      expect(new Set(ids)).toEqual(new Set(sim.fixture.users.map((u) => u.id)));
      const pages = Math.ceil((listed.value as any[]).length / 200);
      expect(client.stats().requests['/api/v1/users']).toBe(pages + Math.ceil((deprovisioned.value as any[]).length / 200));
      const users = progress.filter((p) => p.resource === '/api/v1/users');
      expect(users).toHaveLength(pages);
      expect(users.at(-1)).toEqual({ resource: '/api/v1/users', pages, items: 18_000, done: true });
      expect(users[0]).toEqual({ resource: '/api/v1/users', pages: 1, items: 200, done: false });
    } finally {
      await client.close();
    }
  });

  it('shares one read between concurrent callers and remembers it', async () => {
    const client = clientFor(sim);
    try {
      const before = sim.stats().requests.byEndpoint['/api/v1/groups'] ?? 0;
      const [a, b] = await Promise.all([client.read('/api/v1/groups'), client.read('/api/v1/groups')]);
      const c = await client.read('/api/v1/groups');
      expect(a).toBe(b);
      expect(c).toBe(a);
      expect((sim.stats().requests.byEndpoint['/api/v1/groups'] ?? 0) - before).toBe(1);
    } finally {
      await client.close();
    }
  });

  it('reads single objects, unpaged lists and Link-paged lists alike', async () => {
    const client = clientFor(sim);
    try {
      const org = await client.read('/api/v1/org');
      expect(org).toMatchObject({ kind: 'data', value: { companyName: 'Megacorp Industries' } });
      const zones = await client.read('/api/v1/zones');
      expect(zones.kind === 'data' && (zones.value as unknown[]).length).toBe(sim.fixture.zones.length);
      const policy = sim.fixture.policies.find((p) => p.type === 'ACCESS_POLICY')!;
      const rules = await client.read(`/api/v1/policies/${String(policy.id)}/rules`);
      expect(rules.kind === 'data' && (rules.value as unknown[]).length).toBe(sim.fixture.policyRules[String(policy.id)]!.length);
    } finally {
      await client.close();
    }
  });
});

describe('wrapped lists', () => {
  it('follows _links.next.href through the admin inventory and unwraps custom domains', async () => {
    const sim = await startSimulator({ org: 'demo', now });
    const client = clientFor(sim);
    try {
      const admins = await client.read('/api/v1/iam/assignees/users');
      expect(admins.kind === 'data' && (admins.value as any[]).map((a) => a.id).sort()).toEqual(
        sim.fixture.users.filter((u) => (sim.fixture.userRoles[String(u.id)] ?? []).length || Object.entries(sim.fixture.groupRoles).some(([g, r]) => r.length && sim.fixture.groupMembers[g]!.includes(String(u.id)))).map((u) => u.id).sort(),
      );
      const domains = await client.read('/api/v1/domains');
      expect(domains.kind === 'data' && (domains.value as any[]).map((d) => d.domain)).toEqual(['login.quillfeather.example', 'id.quillfeather.example']);
    } finally {
      await client.close();
      await sim.close();
    }
  });
});

describe('links the client will not follow', () => {
  let sim: RunningSimulator;
  beforeAll(async () => {
    sim = await startSimulator({ org: 'large', users: 1000, now });
  });
  afterAll(() => sim.close());

  it('refuses a next link to another origin, and sends it nothing', async () => {
    const seen: Array<string | undefined> = [];
    const foreign = createServer((req, res) => {
      seen.push(req.headers.authorization);
      res.end('[]');
    });
    await new Promise<void>((r) => foreign.listen(0, '127.0.0.1', r));
    sim.quirks.foreignNextLink = ['/api/v1/users'];
    sim.quirks.foreignOrigin = `http://127.0.0.1:${(foreign.address() as AddressInfo).port}`;
    const client = clientFor(sim);
    try {
      const out = await client.read('/api/v1/users');
      expect(out.kind).toBe('failed');
      if (out.kind !== 'failed') return;
      expect(out.error).toBeInstanceOf(OktaProtocolError);
      expect(out.error.message).toBe(
        `GET /api/v1/users: the next-page link points to ${sim.quirks.foreignOrigin}, not the org; it was not followed and no credentials were sent`,
      );
      expect(seen).toEqual([]);
    } finally {
      sim.quirks.foreignNextLink = [];
      await client.close();
      foreign.close();
    }
  });

  it('stops on a cursor that repeats, instead of reading forever', async () => {
    sim.quirks.repeatCursor = ['/api/v1/users'];
    const client = clientFor(sim);
    try {
      const out = await client.read('/api/v1/users');
      expect(out.kind).toBe('failed');
      if (out.kind === 'failed') expect(out.error.message).toBe('GET /api/v1/users: page 3 repeats the cursor of an earlier page; stopped to avoid reading the same data forever');
      expect(client.stats().requests['/api/v1/users']).toBe(2);
    } finally {
      sim.quirks.repeatCursor = [];
      await client.close();
    }
  });
});
