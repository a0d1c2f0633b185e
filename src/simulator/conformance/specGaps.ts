// Where Okta's OpenAPI spec and what Okta actually serves part ways. Each entry is explicit and
// carries its reason; validation is never loosened as a whole.
import type { Schema, SchemaSet } from './schemaValidator.js';

/** Schemas for what Okta serves but the spec does not describe. */
export const ADDED_SCHEMAS: SchemaSet = {
  // Okta's older Policy API page: "Policy Factors Configuration object" and "Policy MFA Factor object".
  ClassicFactorEnrollmentSettings: {
    type: 'object',
    properties: Object.fromEntries(
      [
        'duo', 'fido_u2f', 'fido_webauthn', 'google_otp', 'okta_call', 'okta_email', 'okta_otp', 'okta_password', 'okta_push',
        'okta_question', 'okta_sms', 'rsa_token', 'symantec_vip', 'yubikey_token',
      ].map((key) => [key, { $ref: '#/components/schemas/ClassicFactorEnrollment' }]),
    ),
  },
  ClassicFactorEnrollment: {
    type: 'object',
    properties: {
      enroll: { type: 'object', properties: { self: { $ref: '#/components/schemas/AuthenticatorEnrollmentPolicyAuthenticatorStatus' } } },
      consent: {
        type: 'object',
        properties: {
          type: { type: 'string', enum: ['NONE', 'TERMS_OF_SERVICE'] },
          terms: { type: 'object', properties: { format: { type: 'string', enum: ['TEXT', 'RTF', 'MARKDOWN', 'URL'] }, value: { type: 'string' } } },
        },
      },
    },
  },
  SecurityNotificationSettings: {
    type: 'object',
    properties: {
      sendEmailForNewDeviceEnabled: { type: 'boolean' },
      sendEmailForFactorEnrollmentEnabled: { type: 'boolean' },
      sendEmailForFactorResetEnabled: { type: 'boolean' },
      sendEmailForPasswordChangedEnabled: { type: 'boolean' },
      reportSuspiciousActivityEnabled: { type: 'boolean' },
    },
    required: [
      'sendEmailForNewDeviceEnabled',
      'sendEmailForFactorEnrollmentEnabled',
      'sendEmailForFactorResetEnabled',
      'sendEmailForPasswordChangedEnabled',
      'reportSuspiciousActivityEnabled',
    ],
  },
  UserLifecyclePolicy: {
    allOf: [
      { $ref: '#/components/schemas/Policy' },
      { type: 'object', properties: { conditions: { nullable: true, type: 'object' } } },
    ],
  },
  UserLifecyclePolicyRule: {
    allOf: [
      { $ref: '#/components/schemas/PolicyRule' },
      {
        type: 'object',
        properties: {
          conditions: {
            type: 'object',
            properties: {
              people: {
                type: 'object',
                properties: {
                  users: { $ref: '#/components/schemas/UserPolicyRuleCondition' },
                  groups: { $ref: '#/components/schemas/GroupCondition' },
                },
              },
            },
          },
          actions: {
            type: 'object',
            properties: { userLifecycle: { $ref: '#/components/schemas/ScheduledUserLifecycleAction' } },
          },
        },
      },
    ],
  },
};

/**
 * Properties Okta serves on an object the spec describes but whose schema leaves them out. Unlike a
 * known gap, the property is still validated: against `target`, added to the spec's schema `schema`.
 */
export interface AddedProperty {
  readonly id: string;
  readonly reason: string;
  readonly schema: string;
  readonly property: string;
  readonly target: Schema;
}

export const ADDED_PROPERTIES: readonly AddedProperty[] = [
  {
    id: 'classic-factor-enrollment',
    reason:
      'Classic Engine MFA enrollment policies (and migrated ones not yet converted to authenticators) hold settings.factors; ' +
      "the spec allows settings.type FACTORS but declares only authenticators (the factors object is on Okta's older Policy API page)",
    schema: 'AuthenticatorEnrollmentPolicySettings',
    property: 'factors',
    target: { $ref: '#/components/schemas/ClassicFactorEnrollmentSettings' },
  },
];

/** Response schemas for endpoints the spec does not describe, by endpoint path. */
export const ADDED_RESPONSES: Record<string, Schema> = {
  '/api/internal/org/settings/security-notification-settings': {
    $ref: '#/components/schemas/SecurityNotificationSettings',
  },
};

