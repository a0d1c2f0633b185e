// Builds an Okta client pointed at a running simulator.
import { createPrivateKey } from 'node:crypto';
import { OktaClient, type OktaClientOptions } from '../../src/okta/client.js';
import type { Credentials } from '../../src/okta/credentials.js';
import { parseOrganization } from '../../src/okta/orgDomain.js';
import type { RunningSimulator } from '../../src/simulator/index.js';

export function serviceAppOf(sim: RunningSimulator, scopes?: string[]): NonNullable<Credentials['serviceApp']> {
  const app = sim.serviceApp!;
  return { clientId: app.clientId, privateKey: createPrivateKey(app.privateKey), keyId: app.keyId, scopes: scopes ?? app.scopes };
}

export function clientFor(sim: RunningSimulator, options: Partial<OktaClientOptions> = {}): OktaClient {
  return new OktaClient({
    target: parseOrganization(sim.url),
    credentials: { apiToken: sim.token },
    timeoutMs: 2_000,
    ...options,
  });
}
