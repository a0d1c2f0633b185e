// The simulator's in-memory view of one org: the fixture plus indexes and the data Okta derives
// (a user's groups, roles inherited from groups, the admin inventory, policy mappings).
// The fixture is never modified; relative hrefs get the origin when a response is written.
import type { OktaObject, OrgFixture } from './fixture/format.js';

const idOf = (o: OktaObject): string => String(o.id);

function indexById(list: readonly OktaObject[]): Map<string, OktaObject> {
  return new Map(list.map((o) => [idOf(o), o]));
}

export class OrgStore {
  readonly users: Map<string, OktaObject>;
  readonly usersByLogin: Map<string, OktaObject>;
  readonly groups: Map<string, OktaObject>;
  readonly apps: Map<string, OktaObject>;
  readonly appsByClientId: Map<string, OktaObject>;
  readonly policies: Map<string, OktaObject>;
  readonly zones: Map<string, OktaObject>;
  readonly authorizationServers: Map<string, OktaObject>;
  readonly customRoles: Map<string, OktaObject>;
  readonly idps: Map<string, OktaObject>;
  readonly authenticators: Map<string, OktaObject>;
  readonly brands: Map<string, OktaObject>;
  /** Group ids per user id. */
  readonly userGroups: Map<string, string[]>;
  /** The access policy id of each app that has one. */
  readonly appAccessPolicy: Map<string, string>;

  constructor(
    readonly fixture: OrgFixture,
    readonly origin: string,
  ) {
    this.users = indexById(fixture.users);
    this.usersByLogin = new Map(
      fixture.users.map((u) => [String((u.profile as OktaObject | undefined)?.login ?? '').toLowerCase(), u]),
    );
    this.groups = indexById(fixture.groups);
    this.apps = indexById(fixture.apps);
    this.appsByClientId = new Map();
    for (const app of fixture.apps) {
      const clientId = ((app.credentials as OktaObject | undefined)?.oauthClient as OktaObject | undefined)?.client_id;
      if (typeof clientId === 'string') this.appsByClientId.set(clientId, app);
    }
    this.policies = indexById(fixture.policies);
    this.zones = indexById(fixture.zones);
    this.authorizationServers = indexById(fixture.authorizationServers);
    this.customRoles = indexById(fixture.customRoles);
    this.idps = indexById(fixture.idps);
    this.authenticators = indexById(fixture.authenticators);
    this.brands = indexById(fixture.brands);

    this.userGroups = new Map();
    for (const [groupId, members] of Object.entries(fixture.groupMembers)) {
      for (const userId of members) {
        const list = this.userGroups.get(userId);
        if (list) list.push(groupId);
        else this.userGroups.set(userId, [groupId]);
      }
    }
    this.appAccessPolicy = new Map();
    for (const app of fixture.apps) {
      const href = ((app._links as OktaObject | undefined)?.accessPolicy as OktaObject | undefined)?.href;
      if (typeof href === 'string') this.appAccessPolicy.set(idOf(app), href.slice(href.lastIndexOf('/') + 1));
    }
  }

  findUser(idOrLogin: string): OktaObject | undefined {
    return this.users.get(idOrLogin) ?? this.usersByLogin.get(idOrLogin.toLowerCase());
  }

  groupsOfUser(userId: string): OktaObject[] {
    return (this.userGroups.get(userId) ?? []).map((g) => this.groups.get(g)).filter((g): g is OktaObject => !!g);
  }

  /** A user's role assignments: direct ones, then those inherited from the user's groups. */
  rolesOfUser(userId: string): OktaObject[] {
    const direct = this.fixture.userRoles[userId] ?? [];
    const inherited = (this.userGroups.get(userId) ?? []).flatMap((g) => this.fixture.groupRoles[g] ?? []);
    return [...direct, ...inherited];
  }

  /** Role types the user holds (active assignments only). */
  roleTypesOfUser(userId: string): Set<string> {
    return new Set(this.rolesOfUser(userId).filter((r) => r.status !== 'INACTIVE').map((r) => String(r.type)));
  }

  /** Users holding at least one admin role, directly or through a group, in id order. */
  usersWithRoles(): OktaObject[] {
    return this.fixture.users.filter((u) => this.rolesOfUser(idOf(u)).length > 0);
  }

  /** Apps whose access policy is `policyId`. */
  appsWithPolicy(policyId: string): OktaObject[] {
    return this.fixture.apps.filter((a) => this.appAccessPolicy.get(idOf(a)) === policyId);
  }
}
