// The `classic` org: an Okta Classic Engine org served over a real socket. Every assertion here
// fails on an Identity Engine org (demo, hardened, empty), which serves the IE shapes instead.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FixtureError } from '../../src/simulator/fixture/format.js';
import { parseFixture } from '../../src/simulator/fixture/load.js';
import { startSimulator, type RunningSimulator } from '../../src/simulator/index.js';
import { CLASSIC_MISCONFIGURATIONS } from '../../src/simulator/orgs/classic.js';
import { get, readAll, ssws } from '../helpers/http.js';

const now = new Date('2026-12-04T12:00:00.000Z');

const expectOktaError = (r: { status: number; json: any }, status: number, code: string) => {
  expect(r.status, JSON.stringify(r.json)).toBe(status);
  expect(r.json).toMatchObject({ errorCode: code, errorLink: code, errorCauses: expect.any(Array) });
};

describe('the classic org (Okta Classic Engine)', () => {
  let sim: RunningSimulator;
  const read = async (path: string) => {
    const r = await get(sim.url + path, ssws(sim.token));
    expect(r.status, `GET ${path}: ${r.text}`).toBe(200);
    return r.json;
  };

  beforeAll(async () => {
    sim = await startSimulator({ org: 'classic', now });
  });
  afterAll(() => sim.close());

  it('reports pipeline v1 in the unauthenticated well-known document, for the org the API serves', async () => {
    const wellKnown = await get(`${sim.url}/.well-known/okta-organization`);
    expect(wellKnown.status).toBe(200);
    expect(wellKnown.json.pipeline).toBe('v1');
    const org = await read('/api/v1/org');
    expect(wellKnown.json.id).toBe(org.id);
    expect(org.companyName).toBe('Brackwater Freight Logistics');
    expect(sim.orgName).toBe('classic');
    expect(sim.serviceApp).toBeUndefined();
  });

  it('answers the Identity-Engine-only APIs as Okta does on Classic: 401 E0000015', async () => {
    for (const path of ['/api/v1/authenticators', '/api/v1/org/captcha', '/attack-protection/api/v1/authenticator-settings', '/api/v1/device-assurances']) {
      expectOktaError(await get(sim.url + path, ssws(sim.token)), 401, 'E0000015');
    }
  });

  it('refuses Identity Engine policy types as invalid, and serves the Classic ones', async () => {
    for (const type of ['ACCESS_POLICY', 'PROFILE_ENROLLMENT', 'POST_AUTH_SESSION']) {
      const r = await get(`${sim.url}/api/v1/policies?type=${type}`, ssws(sim.token));
      expectOktaError(r, 400, 'E0000001');
      expect(r.json.errorCauses[0].errorSummary).toBe(`type: Invalid policy type: ${type}`);
    }
    for (const type of ['OKTA_SIGN_ON', 'PASSWORD', 'MFA_ENROLL', 'IDP_DISCOVERY']) {
      const policies = await read(`/api/v1/policies?type=${type}`);
      expect(policies.length, type).toBeGreaterThan(0);
      expect(policies.filter((p: any) => p.system)).toHaveLength(1);
    }
  });

  it('lists factors, not authenticators, in every MFA enrollment policy', async () => {
    const policies = await read('/api/v1/policies?type=MFA_ENROLL');
    expect(policies.map((p: any) => p.name)).toEqual(['IT staff', 'Default Policy']);
    for (const p of policies) {
      expect(p.settings.type).toBe('FACTORS');
      expect(p.settings.authenticators).toBeUndefined();
      for (const factor of Object.values(p.settings.factors) as any[]) {
        expect(factor).toEqual({ enroll: { self: expect.stringMatching(/^(REQUIRED|OPTIONAL|NOT_ALLOWED)$/) }, consent: { type: 'NONE' } });
      }
    }
    const [it, everyone] = policies;
    expect(it.settings.factors.okta_push.enroll.self).toBe('REQUIRED');
    expect(everyone.settings.factors).toMatchObject({
      okta_sms: { enroll: { self: 'OPTIONAL' } },
      okta_question: { enroll: { self: 'OPTIONAL' } },
      okta_otp: { enroll: { self: 'OPTIONAL' } },
    });
    expect(Object.values(everyone.settings.factors).some((f: any) => f.enroll.self === 'REQUIRED')).toBe(false);
    const rules = await Promise.all(policies.map((p: any) => read(`/api/v1/policies/${p.id}/rules`)));
    expect(rules.map((list: any[]) => list.map((r) => [r.type, r.actions.enroll.self]))).toEqual([
      [['MFA_ENROLL', 'LOGIN']],
      [['MFA_ENROLL', 'CHALLENGE']],
    ]);
  });

  it('puts the MFA requirement and session lifetime in the Okta sign-on policy rules, without primaryFactor', async () => {
    const policies = await read('/api/v1/policies?type=OKTA_SIGN_ON');
    const rules = (await Promise.all(policies.map((p: any) => read(`/api/v1/policies/${p.id}/rules`)))).flat();
    for (const rule of rules) {
      expect(rule.type).toBe('SIGN_ON');
      expect(Object.keys(rule.actions.signon).sort()).toEqual(
        ['access', 'factorLifetime', 'factorPromptMode', 'rememberDeviceByDefault', 'requireFactor', 'session'],
      );
      expect(rule.conditions.identityProvider).toBeUndefined();
    }
    expect(rules.find((r: any) => r.name === 'MFA every sign-in').actions.signon).toMatchObject({ requireFactor: true, factorPromptMode: 'ALWAYS' });
    expect(rules.find((r: any) => r.name === 'Depot and office staff').actions.signon).toMatchObject({
      requireFactor: false,
      session: { maxSessionIdleMinutes: 720, maxSessionLifetimeMinutes: 0, usePersistentCookie: true },
    });
  });

  it('serves password rules without Identity Engine authenticator requirements', async () => {
    const [policy] = await read('/api/v1/policies?type=PASSWORD');
    expect(policy.settings.recovery.factors).toMatchObject({ okta_sms: { status: 'ACTIVE' }, recovery_question: { status: 'ACTIVE' } });
    const [rule] = await read(`/api/v1/policies/${policy.id}/rules`);
    expect(rule.actions.selfServicePasswordReset).toEqual({ access: 'ALLOW' });
  });

  it("has Okta's own apps but no app carries an authentication policy link", async () => {
    const { items: apps } = await readAll(`${sim.url}/api/v1/apps`, sim.token);
    expect(apps.map((a) => a.name)).toEqual(expect.arrayContaining(['saasure', 'okta_enduser', 'template_swa']));
    expect(apps.filter((a) => a.signOnMode === 'SAML_2_0')).toHaveLength(2);
    expect(apps.filter((a) => a._links.accessPolicy)).toEqual([]);
  });

  it('enrolls users in Classic factors only: Okta Verify push with its OKTA TOTP code, SMS, questions, …', async () => {
    const { items: users } = await readAll(`${sim.url}/api/v1/users`, sim.token);
    const factors = (await Promise.all(users.map((u) => read(`/api/v1/users/${u.id}/factors`)))).flat();
    const kinds = new Set(factors.map((f: any) => `${f.factorType}/${f.provider}`));
    expect([...kinds].sort()).toEqual([
      'call/OKTA', 'email/OKTA', 'push/OKTA', 'question/OKTA', 'sms/OKTA', 'token:software:totp/GOOGLE', 'token:software:totp/OKTA', 'webauthn/FIDO',
    ]);
    const beth = users.find((u) => u.profile.firstName === 'Beth');
    expect(await read(`/api/v1/users/${beth.id}/factors`)).toEqual([]);
  });

  it('keeps the Classic org settings a scan reads: ThreatInsight audit, system zones, notification emails, a super-admin token', async () => {
    expect((await read('/api/v1/threats/configuration')).action).toBe('audit');
    const zones = await read('/api/v1/zones');
    expect(zones.filter((z: any) => z.system).map((z: any) => z.name).sort()).toEqual(['BlockedIpZone', 'DefaultEnhancedDynamicZone', 'LegacyIpZone']);
    expect(await read('/api/internal/org/settings/security-notification-settings')).toMatchObject({
      sendEmailForNewDeviceEnabled: true,
      sendEmailForFactorResetEnabled: false,
      reportSuspiciousActivityEnabled: false,
    });
    expect(await read('/api/v1/api-tokens')).toHaveLength(2);
    const roles = await read(`/api/v1/users/${sim.fixture.credentials.apiTokens[0]!.userId}/roles`);
    expect(roles.map((r: any) => r.type)).toContain('SUPER_ADMIN');
    expect(CLASSIC_MISCONFIGURATIONS.length).toBeGreaterThan(5);
  });
});

describe('the classic org as a fixture file', () => {
  it('loads and validates against the bundled schemas, factor settings included', async () => {
    const sim = await startSimulator({ org: 'classic', now });
    const json = JSON.stringify(sim.fixture);
    await sim.close();
    expect(parseFixture(json, 'classic.json').pipeline).toBe('v1');

    const broken = JSON.parse(json);
    const mfa = broken.policies.find((p: any) => p.type === 'MFA_ENROLL' && p.system);
    mfa.settings.factors.okta_sms.enroll.self = 'ALWAYS';
    mfa.settings.factors.okta_sms.consnet = { type: 'NONE' };
    let problems: readonly string[] = [];
    try {
      parseFixture(JSON.stringify(broken), 'classic.json');
    } catch (error) {
      if (!(error instanceof FixtureError)) throw error;
      problems = error.problems;
    }
    expect(problems).toContainEqual(expect.stringMatching(/settings\.factors\.okta_sms\.enroll\.self: "ALWAYS" is not one of "NOT_ALLOWED", "OPTIONAL", "REQUIRED"$/));
    expect(problems).toContainEqual(expect.stringMatching(/settings\.factors\.okta_sms: has the property "consnet", which the schema does not declare$/));
  });
});
