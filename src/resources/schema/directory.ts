// People and groups: users with their factors, admin roles and groups; groups with members,
// roles and owners; group rules.
import type { ResourceSpec } from '../types.js';
import { dict, idFromHref, str, time } from './fields.js';


export const DIRECTORY_RESOURCES: ResourceSpec[] = [
  {
    name: 'okta.user',
    doc: 'A user (person or service account).',
    defaults: ["profile['email']"],
    aliases: Object.fromEntries(
      ['email', 'login', 'firstName', 'lastName', 'displayName', 'department', 'title', 'manager', 'mobilePhone', 'employeeNumber'].map((k) => [k, `profile['${k}']`]),
    ),
    fields: {
      id: str('user id'),
      status: str('STAGED, PROVISIONED, ACTIVE, RECOVERY, PASSWORD_EXPIRED, LOCKED_OUT, SUSPENDED or DEPROVISIONED'),
      transitioningToStatus: str('the status a pending change leads to'),
      profile: dict('profile attributes (login, email, firstName, lastName, …)'),
      credentials: dict('credential metadata: provider {type, name}, recovery question; never a secret'),
      type: dict('the user type {id}'),
      activated: time('when the user was activated'),
      created: time('when the user was created'),
      lastLogin: time('the last sign-in'),
      lastUpdated: time('when the user was last changed'),
      passwordChanged: time('when the password last changed'),
      statusChanged: time('when the status last changed'),
      factors: { type: { list: { resource: 'okta.userFactor' } }, doc: 'enrolled factors', from: { read: '/api/v1/users/{userId}/factors', params: { userId: 'id' } } },
      roles: { type: { list: { resource: 'okta.role' } }, doc: 'admin roles, direct and through groups', from: { read: '/api/v1/users/{userId}/roles', params: { userId: 'id' } } },
      groups: { type: { list: { resource: 'okta.group' } }, doc: 'groups the user belongs to', from: { read: '/api/v1/users/{id}/groups' } },
    },
  },
  {
    name: 'okta.userFactor',
    doc: "A factor a user has enrolled (Okta Verify, WebAuthn, SMS, …).",
    defaults: ['factorType', 'status'],
    fields: {
      id: str('factor id'),
      factorType: str('push, signed_nonce (FastPass), webauthn, u2f, token:software:totp, sms, call, email, question, …'),
      provider: str('OKTA, GOOGLE, FIDO, …'),
      vendorName: str('vendor'),
      status: str('ACTIVE, PENDING_ACTIVATION, …'),
      profile: dict('factor details (phone number, device, authenticator name)'),
      created: time('when it was enrolled'),
      lastUpdated: time('when it last changed'),
    },
  },
  {
    name: 'okta.role',
    doc: 'An admin role assignment.',
    defaults: ['label', 'status'],
    fields: {
      id: str('assignment id'),
      type: str('SUPER_ADMIN, ORG_ADMIN, APP_ADMIN, USER_ADMIN, HELP_DESK_ADMIN, READ_ONLY_ADMIN, …, or CUSTOM'),
      label: str('role name'),
      status: str('ACTIVE or INACTIVE'),
      assignmentType: str('USER, GROUP or CLIENT'),
      assigneeId: { type: 'string', doc: 'id of the user, group or client the role is assigned to', from: { json: '_links.assignee.href', transform: idFromHref } },
      group: {
        type: { resource: 'okta.group' },
        doc: 'the group that grants the role (GROUP assignments; null otherwise)',
        from: {
          compute: async (c) => {
            const [kind, id] = await Promise.all([c.field('assignmentType'), c.field('assigneeId')]);
            return kind === 'GROUP' && typeof id === 'string' ? c.read(`/api/v1/groups/${encodeURIComponent(id)}`, { resource: 'okta.group' }) : null;
          },
        },
      },
      created: time('when it was assigned'),
      lastUpdated: time('when it last changed'),
    },
  },
  {
    name: 'okta.group',
    doc: 'A group of users.',
    defaults: ['name'],
    fields: {
      id: str('group id'),
      name: str('group name', 'profile.name'),
      description: str('group description', 'profile.description'),
      type: str('OKTA_GROUP, APP_GROUP or BUILT_IN (Everyone)'),
      profile: dict('profile attributes'),
      created: time('when it was created'),
      lastUpdated: time('when its profile last changed'),
      lastMembershipUpdated: time('when its members last changed'),
      members: { type: { list: { resource: 'okta.user' } }, doc: 'members', from: { read: '/api/v1/groups/{groupId}/users', params: { groupId: 'id' } } },
      roles: { type: { list: { resource: 'okta.role' } }, doc: 'admin roles granted to every member', from: { read: '/api/v1/groups/{groupId}/roles', params: { groupId: 'id' } } },
      owners: { type: { list: { resource: 'okta.group.owner' } }, doc: 'owners responsible for the group', from: { read: '/api/v1/groups/{groupId}/owners', params: { groupId: 'id' } } },
    },
  },
  {
    name: 'okta.group.owner',
    doc: 'An owner of a group.',
    defaults: ['displayName', 'type'],
    fields: {
      id: str('user or group id'),
      type: str('USER or GROUP'),
      displayName: str('name'),
      originType: str('OKTA_DIRECTORY or APPLICATION'),
      resolved: { type: 'bool', doc: 'whether the owner still exists' },
      lastUpdated: time('when it last changed'),
    },
  },
  {
    name: 'okta.groupRule',
    doc: 'A rule that assigns users to groups.',
    defaults: ['name'],
    fields: {
      id: str('rule id'),
      name: str('rule name'),
      status: str('ACTIVE, INACTIVE or INVALID'),
      type: str('group_rule'),
      conditions: dict('who the rule applies to (expression, exclusions)'),
      actions: dict('the groups it assigns'),
    },
  },
];
