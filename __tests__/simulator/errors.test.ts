// Okta's error answers, each with its status, error code and body shape, over real sockets.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OrgFixture } from '../../src/simulator/fixture/format.js';
import { startSimulator, type RunningSimulator } from '../../src/simulator/index.js';
import { freshOrg } from '../../src/simulator/orgs/fresh.js';
import { get, ssws } from '../helpers/http.js';

const now = new Date('2026-12-04T12:00:00.000Z');

function orgWith(change: (f: OrgFixture, ids: { admin: string; auditor: string; nobody: string }) => void): OrgFixture {
  const { b, adminId } = freshOrg({
    key: 'errors', name: 'errors', description: 'error cases', companyName: 'Errors Inc', emailDomain: 'errors.example',
    admin: { key: 'admin', firstName: 'Ada', lastName: 'Admin' }, now, token: 'super-admin-token',
  });
  const auditor = String(b.addUser({ key: 'auditor', firstName: 'Rita', lastName: 'Reader' }).id);
  const nobody = String(b.addUser({ key: 'nobody', firstName: 'Noah', lastName: 'Body' }).id);
  b.assignUserRole(auditor, 'READ_ONLY_ADMIN');
  b.fixture.credentials.apiTokens.push({ value: 'read-only-token', userId: auditor }, { value: 'no-role-token', userId: nobody });
  change(b.fixture, { admin: adminId, auditor, nobody });
  return b.fixture;
}

const expectOktaError = (r: { status: number; json: any }, status: number, code: string) => {
  expect(r.status).toBe(status);
  expect(r.json).toMatchObject({ errorCode: code, errorLink: code, errorCauses: expect.any(Array) });
  expect(r.json.errorSummary).toEqual(expect.any(String));
  expect(r.json.errorId).toMatch(/^oae/);
};

describe('authentication and permission errors', () => {
  let sim: RunningSimulator;
  beforeAll(async () => {
    sim = await startSimulator({ fixture: orgWith(() => {}) });
  });
  afterAll(() => sim.close());

  it('401 E0000011 for an unknown token', async () => {
    expectOktaError(await get(`${sim.url}/api/v1/users`, ssws('not-a-real-token')), 401, 'E0000011');
  });

  it('403 E0000005 for a missing or malformed Authorization header', async () => {
    const cases: Record<string, string>[] = [{}, { authorization: 'super-admin-token' }, { authorization: 'Basic dXNlcjpwYXNz' }, { authorization: 'SSWS' }];
    for (const headers of cases) {
      const r = await get(`${sim.url}/api/v1/users`, headers);
      expect(r.status, JSON.stringify(headers)).toBe(403);
      expect(r.json.errorCode).toBe('E0000005');
    }
  });

  it('403 E0000006 when a Read-Only Admin reads Super-Admin-only settings, while the rest stays readable', async () => {
    for (const path of ['/api/v1/org/privacy/oktaSupport', '/api/v1/api-tokens', '/api/v1/first-party-app-settings/admin-console', '/api/internal/org/settings/security-notification-settings']) {
      expectOktaError(await get(sim.url + path, ssws('read-only-token')), 403, 'E0000006');
    }
    for (const path of ['/api/v1/users', '/api/v1/policies?type=PASSWORD', '/api/v1/org', '/api/v1/threats/configuration']) {
      expect((await get(sim.url + path, ssws('read-only-token'))).status, path).toBe(200);
    }
    expect((await get(`${sim.url}/api/v1/org/privacy/oktaSupport`, ssws('super-admin-token'))).status).toBe(200);
  });

  it('403 E0000006 for a token whose owner holds no admin role', async () => {
    expectOktaError(await get(`${sim.url}/api/v1/users`, ssws('no-role-token')), 403, 'E0000006');
  });

  it('404 E0000007 for unknown ids and paths, naming the resource', async () => {
    const unknownUser = await get(`${sim.url}/api/v1/users/00uNOPE/factors`, ssws(sim.token));
    expectOktaError(unknownUser, 404, 'E0000007');
    expect(unknownUser.json.errorSummary).toBe('Not found: Resource not found: 00uNOPE (User)');
    expectOktaError(await get(`${sim.url}/api/v1/apps/0oaNOPE/users`, ssws(sim.token)), 404, 'E0000007');
    expectOktaError(await get(`${sim.url}/api/v1/nothing-here`, ssws(sim.token)), 404, 'E0000007');
  });

  it('400 E0000001 for a missing or unknown policy type', async () => {
    expectOktaError(await get(`${sim.url}/api/v1/policies`, ssws(sim.token)), 400, 'E0000001');
    const bad = await get(`${sim.url}/api/v1/policies?type=NOT_A_TYPE`, ssws(sim.token));
    expectOktaError(bad, 400, 'E0000001');
    expect(bad.json.errorCauses[0].errorSummary).toMatch(/Invalid policy type/);
  });

  it('405 E0000022 for a method the endpoint does not support', async () => {
    const res = await fetch(`${sim.url}/api/v1/users`, { method: 'DELETE', headers: ssws(sim.token) });
    expect(res.status).toBe(405);
    expect(((await res.json()) as { errorCode: string }).errorCode).toBe('E0000022');
  });
});

describe('features the org lacks', () => {
  it('401 E0000015 for API Access Management and log streaming when not licensed', async () => {
    const sim = await startSimulator({ fixture: orgWith((f) => (f.features = [])) });
    try {
      for (const path of ['/api/v1/authorizationServers', '/api/v1/logStreams', '/api/v1/device-assurances']) {
        expectOktaError(await get(sim.url + path, ssws(sim.token)), 401, 'E0000015');
      }
      expect((await get(`${sim.url}/api/v1/authenticators`, ssws(sim.token))).status).toBe(200);
    } finally {
      await sim.close();
    }
  });

  it('on a Classic org: no authenticators API, and Identity-Engine policy types are invalid', async () => {
    const sim = await startSimulator({ fixture: orgWith((f) => (f.pipeline = 'v1')) });
    try {
      expectOktaError(await get(`${sim.url}/api/v1/authenticators`, ssws(sim.token)), 401, 'E0000015');
      expectOktaError(await get(`${sim.url}/api/v1/policies?type=ACCESS_POLICY`, ssws(sim.token)), 400, 'E0000001');
      expect((await get(`${sim.url}/api/v1/policies?type=OKTA_SIGN_ON`, ssws(sim.token))).status).toBe(200);
      expect((await get(`${sim.url}/.well-known/okta-organization`)).json.pipeline).toBe('v1');
    } finally {
      await sim.close();
    }
  });
});
