// Requests, in process, everything an org serves (every endpoint, for every id it holds) and
// validates each answer against the endpoint's response schema. Used on fixture files at load
// time and, against the full OpenAPI spec, by the conformance tests.
import { ENDPOINTS, POLICY_TYPES, type Endpoint } from '../../okta/endpoints.js';
import type { OktaObject } from '../fixture/format.js';
import { SimError } from '../handlers/types.js';
import { shapeResponse } from '../respond.js';
import { handlerFor } from '../routes.js';
import type { OrgStore } from '../store.js';
import { SchemaValidator, type Schema, type SchemaSet } from './schemaValidator.js';
import { matchingGap, type KnownGap } from './specGaps.js';

export interface SweepProblem {
  /** The request, e.g. `GET /api/v1/users/00u…/factors`. */
  request: string;
  endpoint: string;
  path: string;
  message: string;
}

export interface SweepResult {
  /** Requests made and validated. */
  requests: number;
  problems: SweepProblem[];
  /** Known spec gaps that excused a problem, with how often. */
  gapsUsed: Map<KnownGap, number>;
  /** Endpoints that answered with data at least once. */
  covered: Set<string>;
}

const ids = (list: readonly OktaObject[]) => list.map((o) => String(o.id));

/** The concrete requests (path and query) that exercise `endpoint` on this org. */
function requestsFor(endpoint: Endpoint, store: OrgStore, sampleEvery: number): string[] {
  const f = store.fixture;
  const sample = <T>(list: readonly T[]): T[] => (sampleEvery <= 1 ? [...list] : list.filter((_, i) => i % sampleEvery === 0));
  const values: Record<string, () => string[]> = {
    id: () => sample(ids(f.users)),
    userId: () => sample(ids(f.users)),
    contactType: () => ['BILLING', 'TECHNICAL'],
    appName: () => ['admin-console'],
    groupId: () => sample(ids(f.groups)),
    appId: () => ids(f.apps),
    clientId: () => [...store.appsByClientId.keys()],
    policyId: () => ids(f.policies),
    authenticatorId: () => ids(f.authenticators),
    zoneId: () => ids(f.zones),
    idpId: () => ids(f.idps),
    authServerId: () => ids(f.authorizationServers),
    roleIdOrLabel: () => ids(f.customRoles),
    brandId: () => ids(f.brands),
  };
  if (endpoint.path === '/api/v1/policies') {
    return Object.entries(POLICY_TYPES)
      .filter(([, t]) => !t.identityEngineOnly || f.pipeline === 'idx')
      .map(([type]) => `/api/v1/policies?type=${type}`);
  }
  if (endpoint.path === '/api/v1/authorizationServers/{authServerId}/policies/{policyId}/rules') {
    return ids(f.authorizationServers).flatMap((as) =>
      ids(f.authServerPolicies[as] ?? []).map((p) => `/api/v1/authorizationServers/${as}/policies/${p}/rules`),
    );
  }
  let paths = [endpoint.path];
  for (const [, name] of endpoint.path.matchAll(/\{(\w+)\}/g)) {
    const options = values[name!];
    if (!options) throw new Error(`the sweep does not know how to fill {${name}} in ${endpoint.path}`);
    const filled = options();
    paths = paths.flatMap((p) => filled.map((v) => p.replace(`{${name}}`, encodeURIComponent(v))));
  }
  return paths;
}

export function sweepOrg(
  store: OrgStore,
  schemas: { responses: Record<string, Schema>; schemas: SchemaSet },
  options: { sampleEvery?: number } = {},
): SweepResult {
  const validator = new SchemaValidator(schemas.schemas);
  const result: SweepResult = { requests: 0, problems: [], gapsUsed: new Map(), covered: new Set() };
  for (const endpoint of ENDPOINTS) {
    if (endpoint.identityEngineOnly && store.fixture.pipeline !== 'idx') continue;
    if (endpoint.feature && !store.fixture.features.includes(endpoint.feature)) continue;
    const schema = schemas.responses[endpoint.path];
    if (!schema) throw new Error(`no response schema for ${endpoint.path}`);
    for (const request of requestsFor(endpoint, store, options.sampleEvery ?? 1)) {
      const url = new URL(request, store.origin);
      const params = Object.fromEntries(
        [...endpoint.path.matchAll(/\{(\w+)\}/g)].map(([, name], i) => {
          const segments = url.pathname.split('/');
          const index = endpoint.path.split('/').findIndex((s) => s === `{${name}}`);
          return [name!, decodeURIComponent(segments[index] ?? String(i))];
        }),
      );
      let body: unknown;
      try {
        body = shapeResponse(endpoint, handlerFor(endpoint.path)({ store, params, url }), url, true).body;
      } catch (error) {
        if (error instanceof SimError && error.response.status === 404) continue; // e.g. a brand with no customized page
        throw error;
      }
      result.requests++;
      if (Array.isArray(body) ? body.length > 0 : body !== undefined) result.covered.add(endpoint.path);
      for (const problem of validator.validate(body, schema)) {
        const gap = matchingGap(endpoint.path, problem.path, problem.message);
        if (gap) result.gapsUsed.set(gap, (result.gapsUsed.get(gap) ?? 0) + 1);
        else result.problems.push({ request: `GET ${url.pathname}${url.search}`, endpoint: endpoint.path, ...problem });
      }
    }
  }
  return result;
}

/** One readable line per problem: the request, the JSON path in its answer, and what is wrong. */
export function describeProblem(p: SweepProblem): string {
  return `${p.request} ${p.path}: ${p.message}`;
}
