// Every answer of every built-in org must validate against Okta's official OpenAPI spec; the
// only exceptions are the named spec gaps, and each of those must still be needed.
import { generateKeyPairSync } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publicJwk } from '../../src/jose/jwk.js';
import { ENDPOINTS } from '../../src/okta/endpoints.js';
import { extractSchemas, type SchemaBundle } from '../../src/simulator/conformance/extractSchemas.js';
import { SchemaValidator } from '../../src/simulator/conformance/schemaValidator.js';
import { ADDED_PROPERTIES, KNOWN_GAPS, matchingGap } from '../../src/simulator/conformance/specGaps.js';
import { describeProblem, sweepOrg, type SweepResult } from '../../src/simulator/conformance/sweep.js';
import { startSimulator, type RunningSimulator } from '../../src/simulator/index.js';
import { buildOrg } from '../../src/simulator/orgs/index.js';
import type { OrgFixture } from '../../src/simulator/fixture/format.js';
import { OrgStore } from '../../src/simulator/store.js';
import { get, ssws } from '../helpers/http.js';
import { loadOktaSpec } from '../helpers/spec.js';

const BUNDLE_PATH = resolve(import.meta.dirname, '../../src/simulator/conformance/oktaSchemas.json');
const now = new Date('2026-12-04T12:00:00.000Z');
const { publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
const scannerKey = { publicJwk: { ...publicJwk(publicKey), kid: 'test-key' } };
const ORGS = ['demo', 'hardened', 'empty', 'large', 'classic'] as const;

let spec: SchemaBundle;
const results = new Map<string, SweepResult>();
const fixtures = new Map<string, OrgFixture>();

beforeAll(() => {
  spec = extractSchemas(loadOktaSpec());
  for (const name of ORGS) {
    const fixture = buildOrg(name, { now, token: 'token', scannerKey, users: 3000 });
    fixtures.set(name, fixture);
    results.set(name, sweepOrg(new OrgStore(fixture, 'http://127.0.0.1:1'), spec, { sampleEvery: name === 'large' ? 25 : 1 }));
  }
});

describe('conformance with Okta OpenAPI spec', () => {
  it('ships the response schemas exactly as cut from the spec', () => {
    const fresh = JSON.stringify(spec) + '\n';
    if (process.env.UPDATE_OKTA_SCHEMAS === '1') writeFileSync(BUNDLE_PATH, fresh);
    expect(readFileSync(BUNDLE_PATH, 'utf8'), 'run with UPDATE_OKTA_SCHEMAS=1 to refresh oktaSchemas.json').toBe(fresh);
  });

  it.each(ORGS)('the %s org answers every endpoint as the spec describes', (name) => {
    const result = results.get(name)!;
    expect(result.requests).toBeGreaterThan(100);
    expect(result.problems.map(describeProblem)).toEqual([]);
  });

  it('needs every listed spec gap somewhere, so the list cannot go stale', () => {
    const used = new Set([...results.values()].flatMap((r) => [...r.gapsUsed.keys()].map((g) => g.id)));
    expect(KNOWN_GAPS.map((g) => g.id).filter((id) => !used.has(id))).toEqual([]);
  });

  it('needs every property added to a spec schema: without it the spec rejects what some org serves', () => {
    const bare = extractSchemas(loadOktaSpec(), { addedProperties: false });
    const rejected = new Set(
      ORGS.filter((name) => name !== 'large').flatMap((name) =>
        sweepOrg(new OrgStore(fixtures.get(name)!, 'http://127.0.0.1:1'), bare).problems.map((p) => p.message),
      ),
    );
    expect(ADDED_PROPERTIES.filter((a) => !rejected.has(`has the property "${a.property}", which the schema does not declare`)).map((a) => a.id)).toEqual([]);
  });

  it('serves data on every catalogued endpoint in at least one org', () => {
    const covered = new Set([...results.values()].flatMap((r) => [...r.covered]));
    expect(ENDPOINTS.map((e) => e.path).filter((p) => !covered.has(p))).toEqual([]);
  });
});

describe('the validator catches what a careless fixture gets wrong', () => {
  const fixture = () => buildOrg('demo', { now, token: 'token', scannerKey });
  const problemsOf = (mutate: (f: ReturnType<typeof fixture>) => void) => {
    const f = fixture();
    mutate(f);
    return sweepOrg(new OrgStore(f, 'http://127.0.0.1:1'), spec).problems.map(describeProblem);
  };

  it('an enum value Okta never returns', () => {
    expect(problemsOf((f) => (f.users[1]!.status = 'ENABLED'))).toContainEqual(expect.stringMatching(/status: "ENABLED" is not one of/));
  });

  it('a misspelt property', () => {
    const problems = problemsOf((f) => {
      f.trustedOrigins[0]!.lastedUpdated = f.trustedOrigins[0]!.lastUpdated;
    });
    expect(problems).toContainEqual(expect.stringMatching(/has the property "lastedUpdated", which the schema does not declare/));
  });

  it('a number written as a string inside policy settings', () => {
    const problems = problemsOf((f) => {
      const pw = f.policies.find((p) => p.type === 'PASSWORD')!;
      ((pw.settings as any).password.complexity as any).minLength = '15';
    });
    expect(problems).toContainEqual(expect.stringMatching(/complexity\.minLength: expected integer, got string/));
  });

  it('an unknown discriminator value', () => {
    expect(problemsOf((f) => (f.zones[0]!.type = 'GEO'))).toContainEqual(expect.stringMatching(/\.type: "GEO" is not one of IP, DYNAMIC, DYNAMIC_V2/));
  });

  it('a date that is not ISO 8601', () => {
    expect(problemsOf((f) => (f.apps[0]!.created = 'yesterday'))).toContainEqual(expect.stringMatching(/created: "yesterday" is not an ISO 8601 date-time/));
  });

  it('a gap excuses only its own case', () => {
    expect(matchingGap('/api/v1/apps', '$[0].name', '"saasure" is not one of "oidc_client"')?.id).toBe('first-party-app-names');
    expect(matchingGap('/api/v1/apps', '$[0].name', '"my_app" is not one of "oidc_client"')).toBeUndefined();
  });

  it('checks nullable, allOf inheritance and Java-style case-insensitive patterns', () => {
    const v = new SchemaValidator({
      Base: { type: 'object', properties: { id: { type: 'string' } }, required: ['id'] },
      Child: { allOf: [{ $ref: '#/components/schemas/Base' }, { type: 'object', properties: { code: { type: 'string', pattern: '(?i)^ab$' }, note: { type: 'string', nullable: true } } }] },
    });
    const child = { $ref: '#/components/schemas/Child' };
    expect(v.validate({ id: 'x', code: 'AB', note: null }, child)).toEqual([]);
    expect(v.validate({ code: 'ac', extra: 1 }, child).map((p) => p.message)).toEqual([
      'is missing the required property "id"',
      '"ac" does not match the pattern (?i)^ab$',
      'has the property "extra", which the schema does not declare',
    ]);
  });
});

describe('conformance over the wire', () => {
  let sim: RunningSimulator;
  beforeAll(async () => {
    sim = await startSimulator({ org: 'demo', now });
  });
  afterAll(() => sim.close());

  it('answers the first page of every endpoint in the spec shape, with absolute links', async () => {
    const validator = new SchemaValidator(spec.schemas);
    const f = sim.fixture;
    const fill: Record<string, string> = {
      id: String(f.users[0]!.id), userId: String(f.users[0]!.id), contactType: 'TECHNICAL', appName: 'admin-console',
      groupId: String(f.groups[0]!.id), appId: String(f.apps[0]!.id), clientId: String((f.apps[0]!.credentials as any).oauthClient.client_id),
      policyId: String(f.policies[0]!.id), authenticatorId: String(f.authenticators[0]!.id), zoneId: String(f.zones[0]!.id),
      idpId: String(f.idps[0]!.id), authServerId: 'default', roleIdOrLabel: String(f.customRoles[0]!.id), brandId: String(f.brands[0]!.id),
    };
    let checked = 0;
    for (const endpoint of ENDPOINTS) {
      let path = endpoint.path.replace(/\{(\w+)\}/g, (_, name: string) => fill[name]!);
      if (endpoint.path === '/api/v1/policies') path += '?type=PASSWORD';
      if (endpoint.path.endsWith('/policies/{policyId}/rules') && endpoint.path.includes('authorizationServers')) {
        path = path.replace(fill.policyId!, String(f.authServerPolicies.default![0]!.id));
      }
      if (endpoint.path.endsWith('/sign-in/customized')) continue; // the demo brand has no customized page
      const r = await get(sim.url + path, ssws(sim.token));
      expect(r.status, `GET ${path}: ${r.text}`).toBe(200);
      const problems = validator
        .validate(r.json, spec.responses[endpoint.path]!)
        .filter((p) => !matchingGap(endpoint.path, p.path, p.message));
      expect(problems, path).toEqual([]);
      expect(r.text).not.toMatch(/"href":"\//);
      checked++;
    }
    expect(checked).toBe(ENDPOINTS.length - 1);
  });
});
