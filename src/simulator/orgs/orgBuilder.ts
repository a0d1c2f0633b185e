// A small vocabulary for writing org fixtures: people, groups, admin roles, factors and apps,
// each created in Okta's JSON shape with deterministic ids and timestamps.
import type { OrgFeature, Pipeline } from '../../okta/endpoints.js';
import type { OktaObject, OrgFixture } from '../fixture/format.js';
import { oktaId, Timeline } from './ids.js';

export const ROLE_LABELS: Record<string, string> = {
  SUPER_ADMIN: 'Super Administrator',
  ORG_ADMIN: 'Organizational Administrator',
  APP_ADMIN: 'Application Administrator',
  USER_ADMIN: 'Group Administrator',
  GROUP_MEMBERSHIP_ADMIN: 'Group Membership Administrator',
  HELP_DESK_ADMIN: 'Help Desk Administrator',
  READ_ONLY_ADMIN: 'Read Only Administrator',
  REPORT_ADMIN: 'Report Administrator',
  API_ACCESS_MANAGEMENT_ADMIN: 'API Access Management Administrator',
};

export interface PersonSpec {
  key: string;
  firstName: string;
  lastName: string;
  status?: string;
  /** Days since the last sign-in; null = never signed in. */
  lastLoginDaysAgo?: number | null;
  createdDaysAgo?: number;
  department?: string;
  title?: string;
  provider?: 'OKTA' | 'ACTIVE_DIRECTORY' | 'FEDERATION';
}

export type FactorKind = 'push' | 'signed_nonce' | 'webauthn' | 'totp' | 'sms' | 'call' | 'email' | 'question';

export class OrgBuilder {
  readonly time: Timeline;
  readonly fixture: OrgFixture;
  private userType: string;
  /** Users added after this is set also join the Everyone group, as in Okta. */
  everyoneGroupId?: string;
  private readonly usersById = new Map<string, OktaObject>();

  constructor(
    readonly orgKey: string,
    readonly emailDomain: string,
    now: Date,
    init: { name: string; description: string; pipeline: Pipeline; features: OrgFeature[] },
  ) {
    this.time = new Timeline(now);
    this.userType = this.id('oty', 'default-user-type');
    this.fixture = {
      ...init,
      credentials: { apiTokens: [] },
      org: {},
      orgSettings: {
        oktaSupport: {}, oktaCommunication: {}, preferences: {}, contacts: [], contactUsers: {}, thirdPartyAdmin: {},
        autoAssignAdminApp: {}, clientPrivileges: {}, captcha: {}, userLockout: {}, authenticatorSettings: {},
        adminConsole: {}, securityNotifications: {},
      },
      threatInsight: {},
      users: [], userFactors: {}, userRoles: {}, groups: [], groupMembers: {}, groupRoles: {}, groupOwners: {},
      groupRules: [], apps: [], appUsers: {}, appGroups: {}, appGrants: {}, appKeys: {}, clientRoles: {}, policies: [],
      policyRules: {}, authenticators: [], authenticatorMethods: {}, zones: [], trustedOrigins: [], domains: [], idps: [],
      idpKeys: {}, authorizationServers: [], authServerPolicies: {}, authServerPolicyRules: {}, authServerScopes: {},
      authServerClaims: {}, authServerKeys: {}, apiTokens: [], logStreams: [], eventHooks: [], behaviors: [],
      customRoles: [], customRolePermissions: {}, resourceSets: [], deviceAssurances: [], brands: [], signInPages: {},
    };
  }

  id(prefix: string, key: string): string {
    return oktaId(prefix, `${this.orgKey}/${key}`);
  }

  /** Created/updated timestamps `days` ago. */
  stamps(days: number): { created: string; lastUpdated: string } {
    return { created: this.time.ago(days), lastUpdated: this.time.ago(Math.max(0, days - 3)) };
  }

  userId(key: string): string {
    return this.id('00u', `user:${key}`);
  }

