// How long the built-in policies take to assess a large org, and the most memory they hold while
// doing it. Rate limits are lifted to measure okta-posture itself; against real Okta the users
// bucket sets the floor (90,000 users are 450 pages: about a minute and a half at 300 a minute).
// vitest runs it through its module runner, whose export getters add some overhead of their own.
import { afterAll, beforeAll, describe, test } from 'vitest';
import { OktaClient } from '../src/okta/client.js';
import { parseOrganization } from '../src/okta/orgDomain.js';
import { builtInPolicyDir, bundleFiles } from '../src/policy/files.js';
import { scan } from '../src/scan.js';
import { startSimulator, type RunningSimulator } from '../src/simulator/index.js';

let sim: RunningSimulator;
const RUN = { iterations: 3, warmupIterations: 1, time: 0, warmupTime: 0 };
const mb = (n: number) => `${(n / 1e6).toFixed(0)} MB`;

async function scanLarge(policyUids?: string[]) {
  const client = new OktaClient({ target: parseOrganization(sim.url), credentials: { apiToken: sim.token } });
  try {
    return await scan({ bundleFiles: bundleFiles([builtInPolicyDir()]), data: client, host: 'large.okta.com', policyUids });
  } finally {
    await client.close();
  }
}

describe('scan', () => {
  beforeAll(async () => {
    sim = await startSimulator({ org: 'large', users: 100_000, rateLimit: 1_000_000 });
  });
  afterAll(() => sim.close());

  test('built-in policies on 100,000 users', async ({ bench }) => {
    let peak = 0;
    let checks = 0;
    await bench('both built-in policies, large org (90,000 listed users, 2,000 groups)', async () => {
      const base = process.memoryUsage().heapUsed;
      const sample = setInterval(() => (peak = Math.max(peak, process.memoryUsage().heapUsed - base)), 50);
      const result = await scanLarge();
      clearInterval(sample);
      checks = result.checks.length;
      if (result.counts.error > 0) throw new Error(`${result.counts.error} checks errored`);
    }).run(RUN);
    console.log(`${checks} checks; heap grew by at most ${mb(peak)} during a scan`);
  }, 600_000);
});