/** Discriminator tags to add wherever the spec maps the policy (or rule) types. */
export const ADDED_DISCRIMINATOR_TAGS: ReadonlyArray<{ whereMapped: string; tag: string; target: string }> = [
  { whereMapped: '#/components/schemas/PasswordPolicy', tag: 'USER_LIFECYCLE', target: '#/components/schemas/UserLifecyclePolicy' },
  { whereMapped: '#/components/schemas/PasswordPolicyRule', tag: 'USER_LIFECYCLE', target: '#/components/schemas/UserLifecyclePolicyRule' },
];

export interface KnownGap {
  readonly id: string;
  readonly reason: string;
  /** Endpoint paths it applies to; absent = any. */
  readonly endpoints?: RegExp;
  readonly path: RegExp;
  readonly message: RegExp;
}

export const KNOWN_GAPS: readonly KnownGap[] = [
  {
    id: 'first-party-app-names',
    reason:
      "Okta's own Admin Console and Dashboard are OPENID_CONNECT apps named saasure and okta_enduser; the OIDC schema's name enum allows only oidc_client",
    path: /\.name$/,
    message: /^"(saasure|okta_enduser)" is not one of "oidc_client"$/,
  },
  {
    id: 'api-token-window',
    reason: 'the TimeDuration pattern on ApiToken.tokenWindow matches no duration; Okta returns values such as P30D',
    path: /\.tokenWindow$/,
    message: /does not match the pattern/,
  },
  {
    id: 'api-token-links',
    reason: 'the ApiToken and BehaviorRule schemas name their HAL links "_link"; Okta (and the spec\'s own examples) use "_links"',
    endpoints: /^\/api\/v1\/(api-tokens|behaviors)/,
    path: /^\$(\[\d+\])?$/,
    message: /^has the property "_links", which the schema does not declare$/,
  },
  {
    id: 'catch-all-rule-conditions',
    reason: 'an ACCESS_POLICY catch-all rule has "conditions": null (Okta\'s own example shows it); the rule schema types conditions as an object',
    endpoints: /^\/api\/v1\/policies\/\{policyId\}\/rules$/,
    path: /\.conditions$/,
    message: /^is null/,
  },
  {
    id: 'user-lifecycle-type',
    reason: 'Workflow › Automations are served as USER_LIFECYCLE policies and rules; the spec leaves the type out of its enums',
    endpoints: /^\/api\/v1\/policies/,
    path: /\.type$/,
    message: /^"USER_LIFECYCLE" is not one of/,
  },
  {
    id: 'idp-discovery-okta-provider',
    reason: "every org's default IdP routing rule sends users to Okta itself ({ type: OKTA }); the provider-type enum leaves OKTA out",
    endpoints: /^\/api\/v1\/policies\/\{policyId\}\/rules$/,
    path: /\.actions\.idp\.providers\[\d+\]\.type$/,
    message: /^"OKTA" is not one of/,
  },
  {
    id: 'fastpass-factor',
    reason: 'Okta FastPass enrollments list as factorType signed_nonce; the factor list maps every factor type but that one',
    endpoints: /^\/api\/v1\/users\/\{userId\}\/factors$/,
    path: /\.factorType$/,
    message: /^"signed_nonce" is not one of/,
  },
  {
    id: 'ec-key-curve',
    reason: 'the EC client-key schema declares x and y but not crv, without which an EC public key is incomplete (RFC 7518 6.2.1.1)',
    path: /\.jwks\.keys\[\d+\]$/,
    message: /^has the property "crv", which the schema does not declare$/,
  },
  {
    id: 'splunk-token-write-only',
    reason: 'the Splunk HEC token is set when a log stream is created and never returned, though the schema marks it required',
    endpoints: /^\/api\/v1\/logStreams$/,
    path: /\.settings$/,
    message: /^is missing the required property "token"$/,
  },
  {
    id: 'log-stream-event-source',
    reason: "the AwsEventSourceName pattern ^[a-zA-Z0-9.\\-_]$ admits a single character; real names are longer",
    path: /\.settings\.eventSourceName$/,
    message: /does not match the pattern/,
  },
];

export function matchingGap(endpoint: string, path: string, message: string): KnownGap | undefined {
  return KNOWN_GAPS.find(
    (g) => (!g.endpoints || g.endpoints.test(endpoint)) && g.path.test(path) && g.message.test(message),
  );
}
