// The environment a client needs to reach a running simulator: its URL and API token and, for orgs
// with a scanner service app, the app's id, scopes and key (written to a private temporary file,
// removed by `remove()`).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RunningSimulator } from '../simulator/index.js';

export interface SimulatorEnv {
  /** OKTA_* variables in the order `simulate` prints them. */
  vars: Record<string, string>;
  remove(): void;
}

export function simulatorEnv(sim: RunningSimulator): SimulatorEnv {
  const vars: Record<string, string> = { OKTA_ORG_URL: sim.url, OKTA_API_TOKEN: sim.token };
  if (!sim.serviceApp) return { vars, remove: () => undefined };
  const dir = mkdtempSync(join(tmpdir(), 'okta-posture-sim-'));
  const keyFile = join(dir, 'service-app-key.pem');
  writeFileSync(keyFile, sim.serviceApp.privateKey, { mode: 0o600 });
  Object.assign(vars, {
    OKTA_API_CLIENT_ID: sim.serviceApp.clientId,
    OKTA_API_PRIVATE_KEY: keyFile,
    OKTA_API_PRIVATE_KEY_ID: sim.serviceApp.keyId,
    OKTA_API_SCOPES: sim.serviceApp.scopes.join(' '),
  });
  return { vars, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
