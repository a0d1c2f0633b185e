// Starts a simulated Okta org on loopback: a built-in org or a fixture, with Okta's paging, rate
// limits, errors, OAuth and optional faults. Returns its URL, credentials, statistics and close().
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ORG_CONCURRENCY_LIMIT } from '../okta/rateLimitBuckets.js';
import { publicJwk } from '../jose/jwk.js';
import { DpopVerifier } from './dpopProof.js';
import { FaultPlan, type FaultKind } from './faults.js';
import type { OrgFixture } from './fixture/format.js';
import { loadFixtureFile } from './fixture/load.js';
import { OAuthServer } from './oauthServer.js';
import { BUILT_IN_ORGS, buildOrg } from './orgs/index.js';
import { SCANNER_SCOPES } from './orgs/scannerApp.js';
import { RateLimiter, type WindowStats } from './rateLimiter.js';
import { SimulatorServer, type Quirks, type RequestStats } from './server.js';
import { OrgStore } from './store.js';

export interface SimulatorOptions {
  /** A built-in org (`demo`, `hardened`, `empty`, `large`, `classic`); default `demo`. */
  org?: string;
  /** An org fixture, or the path of a fixture JSON file; overrides `org`. */
  fixture?: OrgFixture | string;
  /** Users in the `large` org (default 100000). */
  users?: number;
  /** Port to listen on; 0 or absent picks a free one. */
  port?: number;
  /** The SSWS API token the org accepts; random when absent. */
  token?: string;
  /** Requests per minute for every rate-limit bucket (default: Okta's Workforce limits at the 50 % per-token share). */
  rateLimit?: number;
  /** Rate-limit window in seconds (Okta: 60). */
  windowSeconds?: number;
  /** Requests the org serves at once before answering 429 (Okta Workforce: 75). */
  concurrency?: number;
  /** Delay added to every response. */
  latencyMs?: number;
  /** Probability that a request fails with an injected fault. */
  faults?: number;
  faultKinds?: FaultKind[];
  seed?: number;
  /** How long a stalled response hangs mid-body. */
  stallMs?: number;
  /** Lifetime of OAuth access tokens (Okta: 3600). */
  tokenTtlSeconds?: number;
  quirks?: Quirks;
  /** The clock the built-in orgs' timestamps are relative to. */
  now?: Date;
}

export interface ServiceAppCredentials {
  clientId: string;
  /** PKCS#8 PEM. */
  privateKey: string;
  keyId: string;
  scopes: string[];
}

export interface SimulatorStats {
  requests: RequestStats;
  rateLimits: WindowStats[];
  faults: Record<FaultKind, number>;
  tokensIssued: number;
}

export interface RunningSimulator {
  url: string;
  token: string;
  orgName: string;
  fixture: OrgFixture;
  /** Credentials of the org's scanner service app, when it has one. */
  serviceApp?: ServiceAppCredentials;
  /** Protocol misbehaviour to switch on or off while running. */
  quirks: Quirks;
  stats(): SimulatorStats;
  /** Revokes every OAuth access token issued so far (as an admin revoking a service app's tokens). */
  revokeAccessTokens(): void;
  close(): Promise<void>;
}

export const newApiToken = (): string => `00${randomBytes(30).toString('base64url')}`;

/** A built-in org as a fixture, with a fresh scanner key (its private half is discarded). */
export function builtInFixture(name: string, options: { token?: string; users?: number; now?: Date } = {}): OrgFixture {
  const { publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  return buildOrg(name, {
    now: options.now ?? new Date(),
    token: options.token ?? newApiToken(),
    users: options.users,
    scannerKey: { publicJwk: { ...publicJwk(publicKey), kid: randomBytes(12).toString('base64url') } },
  });
}

export async function startSimulator(options: SimulatorOptions = {}): Promise<RunningSimulator> {
  const token = options.token ?? newApiToken();
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const keyId = randomBytes(12).toString('base64url');

  let fixture: OrgFixture;
  let hasScannerApp = false;
  if (typeof options.fixture === 'string') fixture = loadFixtureFile(options.fixture);
  else if (options.fixture) fixture = structuredClone(options.fixture);
  else {
    const name = options.org ?? 'demo';
    hasScannerApp = BUILT_IN_ORGS[name]?.hasScannerApp ?? false;
    fixture = buildOrg(name, {
      now: options.now ?? new Date(),
      token,
      users: options.users,
      scannerKey: { publicJwk: { ...publicJwk(publicKey), kid: keyId } },
    });
  }
  if (options.token && typeof options.fixture !== 'undefined') {
    const first = fixture.credentials.apiTokens[0];
    if (first) first.value = options.token;
  }
  const acceptedToken = fixture.credentials.apiTokens[0]?.value ?? token;

  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;

  const now = Date.now;
  const store = new OrgStore(fixture, origin);
  const dpop = new DpopVerifier(now);
  const oauth = new OAuthServer(store, dpop, { tokenTtlSeconds: options.tokenTtlSeconds ?? 3600, now });
  const limiter = new RateLimiter({ perMinute: options.rateLimit, windowMs: (options.windowSeconds ?? 60) * 1000, now });
  const faults = new FaultPlan({ rate: options.faults ?? 0, seed: options.seed ?? 1, kinds: options.faultKinds });
  const quirks: Quirks = { ...options.quirks };
  const stats = (): SimulatorStats => ({
    requests: structuredClone(sim.requests),
    rateLimits: limiter.stats(),
    faults: { ...faults.injected },
    tokensIssued: oauth.issued,
  });
  const sim = new SimulatorServer(
    store,
    limiter,
    faults,
    oauth,
    dpop,
    { latencyMs: options.latencyMs ?? 0, concurrency: options.concurrency ?? ORG_CONCURRENCY_LIMIT, stallMs: options.stallMs ?? 60_000, quirks, now },
    () => ({ rateLimits: limiter.stats(), faults: { ...faults.injected }, tokensIssued: oauth.issued }),
  );
  server.on('request', sim.listener);

  const clientId = hasScannerApp
    ? [...store.appsByClientId.entries()].find(([, app]) => (app.label as string) === 'okta-posture scanner')?.[0]
    : undefined;

  return {
    url: origin,
    token: acceptedToken,
    orgName: fixture.name,
    fixture,
    serviceApp: clientId
      ? { clientId, privateKey: privateKey.export({ format: 'pem', type: 'pkcs8' }).toString(), keyId, scopes: [...SCANNER_SCOPES] }
      : undefined,
    quirks,
    stats,
    revokeAccessTokens: () => oauth.tokens.clear(),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
