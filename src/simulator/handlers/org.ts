// Org-level settings: the org object, privacy and contact settings, Admin Console and
// attack-protection settings, ThreatInsight, and the internal security-notification settings.
import { SECURITY_NOTIFICATIONS_PATH } from '../../okta/endpoints.js';
import { notFound, oktaError } from '../errors.js';
import { SimError, type Handler } from './types.js';

export const orgHandlers: Record<string, Handler> = {
  '/.well-known/okta-organization': ({ store }) => ({
    id: store.fixture.org.id,
    pipeline: store.fixture.pipeline,
    _links: { organization: { href: store.origin } },
  }),
  '/api/v1/org': ({ store }) => store.fixture.org,
  '/api/v1/org/privacy/oktaSupport': ({ store }) => store.fixture.orgSettings.oktaSupport,
  '/api/v1/org/privacy/oktaCommunication': ({ store }) => store.fixture.orgSettings.oktaCommunication,
  '/api/v1/org/preferences': ({ store }) => store.fixture.orgSettings.preferences,
  '/api/v1/org/contacts': ({ store }) => store.fixture.orgSettings.contacts,
  '/api/v1/org/contacts/{contactType}': ({ store, params }) => {
    const userId = store.fixture.orgSettings.contactUsers[params.contactType!];
    if (!['BILLING', 'TECHNICAL'].includes(params.contactType!)) {
      throw new SimError(oktaError('E0000001', 'contactType', ['contactType: must be BILLING or TECHNICAL']));
    }
    if (!userId) throw new SimError(notFound(params.contactType!, 'OrgContactUser'));
    return { userId, _links: { user: { href: `${store.origin}/api/v1/users/${userId}` } } };
  },
  '/api/v1/org/orgSettings/thirdPartyAdminSetting': ({ store }) => store.fixture.orgSettings.thirdPartyAdmin,
  '/api/v1/org/settings/autoAssignAdminAppSetting': ({ store }) => store.fixture.orgSettings.autoAssignAdminApp,
  '/api/v1/org/settings/clientPrivilegesSetting': ({ store }) => store.fixture.orgSettings.clientPrivileges,
  '/api/v1/org/captcha': ({ store }) => store.fixture.orgSettings.captcha,
  '/attack-protection/api/v1/user-lockout-settings': ({ store }) => store.fixture.orgSettings.userLockout,
  '/attack-protection/api/v1/authenticator-settings': ({ store }) => store.fixture.orgSettings.authenticatorSettings,
  '/api/v1/first-party-app-settings/{appName}': ({ store, params }) => {
    if (params.appName !== 'admin-console') throw new SimError(notFound(params.appName!, 'FirstPartyApp'));
    return store.fixture.orgSettings.adminConsole;
  },
  [SECURITY_NOTIFICATIONS_PATH]: ({ store }) => store.fixture.orgSettings.securityNotifications,
  '/api/v1/threats/configuration': ({ store }) => store.fixture.threatInsight,
};
