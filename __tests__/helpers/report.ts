// A scan report of a simulated org with the built-in bundle (or given bundles), for report tests.
import { builtInPolicyDir, bundleFiles } from '../../src/policy/files.js';
import { buildReport, type Report } from '../../src/report/report.js';
import { scan } from '../../src/scan.js';
import { startSimulator } from '../../src/simulator/index.js';
import { clientFor, serviceAppOf } from './client.js';
import { NOW } from './mql.js';

export async function reportOf(org: string, options: { bundleFiles?: string[]; waiverFile?: string } = {}): Promise<Report> {
  const sim = await startSimulator({ org });
  const client = clientFor(sim, { credentials: { apiToken: sim.token, ...(sim.serviceApp ? { serviceApp: serviceAppOf(sim) } : {}) }, timeoutMs: 10_000 });
  const builtIn = bundleFiles([builtInPolicyDir()]);
  try {
    const started = performance.now();
    const result = await scan({ bundleFiles: options.bundleFiles ?? builtIn, data: client, host: `${org}.okta.com`, now: NOW, waiverFile: options.waiverFile });
    return buildReport(result, { builtInFiles: new Set(builtIn), client: client.stats(), totalMs: performance.now() - started });
  } finally {
    await client.close();
    await sim.close();
  }
}
