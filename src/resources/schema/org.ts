// The root `okta` resource, the organization and its org-wide settings, and `asset`.
import { SECURITY_NOTIFICATIONS_PATH } from '../../okta/endpoints.js';
import { ErrorValue, isResource } from '../../mql/values.js';
import type { FieldSpec, ResourceContext, ResourceSpec } from '../types.js';
import { list, str, time } from './fields.js';

const notification = (key: string, doc: string): FieldSpec => ({ type: 'bool', doc, from: { read: SECURITY_NOTIFICATIONS_PATH, pick: key } });

export const ORG_RESOURCES: ResourceSpec[] = [
  {
    name: 'okta',
    doc: 'The Okta organization being scanned: every collection the scan can read.',
    defaults: ['organization'],
    fields: {
      organization: { type: { resource: 'okta.organization' }, doc: 'the organization and its settings', from: { compute: async (c) => c.make('okta.organization') } },
      users: list('okta.user', '/api/v1/users', 'users (without deprovisioned ones, as Okta lists them)'),
      groups: list('okta.group', '/api/v1/groups', 'groups'),
      groupRules: list('okta.groupRule', '/api/v1/groups/rules', 'group rules'),
      applications: list('okta.application', '/api/v1/apps', 'app integrations'),
      policies: { type: { resource: 'okta.policies' }, doc: 'policies by type', from: { compute: async (c) => c.make('okta.policies') } },
      domains: { type: { list: { resource: 'okta.domain' } }, doc: 'custom domains', from: { read: '/api/v1/domains' } },
      trustedOrigins: list('okta.trustedOrigin', '/api/v1/trustedOrigins', 'trusted origins (CORS and redirect)'),
      networks: list('okta.network', '/api/v1/zones', 'network zones'),
      customRoles: list('okta.customRole', '/api/v1/iam/roles', 'custom admin roles'),
      authenticators: list('okta.authenticator', '/api/v1/authenticators', 'authenticators (Identity Engine)'),
      apiTokens: list('okta.api.token', '/api/v1/api-tokens', 'API token metadata (needs Super Administrator)'),
      identityProviders: list('okta.identityProvider', '/api/v1/idps', 'inbound identity providers'),
      authorizationServers: list('okta.authorizationServer', '/api/v1/authorizationServers', 'custom authorization servers (API Access Management)'),
      logStreams: list('okta.logStream', '/api/v1/logStreams', 'System Log streams to a SIEM'),
      eventHooks: list('okta.eventHook', '/api/v1/eventHooks', 'event hooks'),
      behaviorRules: list('okta.behaviorRule', '/api/v1/behaviors', 'behavior detection rules'),
      deviceAssurancePolicies: list('okta.deviceAssurancePolicy', '/api/v1/device-assurances', 'device assurance policies (Identity Engine)'),
      brands: list('okta.brand', '/api/v1/brands', 'brands and their sign-in pages'),
      admins: {
        type: { list: { resource: 'okta.user' } },
        doc: 'users holding an admin role, directly or through a group (the admin inventory)',
        from: {
          compute: async (c) => {
            const assignees = await c.read('/api/v1/iam/assignees/users', 'dict');
            if (assignees instanceof ErrorValue || !Array.isArray(assignees)) return assignees;
            return Promise.all(assignees.map((a) => c.read(`/api/v1/users/${encodeURIComponent(String((a as { id: unknown }).id))}`, { resource: 'okta.user' })));
          },
        },
      },
      adminGroups: {
        type: { list: { resource: 'okta.group' } },
        doc: "groups that grant an admin role to their members (found through the admins' roles, so a group without members is not listed)",
        from: {
          compute: async (c) => {
            const admins = await c.field('admins');
            if (!Array.isArray(admins)) return admins;
            const roles = await Promise.all(admins.map((a) => (isResource(a) ? a.field('roles') : null)));
            const failed = roles.find((r) => r instanceof ErrorValue);
            if (failed) return failed;
            const ids = new Set<string>();
            for (const list of roles) {
              for (const role of Array.isArray(list) ? list : []) {
                if (!isResource(role) || (await role.field('assignmentType')) !== 'GROUP') continue;
                const id = await role.field('assigneeId');
                if (typeof id === 'string') ids.add(id);
              }
            }
            return Promise.all([...ids].sort().map((id) => c.read(`/api/v1/groups/${encodeURIComponent(id)}`, { resource: 'okta.group' })));
          },
        },
      },
      attackProtection: { type: { resource: 'okta.attackProtection' }, doc: 'attack protection settings', from: { compute: async (c) => c.make('okta.attackProtection') } },
    },
  },
  {
    name: 'okta.organization',
    doc: 'The organization: its profile and org-wide security settings.',
    defaults: ['subdomain', 'companyName', 'status'],
    load: '/api/v1/org',
    fields: {
      id: str('org id'),
      companyName: str('company name'),
      status: str('ACTIVE or INACTIVE'),
      subdomain: str('the org subdomain'),
      address1: str('address line 1'),
      address2: str('address line 2'),
      city: str('city'),
      state: str('state'),
      phoneNumber: str('phone number'),
      postalCode: str('postal code'),
      country: str('country'),
      supportPhoneNumber: str('support phone number'),
      website: str('website'),
      endUserSupportHelpURL: str('end-user support URL'),
      created: time('when the org was created'),
      lastUpdated: time('when the org was last changed'),
      expiresAt: time('when a trial org expires'),
      pipeline: { type: 'string', doc: 'idx (Identity Engine) or v1 (Classic Engine)', from: { read: '/.well-known/okta-organization', pick: 'pipeline' } },
      optOutCommunicationEmails: { type: 'bool', doc: 'users opted out of Okta communication emails', from: { read: '/api/v1/org/privacy/oktaCommunication', pick: 'optOutEmailUsers' } },
      billingContact: {
        type: { resource: 'okta.user' },
        doc: 'the billing contact',
        from: { compute: async (c) => contact(c, 'BILLING') },
      },
      technicalContact: {
        type: { resource: 'okta.user' },
        doc: 'the technical contact',
        from: { compute: async (c) => contact(c, 'TECHNICAL') },
      },
      securityNotificationEmails: { type: 'dict', doc: 'security notification email settings (internal API; needs an API token)', from: { read: SECURITY_NOTIFICATIONS_PATH } },
      sendEmailForNewDeviceEnabled: notification('sendEmailForNewDeviceEnabled', 'users are emailed about sign-ins from new devices'),
      sendEmailForFactorEnrollmentEnabled: notification('sendEmailForFactorEnrollmentEnabled', 'users are emailed when an authenticator is enrolled'),
      sendEmailForFactorResetEnabled: notification('sendEmailForFactorResetEnabled', 'users are emailed when an authenticator is reset'),
      sendEmailForPasswordChangedEnabled: notification('sendEmailForPasswordChangedEnabled', 'users are emailed when their password changes'),
      reportSuspiciousActivityEnabled: notification('reportSuspiciousActivityEnabled', 'users can report suspicious activity from those emails'),
      threatInsightSettings: { type: { resource: 'okta.threatsConfiguration' }, doc: 'ThreatInsight configuration', from: { read: '/api/v1/threats/configuration' } },
      oktaSupportEnabled: {
        type: 'bool',
        doc: 'Okta Support has been granted access to the org (needs Super Administrator)',
        from: { read: '/api/v1/org/privacy/oktaSupport', pick: 'support', transform: (v) => (v === 'ENABLED' ? true : v === 'DISABLED' ? false : null) },
      },
      oktaSupportExpiration: { type: 'time', doc: 'when Okta Support access ends', from: { read: '/api/v1/org/privacy/oktaSupport', pick: 'expiration' } },
      oktaSupportCaseNumber: { type: 'string', doc: 'the support case access was granted for', from: { read: '/api/v1/org/privacy/oktaSupport', pick: 'caseNumber' } },
      superAdminGrantedToNewPublicClients: {
        type: 'bool',
        doc: 'new public client apps get the Super Administrator role by default',
        from: { read: '/api/v1/org/settings/clientPrivilegesSetting', pick: 'clientPrivilegesSetting' },
      },
      thirdPartyAdminEnabled: { type: 'bool', doc: 'admins are third-party admins (no Okta admin emails)', from: { read: '/api/v1/org/orgSettings/thirdPartyAdminSetting', pick: 'thirdPartyAdmin' } },
      autoAssignAdminAppSetting: { type: 'bool', doc: 'new admins are assigned the Admin Console app automatically', from: { read: '/api/v1/org/settings/autoAssignAdminAppSetting', pick: 'autoAssignAdminAppSetting' } },
      captchaEnabledPages: { type: { list: 'string' }, doc: 'pages protected by CAPTCHA (SIGN_IN, SSR, SSPR)', from: { read: '/api/v1/org/captcha', pick: 'enabledPages', transform: (v) => v ?? [] } },
      adminConsoleSettings: { type: { resource: 'okta.adminConsoleSettings' }, doc: 'Admin Console session settings (needs Super Administrator)', from: { read: '/api/v1/first-party-app-settings/admin-console' } },
    },
  },
  {
    name: 'okta.adminConsoleSettings',
    doc: "The Okta Admin Console app's own session limits.",
    defaults: ['sessionIdleTimeoutMinutes', 'sessionMaxLifetimeMinutes'],
    identity: 'sessionIdleTimeoutMinutes',
    fields: {
      sessionIdleTimeoutMinutes: { type: 'int', doc: 'minutes of inactivity before the Admin Console session ends' },
      sessionMaxLifetimeMinutes: { type: 'int', doc: 'maximum Admin Console session lifetime in minutes' },
    },
  },
  {
    name: 'okta.threatsConfiguration',
    doc: 'ThreatInsight: what Okta does with sign-in attempts from suspicious IPs.',
    defaults: ['action'],
    identity: 'action',
    fields: {
      action: str('none (off), audit (log only) or block (log and block)'),
      excludeZones: {
        type: { list: { resource: 'okta.network' } },
        doc: 'network zones ThreatInsight ignores',
        from: {
          compute: async (c) => {
            const ids = await c.read('/api/v1/threats/configuration', { list: 'string' }, 'excludeZones');
            if (!Array.isArray(ids)) return ids;
            return Promise.all(ids.map((id) => c.read(`/api/v1/zones/${encodeURIComponent(String(id))}`, { resource: 'okta.network' })));
          },
        },
      },
      created: time('when it was created'),
      lastUpdated: time('when it was last changed'),
    },
  },
  {
    name: 'okta.attackProtection',
    doc: 'Attack protection settings (user lockout and authenticator checks).',
    defaults: ['preventBruteForceLockoutFromUnknownDevices', 'verifyKnowledgeSecondWhen2faRequired'],
    fields: {
      preventBruteForceLockoutFromUnknownDevices: {
        type: 'bool',
        doc: 'failed sign-ins from unknown devices do not lock the account',
        from: { read: '/attack-protection/api/v1/user-lockout-settings', pick: 'preventBruteForceLockoutFromUnknownDevices' },
      },
      verifyKnowledgeSecondWhen2faRequired: {
        type: 'bool',
        doc: 'with two factors required, the knowledge factor is asked second (Identity Engine)',
        from: { read: '/attack-protection/api/v1/authenticator-settings', pick: 'verifyKnowledgeSecondWhen2faRequired' },
      },
    },
  },
  {
    name: 'asset',
    doc: 'The asset being scanned, as policy filters see it.',
    defaults: ['name', 'platform'],
    fields: {
      name: { type: 'string', doc: 'Okta Organization <org domain>', from: { json: 'name' } },
      platform: { type: 'string', doc: 'okta-org', from: { json: 'platform' } },
      title: { type: 'string', doc: 'Okta Organization', from: { json: 'title' } },
      kind: { type: 'string', doc: 'api', from: { json: 'kind' } },
      runtime: { type: 'string', doc: 'okta', from: { json: 'runtime' } },
      family: { type: { list: 'string' }, doc: '[okta]', from: { json: 'family' } },
    },
  },
];

async function contact(c: ResourceContext, type: string) {
  const userId = await c.read(`/api/v1/org/contacts/${type}`, 'string', 'userId');
  if (typeof userId !== 'string') return userId;
  return c.read(`/api/v1/users/${encodeURIComponent(userId)}`, { resource: 'okta.user' });
}
