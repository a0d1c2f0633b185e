// Paging as Okta does it, over real sockets: Link lines, opaque cursors that keep the other query
// parameters, limits clamped per endpoint, exact page boundaries, empty lists, wrapped lists.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type RunningSimulator } from '../../src/simulator/index.js';
import { freshOrg } from '../../src/simulator/orgs/fresh.js';
import { customRole } from '../../src/simulator/orgs/security.js';
import { get, linkLines, nextLink, readAll, ssws } from '../helpers/http.js';

const now = new Date('2026-12-04T12:00:00.000Z');

describe('Link-header paging on the large org', () => {
  let sim: RunningSimulator;
  const USERS = 1000; // 900 non-deprovisioned: exactly 9 pages of 100

  beforeAll(async () => {
    sim = await startSimulator({ org: 'large', users: USERS, now });
  });
  afterAll(() => sim.close());

  it('reads every non-deprovisioned user exactly once, ending without a next link on an exact boundary', async () => {
    const expected = sim.fixture.users.filter((u) => u.status !== 'DEPROVISIONED').map((u) => u.id);
    expect(expected.length % 100).toBe(0);
    const { items, pages } = await readAll(`${sim.url}/api/v1/users?limit=100`, sim.token);
    expect(items.map((u) => u.id)).toEqual(expected);
    expect(pages).toBe(expected.length / 100);
  });

  it('sends self and next as separate Link lines with absolute URLs that keep the query', async () => {
    const r = await get(`${sim.url}/api/v1/users?limit=50&filter=${encodeURIComponent('status eq "ACTIVE"')}`, ssws(sim.token));
    const lines = linkLines(r);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^<http:\/\/127\.0\.0\.1:\d+\/api\/v1\/users\?[^>]+>; rel="self"$/);
    expect(lines[1]).toMatch(/; rel="next"$/);
    const next = new URL(nextLink(r)!);
    expect(next.origin).toBe(sim.url);
    expect(next.searchParams.get('filter')).toBe('status eq "ACTIVE"');
    expect(next.searchParams.get('limit')).toBe('50');
    expect(next.searchParams.get('after')).toBe(r.json[49].id);
  });

  it('uses the default page size when no limit is given, and clamps a larger one to the maximum', async () => {
    const plain = await get(`${sim.url}/api/v1/users`, ssws(sim.token));
    expect(plain.json).toHaveLength(200);
    expect(new URL(nextLink(plain)!).searchParams.has('limit')).toBe(false);
    const asked = await get(`${sim.url}/api/v1/users?limit=1000`, ssws(sim.token));
    expect(asked.json).toHaveLength(200);
    const apps = await get(`${sim.url}/api/v1/apps/${sim.fixture.apps[2]!.id}/users?limit=9999`, ssws(sim.token));
    expect(apps.status).toBe(200);
  });

  it('serves filtered and searched lists, including deprovisioned users only when asked', async () => {
    const deprovisioned = sim.fixture.users.filter((u) => u.status === 'DEPROVISIONED').length;
    const { items } = await readAll(`${sim.url}/api/v1/users?filter=${encodeURIComponent('status eq "DEPROVISIONED"')}`, sim.token);
    expect(items).toHaveLength(deprovisioned);
    const search = await readAll(`${sim.url}/api/v1/users?search=${encodeURIComponent('status eq "SUSPENDED" and profile.firstName sw "h"')}`, sim.token);
    expect(search.items.length).toBeGreaterThan(0);
    expect(search.items.every((u) => u.status === 'SUSPENDED' && /^h/i.test(u.profile.firstName))).toBe(true);
  });

  it('answers q lookups on one page with no next link', async () => {
    const r = await get(`${sim.url}/api/v1/users?q=ale`, ssws(sim.token));
    expect(r.status).toBe(200);
    expect(r.json.length).toBeLessThanOrEqual(10);
    expect(nextLink(r)).toBeUndefined();
  });

  it('refuses a bad limit, a forged cursor and a malformed filter', async () => {
    for (const [query, code] of [['limit=abc', 'E0000001'], ['limit=0', 'E0000001'], ['after=not-a-cursor', 'E0000001'], [`filter=${encodeURIComponent('status eq')}`, 'E0000031'], [`filter=${encodeURIComponent('profile.department eq "x"')}`, 'E0000031']]) {
      const r = await get(`${sim.url}/api/v1/users?${query}`, ssws(sim.token));
      expect(r.status, query).toBe(400);
      expect(r.json.errorCode, query).toBe(code);
    }
  });

  it('pages group members and an empty list has only a self link', async () => {
    const group = sim.fixture.groups.find((g) => (g.profile as any).name === 'Team 3')!;
    const members = sim.fixture.groupMembers[String(group.id)]!;
    const { items } = await readAll(`${sim.url}/api/v1/groups/${group.id}/users?limit=7`, sim.token);
    expect(items.map((u) => u.id)).toEqual(members);
    // Generated groups have no owners: an empty, Link-paged list.
    const r = await get(`${sim.url}/api/v1/groups/${group.id}/owners`, ssws(sim.token));
    expect(r.json).toEqual([]);
    expect(linkLines(r)).toEqual([`<${sim.url}/api/v1/groups/${group.id}/owners>; rel="self"`]);
  });
});

describe('body-wrapped lists', () => {
  let sim: RunningSimulator;

  beforeAll(async () => {
    const { b } = freshOrg({
      key: 'roles', name: 'roles', description: 'many custom roles', companyName: 'Roles Inc', emailDomain: 'roles.example',
      admin: { key: 'admin', firstName: 'Ada', lastName: 'Admin' }, now, token: 'tok',
    });
    for (let i = 0; i < 45; i++) customRole(b, `r${i}`, `Role ${i}`, `Custom role ${i}`, ['okta.users.read']);
    for (let i = 0; i < 250; i++) b.assignUserRole(String(b.addUser({ key: `a${i}`, firstName: 'Admin', lastName: `N${i}` }).id), 'READ_ONLY_ADMIN');
    sim = await startSimulator({ fixture: b.fixture, token: 'wrapped-token-1' });
  });
  afterAll(() => sim.close());

  async function readWrapped(path: string, key: string): Promise<{ items: any[]; pages: number; lastLinks: any }> {
    const items: any[] = [];
    let pages = 0;
    let lastLinks: any;
    for (let url: string | undefined = sim.url + path; url; ) {
      const r = await get(url, ssws(sim.token));
      expect(r.status).toBe(200);
      expect(linkLines(r)).toEqual([]);
      items.push(...r.json[key]);
      pages++;
      lastLinks = r.json._links;
      url = r.json._links.next?.href;
    }
    return { items, pages, lastLinks };
  }

  it('pages custom roles through _links.next.href, 20 a page', async () => {
    const { items, pages, lastLinks } = await readWrapped('/api/v1/iam/roles', 'roles');
    expect(items).toHaveLength(45);
    expect(new Set(items.map((r) => r.id)).size).toBe(45);
    expect(pages).toBe(3);
    expect(lastLinks).toEqual({});
  });

  it('pages the admin inventory 100 a page', async () => {
    const { items, pages } = await readWrapped('/api/v1/iam/assignees/users', 'value');
    expect(items).toHaveLength(251);
    expect(pages).toBe(3);
  });

  it('wraps custom domains without paging', async () => {
    const r = await get(`${sim.url}/api/v1/domains`, ssws(sim.token));
    expect(r.json).toEqual({ domains: [] });
  });
});