  addUser(spec: PersonSpec): OktaObject {
    const id = this.userId(spec.key);
    const login = `${spec.firstName}.${spec.lastName}`.toLowerCase().replace(/[^a-z.]/g, '') + `@${this.emailDomain}`;
    const status = spec.status ?? 'ACTIVE';
    const created = spec.createdDaysAgo ?? 300;
    const lastLogin = spec.lastLoginDaysAgo === undefined ? 1 : spec.lastLoginDaysAgo;
    const provider = spec.provider ?? 'OKTA';
    const user: OktaObject = {
      id,
      status,
      created: this.time.ago(created),
      activated: status === 'STAGED' ? null : this.time.ago(created - 1),
      statusChanged: this.time.ago(Math.min(created - 1, 30)),
      lastLogin: lastLogin === null ? null : this.time.ago(lastLogin, 2),
      lastUpdated: this.time.ago(Math.min(created - 1, 10)),
      passwordChanged: provider === 'OKTA' && status !== 'STAGED' ? this.time.ago(Math.min(created - 1, 45)) : null,
      type: { id: this.userType },
      profile: {
        firstName: spec.firstName,
        lastName: spec.lastName,
        mobilePhone: null,
        secondEmail: null,
        login,
        email: login,
        ...(spec.department ? { department: spec.department } : {}),
        ...(spec.title ? { title: spec.title } : {}),
      },
      credentials: {
        ...(provider === 'OKTA' ? { password: {} } : {}),
        provider: { type: provider, name: provider === 'ACTIVE_DIRECTORY' ? `${this.emailDomain}` : provider },
      },
      _links: { self: { href: `/api/v1/users/${id}` } },
    };
    this.addUserObject(user);
    if (this.everyoneGroupId) this.addMembers(this.everyoneGroupId, [id]);
    return user;
  }

  /** Adds a user object built elsewhere (bulk generation). */
  addUserObject(user: OktaObject): void {
    this.fixture.users.push(user);
    this.usersById.set(String(user.id), user);
  }

  user(userId: string): OktaObject | undefined {
    return this.usersById.get(userId);
  }

  addGroup(key: string, name: string, description: string, type: 'OKTA_GROUP' | 'BUILT_IN' | 'APP_GROUP' = 'OKTA_GROUP'): string {
    const id = this.id('00g', `group:${key}`);
    this.fixture.groups.push({
      id,
      ...this.stamps(280),
      lastMembershipUpdated: this.time.ago(5),
      objectClass: ['okta:user_group'],
      type,
      profile: { name, description },
      _links: {
        logo: [
          { name: 'medium', href: 'https://ok12static.oktacdn.com/assets/img/logos/groups/okta-medium.png', type: 'image/png' },
        ],
        users: { href: `/api/v1/groups/${id}/users` },
        apps: { href: `/api/v1/groups/${id}/apps` },
      },
    });
    this.fixture.groupMembers[id] = [];
    return id;
  }

  addMembers(groupId: string, userIds: readonly string[]): void {
    const members = (this.fixture.groupMembers[groupId] ??= []);
    for (const u of userIds) if (!members.includes(u)) members.push(u);
  }

  private role(type: string, key: string, assignmentType: 'USER' | 'GROUP' | 'CLIENT', assignee: string): OktaObject {
    return {
      id: this.id('ra1', `role:${key}:${type}`),
      label: ROLE_LABELS[type] ?? type,
      type,
      status: 'ACTIVE',
      ...this.stamps(200),
      assignmentType,
      _links: { assignee: { href: assignee } },
    };
  }

  assignUserRole(userId: string, type: string): void {
    (this.fixture.userRoles[userId] ??= []).push(this.role(type, userId, 'USER', `/api/v1/users/${userId}`));
  }

  assignGroupRole(groupId: string, type: string): void {
    (this.fixture.groupRoles[groupId] ??= []).push(this.role(type, groupId, 'GROUP', `/api/v1/groups/${groupId}`));
  }

  assignClientRole(clientId: string, type: string): void {
    (this.fixture.clientRoles[clientId] ??= []).push(this.role(type, clientId, 'CLIENT', `/oauth2/v1/clients/${clientId}`));
  }

