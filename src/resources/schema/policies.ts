// Policies of every type and their rules.
import type { FieldSpec, ResourceSpec } from '../types.js';
import { dict, idFromHref, str, time } from './fields.js';


const ofType = (type: string, doc: string): FieldSpec => ({
  type: { list: { resource: 'okta.policy' } },
  doc,
  from: { read: `/api/v1/policies?type=${type}` },
});

export const POLICY_RESOURCES: ResourceSpec[] = [
  {
    name: 'okta.policies',
    doc: 'Policies, one list per type.',
    defaults: [],
    fields: {
      password: ofType('PASSWORD', 'password policies'),
      mfaEnroll: ofType('MFA_ENROLL', 'authenticator (MFA) enrollment policies'),
      signOn: ofType('OKTA_SIGN_ON', 'global session policies (Classic: Okta sign-on policies)'),
      accessPolicy: ofType('ACCESS_POLICY', 'authentication policies of apps (Identity Engine)'),
      profileEnrollment: ofType('PROFILE_ENROLLMENT', 'user profile (self-registration) policies (Identity Engine)'),
      idpDiscovery: ofType('IDP_DISCOVERY', 'identity provider routing rules'),
      oauthAuthorizationPolicy: ofType('OAUTH_AUTHORIZATION_POLICY', 'authorization server policies as a policy type (not available on current orgs)'),
      entityRisk: ofType('ENTITY_RISK', 'entity risk policies (Identity Threat Protection)'),
      postAuthSession: ofType('POST_AUTH_SESSION', 'session protection policies (Identity Threat Protection)'),
      userLifecycle: ofType('USER_LIFECYCLE', 'Workflow automations that act on inactive users'),
    },
  },
  {
    name: 'okta.policy',
    doc: 'A policy.',
    defaults: ['name'],
    fields: {
      id: str('policy id'),
      name: str('policy name'),
      description: str('description'),
      type: str('OKTA_SIGN_ON, PASSWORD, MFA_ENROLL, ACCESS_POLICY, …'),
      priority: { type: 'int', doc: 'evaluation order, 1 first' },
      status: str('ACTIVE or INACTIVE'),
      system: { type: 'bool', doc: 'created by Okta (the default policy)' },
      conditions: dict('who the policy applies to (people.groups.include, authProvider, …)'),
      settings: dict('type-specific settings (password complexity/age/lockout, enrollment authenticators, …)'),
      created: time('when it was created'),
      lastUpdated: time('when it last changed'),
      rules: { type: { list: { resource: 'okta.policyRule' } }, doc: 'rules, in priority order', from: { read: '/api/v1/policies/{policyId}/rules', params: { policyId: 'id' } } },
      applications: {
        type: { list: { resource: 'okta.application' } },
        doc: 'apps that use this policy (authentication policies)',
        from: {
          compute: async (c) => {
            const mappings = await c.read('/api/v1/policies/{policyId}/mappings'.replace('{policyId}', encodeURIComponent(String(await c.field('id')))), 'dict');
            if (!Array.isArray(mappings)) return mappings;
            return Promise.all(
              mappings.map((m) => {
                const href = String((m as { _links?: { application?: { href?: string } } })._links?.application?.href ?? '');
                return c.read(`/api/v1/apps/${encodeURIComponent(idFromHref(href) ?? '')}`, { resource: 'okta.application' });
              }),
            );
          },
        },
      },
    },
  },
  {
    name: 'okta.policyRule',
    doc: 'A rule of a policy.',
    defaults: ['name'],
    fields: {
      id: str('rule id'),
      name: str('rule name'),
      priority: { type: 'int', doc: 'evaluation order' },
      status: str('ACTIVE or INACTIVE'),
      system: { type: 'bool', doc: "Okta's default rule (always last)" },
      type: str('SIGN_ON, PASSWORD, MFA_ENROLL, ACCESS_POLICY, …'),
      actions: dict('what the rule does (signon.session, appSignOn.verificationMethod, passwordChange, …)'),
      conditions: dict('when the rule applies (people, network, platform, …); null for catch-all rules'),
      created: time('when it was created'),
      lastUpdated: time('when it last changed'),
    },
  },
];
