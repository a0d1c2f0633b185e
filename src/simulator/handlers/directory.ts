// Users, groups and who administers what: users with their factors, roles and groups; groups
// with members, roles and owners; group rules; and the admin inventory (`/iam/assignees/users`).
import type { OktaObject } from '../fixture/format.js';
import { applyExpression, cachedList, mustFind } from './lookup.js';
import { Unpaged, type Handler } from './types.js';

const USER_FILTER_ATTRIBUTES = [
  'status', 'lastUpdated', 'id', 'profile.login', 'profile.email', 'profile.firstName', 'profile.lastName',
];
const GROUP_FILTER_ATTRIBUTES = ['id', 'type', 'lastUpdated', 'lastMembershipUpdated'];

const profileOf = (u: OktaObject) => (u.profile ?? {}) as Record<string, unknown>;

export const directoryHandlers: Record<string, Handler> = {
  '/api/v1/users': ({ store, url }) => {
    const q = url.searchParams.get('q');
    const filter = url.searchParams.get('filter');
    const search = url.searchParams.get('search');
    const all = store.fixture.users;
    if (q !== null) {
      // `q` matches the start of first name, last name or email, skips deprovisioned users, and never pages.
      const needle = q.toLowerCase();
      const limit = Number(url.searchParams.get('limit') ?? 10) || 10;
      const hits = all.filter((u) => {
        if (u.status === 'DEPROVISIONED') return false;
        const p = profileOf(u);
        return [p.firstName, p.lastName, p.email].some((v) => typeof v === 'string' && v.toLowerCase().startsWith(needle));
      });
      return new Unpaged(hits.slice(0, limit));
    }
    if (search !== null) return cachedList(store, `users?search=${search}`, () => applyExpression(all, search));
    if (filter !== null) {
      return cachedList(store, `users?filter=${filter}`, () => applyExpression(all, filter, USER_FILTER_ATTRIBUTES));
    }
    return cachedList(store, 'users', () => all.filter((u) => u.status !== 'DEPROVISIONED'));
  },
  '/api/v1/users/{id}': ({ store, params }) => {
    const user = store.findUser(params.id!);
    return user ?? mustFind(store.users, params.id!, 'User');
  },
  '/api/v1/users/{id}/groups': ({ store, params }) => {
    const user = store.findUser(params.id!) ?? mustFind(store.users, params.id!, 'User');
    return store.groupsOfUser(String(user.id));
  },
  '/api/v1/users/{userId}/factors': ({ store, params }) => {
    mustFind(store.users, params.userId!, 'User');
    return store.fixture.userFactors[params.userId!] ?? [];
  },
  '/api/v1/users/{userId}/roles': ({ store, params }) => {
    mustFind(store.users, params.userId!, 'User');
    return store.rolesOfUser(params.userId!);
  },
  '/api/v1/iam/assignees/users': ({ store }) =>
    cachedList(store, 'assignees', () =>
      store.usersWithRoles().map((u) => ({
        id: u.id,
        orn: `orn:okta:directory:${String(store.fixture.org.id)}:users:${String(u.id)}`,
        _links: {
          self: { href: `${store.origin}/api/v1/users/${String(u.id)}` },
          roles: { href: `${store.origin}/api/v1/users/${String(u.id)}/roles` },
        },
      })),
    ),

  '/api/v1/groups': ({ store, url }) => {
    const all = store.fixture.groups;
    const filter = url.searchParams.get('filter');
    const search = url.searchParams.get('search');
    const q = url.searchParams.get('q');
    const expand = url.searchParams.get('expand');
    let list: OktaObject[];
    if (q !== null) {
      const needle = q.toLowerCase();
      const hits = all.filter((g) => String(profileOf(g).name ?? '').toLowerCase().startsWith(needle));
      return new Unpaged(hits.slice(0, Number(url.searchParams.get('limit') ?? 300) || 300));
    }
    if (search !== null) list = cachedList(store, `groups?search=${search}`, () => applyExpression(all, search));
    else if (filter !== null) {
      list = cachedList(store, `groups?filter=${filter}`, () => applyExpression(all, filter, GROUP_FILTER_ATTRIBUTES));
    } else list = all;
    if (expand !== 'stats') return list;
    return cachedList(store, `groups?filter=${filter}&search=${search}&expand=stats`, () =>
      list.map((g) => {
        const id = String(g.id);
        const roles = store.fixture.groupRoles[id] ?? [];
        const stats = {
          usersCount: store.fixture.groupMembers[id]?.length ?? 0,
          appsCount: Object.values(store.fixture.appGroups).filter((assigned) => assigned.some((a) => a.id === id)).length,
          groupPushMappingsCount: 0,
          hasAdminPrivlege: roles.length > 0,
        };
        return { ...g, _embedded: { ...(g._embedded as object | undefined), stats } };
      }),
    );
  },
  '/api/v1/groups/rules': ({ store }) => store.fixture.groupRules,
  '/api/v1/groups/{groupId}': ({ store, params }) => mustFind(store.groups, params.groupId!, 'UserGroup'),
  '/api/v1/groups/{groupId}/users': ({ store, params }) => {
    mustFind(store.groups, params.groupId!, 'UserGroup');
    return cachedList(store, `members:${params.groupId}`, () =>
      (store.fixture.groupMembers[params.groupId!] ?? []).map((id) => store.users.get(id)).filter((u): u is OktaObject => !!u),
    );
  },
  '/api/v1/groups/{groupId}/roles': ({ store, params }) => {
    mustFind(store.groups, params.groupId!, 'UserGroup');
    return store.fixture.groupRoles[params.groupId!] ?? [];
  },
  '/api/v1/groups/{groupId}/owners': ({ store, params }) => {
    mustFind(store.groups, params.groupId!, 'UserGroup');
    return store.fixture.groupOwners[params.groupId!] ?? [];
  },
};