  /** A group rule that puts users matching an Okta expression into groups. */
  addGroupRule(key: string, name: string, expression: string, groupIds: string[], status: 'ACTIVE' | 'INACTIVE' | 'INVALID' = 'ACTIVE'): string {
    const id = this.id('0pr', `grouprule:${key}`);
    this.fixture.groupRules.push({
      type: 'group_rule',
      id,
      status,
      name,
      ...this.stamps(100),
      conditions: { expression: { value: expression, type: 'urn:okta:expression:1.0' }, people: { users: { exclude: [] }, groups: { exclude: [] } } },
      actions: { assignUserToGroups: { groupIds } },
    });
    return id;
  }

  addGroupOwner(groupId: string, userId: string): void {
    const user = this.user(userId);
    const profile = (user?.profile ?? {}) as Record<string, unknown>;
    (this.fixture.groupOwners[groupId] ??= []).push({
      id: userId,
      type: 'USER',
      displayName: `${String(profile.firstName)} ${String(profile.lastName)}`,
      originType: 'OKTA_DIRECTORY',
      resolved: true,
      lastUpdated: this.time.ago(20),
    });
  }

  addFactor(userId: string, kind: FactorKind, status = 'ACTIVE'): void {
    const n = (this.fixture.userFactors[userId] ??= []).length;
    const base = (prefix: string, factorType: string, provider: string, profile: OktaObject): OktaObject => {
      const id = this.id(prefix, `factor:${userId}:${n}:${kind}`);
      return {
        id,
        factorType,
        provider,
        vendorName: provider,
        status,
        ...this.stamps(120),
        profile,
        _links: { self: { href: `/api/v1/users/${userId}/factors/${id}` }, user: { href: `/api/v1/users/${userId}` } },
      };
    };
    const credentialId = (this.user(userId)?.profile as Record<string, unknown> | undefined)?.login;
    // E.164, in the 555-01xx range reserved for fiction.
    const phone = `+1555010${String(n % 100).padStart(4, '0')}`;
    const factor = {
      push: () => base('opf', 'push', 'OKTA', { credentialId, deviceType: 'SmartPhone_IPhone', name: 'iPhone 15', platform: 'IOS', version: '18.1' }),
      signed_nonce: () => base('crp', 'signed_nonce', 'OKTA', { credentialId, deviceType: 'Laptop', name: 'MacBook Pro', platform: 'MACOS', version: '15.1' }),
      webauthn: () => base('fwf', 'webauthn', 'FIDO', { credentialId: this.id('', `webauthn:${userId}:${n}`), authenticatorName: 'YubiKey 5 NFC' }),
      totp: () => base('uft', 'token:software:totp', 'GOOGLE', { credentialId }),
      sms: () => base('mbl', 'sms', 'OKTA', { phoneNumber: phone }),
      call: () => base('clf', 'call', 'OKTA', { phoneNumber: phone }),
      email: () => base('emf', 'email', 'OKTA', { email: credentialId }),
      question: () => base('ufs', 'question', 'OKTA', { question: 'favorite_vacation_location', questionText: 'What is your favorite vacation location?' }),
    }[kind]();
    this.fixture.userFactors[userId]!.push(factor);
  }

  /** Assigns an app to users and groups (the app's user and group assignment lists). */
  assignApp(appId: string, groups: readonly string[], users: readonly string[] = []): void {
    const groupList = (this.fixture.appGroups[appId] ??= []);
    groups.forEach((groupId, i) =>
      groupList.push({
        id: groupId,
        lastUpdated: this.time.ago(30),
        priority: i,
        profile: {},
        _links: { app: { href: `/api/v1/apps/${appId}` }, group: { href: `/api/v1/groups/${groupId}` } },
      }),
    );
    const userList = (this.fixture.appUsers[appId] ??= []);
    const viaGroups = groups.flatMap((g) => this.fixture.groupMembers[g] ?? []);
    for (const userId of new Set([...users, ...viaGroups])) {
      const user = this.user(userId);
      const profile = (user?.profile ?? {}) as Record<string, unknown>;
      userList.push({
        id: userId,
        scope: users.includes(userId) ? 'USER' : 'GROUP',
        status: 'ACTIVE',
        syncState: 'DISABLED',
        ...this.stamps(60),
        statusChanged: this.time.ago(60),
        credentials: { userName: profile.login },
        profile: {},
        _links: { app: { href: `/api/v1/apps/${appId}` }, user: { href: `/api/v1/users/${userId}` } },
      });
    }
  }
}
