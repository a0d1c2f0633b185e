// The resource schema against the endpoint catalogue and the simulated orgs: every read goes to
// a catalogued endpoint, every field of every resource resolves with its declared type, and the
// generated docs match the schema.
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ErrorValue, isResource, MqlTime, type ResourceValue, type Value } from '../../src/mql/values.js';
import { matchEndpoint } from '../../src/okta/endpoints.js';
import { renderResourceDocs } from '../../src/resources/docs.js';
import { orgEnvironment } from '../../src/resources/environment.js';
import { RESOURCE_SPECS } from '../../src/resources/schema/index.js';
import type { FieldType } from '../../src/resources/types.js';
import { startSimulator, type RunningSimulator } from '../../src/simulator/index.js';
import { clientFor, serviceAppOf } from '../helpers/client.js';

describe('the schema', () => {
  it('reads only catalogued endpoints', () => {
    const bad: string[] = [];
    for (const spec of Object.values(RESOURCE_SPECS)) {
      for (const [name, field] of Object.entries(spec.fields)) {
        if (field.from && 'read' in field.from && !matchEndpoint(field.from.read.split('?')[0]!)) bad.push(`${spec.name}.${name}: ${field.from.read}`);
      }
    }
    expect(bad).toEqual([]);
  });

  it('names only resources it defines, and defaults only fields it has', () => {
    const problems: string[] = [];
    const refs = (t: FieldType): string[] => (typeof t === 'string' ? [] : 'list' in t ? refs(t.list) : [t.resource]);
    for (const spec of Object.values(RESOURCE_SPECS)) {
      for (const [name, f] of Object.entries(spec.fields)) for (const r of refs(f.type)) if (!RESOURCE_SPECS[r]) problems.push(`${spec.name}.${name} → ${r}`);
      for (const d of spec.defaults) if (!spec.fields[d.replace(/\[.*$/, '')]) problems.push(`${spec.name} default ${d}`);
    }
    expect(problems).toEqual([]);
  });

  it('is documented in docs/resources.md', () => {
    const path = resolve(import.meta.dirname, '../../docs/resources.md');
    const fresh = renderResourceDocs();
    if (process.env.UPDATE_RESOURCE_DOCS === '1') writeFileSync(path, fresh);
    expect(readFileSync(path, 'utf8'), 'run with UPDATE_RESOURCE_DOCS=1 to regenerate').toBe(fresh);
  });
});

/** Checks a value against a field's declared type; errors of kind 'failed' are never acceptable. */
function typeProblem(v: Value, t: FieldType): string | undefined {
  if (v === null) return undefined;
  if (v instanceof ErrorValue) return v.kind === 'failed' || v.kind === 'runtime' ? `error: ${v.message}` : undefined;
  if (typeof t === 'string') {
    const ok = { string: typeof v === 'string', int: typeof v === 'number' && Number.isInteger(v), bool: typeof v === 'boolean', time: v instanceof MqlTime, dict: typeof v === 'object' }[t];
    return ok ? undefined : `expected ${t}, got ${JSON.stringify(v)?.slice(0, 60)}`;
  }
  if ('list' in t) {
    if (!Array.isArray(v)) return 'expected a list';
    for (const item of v) {
      const p = typeProblem(item, t.list);
      if (p) return `[] ${p}`;
    }
    return undefined;
  }
  return isResource(v) && v.type === t.resource ? undefined : `expected ${t.resource}`;
}

describe('every field on the simulated orgs', () => {
  const sims: RunningSimulator[] = [];
  beforeAll(async () => {
    sims.push(await startSimulator({ org: 'demo' }), await startSimulator({ org: 'hardened' }));
  });
  afterAll(() => Promise.all(sims.map((s) => s.close())));

  it('resolves with its declared type, reaching every resource', async () => {
    const reached = new Set<string>();
    const problems: string[] = [];
    for (const sim of sims) {
      const client = clientFor(sim, { credentials: { apiToken: sim.token, serviceApp: serviceAppOf(sim) } });
      const env = orgEnvironment({ data: client, host: 'sim' });
      const queue: ResourceValue[] = [env.global('okta') as ResourceValue, env.global('asset') as ResourceValue];
      // Up to 12 instances of each type, so that lists empty on the first one still get visited.
      const visits = new Map<string, number>();
      const seen = new Set<ResourceValue>();
      while (queue.length) {
        const r = queue.shift()!;
        if (seen.has(r) || (visits.get(r.type) ?? 0) >= 12) continue;
        seen.add(r);
        visits.set(r.type, (visits.get(r.type) ?? 0) + 1);
        reached.add(r.type);
        for (const [name, field] of Object.entries(RESOURCE_SPECS[r.type]!.fields)) {
          const v = await r.field(name);
          const p = typeProblem(v, field.type);
          if (p) problems.push(`${sim.orgName}: ${r.type}.${name}: ${p}`);
          for (const x of Array.isArray(v) ? v : [v]) if (isResource(x) && !seen.has(x)) queue.push(x);
        }
      }
      await client.close();
    }
    expect(problems).toEqual([]);
    expect(Object.keys(RESOURCE_SPECS).filter((t) => !reached.has(t))).toEqual([]);
  });
});
