// `okta-posture simulate`: serves a simulated Okta org on loopback until interrupted, and prints
// the environment a client needs to reach it, each variable alone on a line.
import { writeFileSync } from 'node:fs';
import { FAULT_KINDS, type FaultKind } from '../simulator/faults.js';
import { builtInFixture, startSimulator } from '../simulator/index.js';
import { simulatorEnv } from './simulatorEnv.js';
import { BUILT_IN_ORGS } from '../simulator/orgs/index.js';
import { intOption, parseCommandArgs, rateOption, UsageError, type OptionSpec } from './args.js';

export const SIMULATE_HELP = `Usage: okta-posture simulate [options]

Serve a simulated Okta org on 127.0.0.1 (pagination, rate limits, errors, OAuth, faults).

Options:
  --org NAME           built-in org: ${Object.keys(BUILT_IN_ORGS).join(', ')} (default demo)
  --fixture FILE       serve the org in this JSON fixture file instead
  --users N            users in the large org (default 100000)
  --port N             port to listen on (default: any free port)
  --token VALUE        the API token the org accepts (default: a random one)
  --rate-limit N       requests per minute for every rate-limit bucket
  --window-seconds N   rate-limit window (default 60)
  --concurrency N      requests served at once before 429s (default 75)
  --latency-ms N       delay added to every response
  --faults RATE        probability (0-1) that a request fails
  --fault-kinds LIST   comma-separated: ${FAULT_KINDS.join(', ')}
  --seed N             seed for reproducible faults (default 1)
  --stall-ms N         how long a stalled response hangs (default 60000)
  --write-fixture FILE write the org as a fixture file (see docs/fixture-format.md) and exit
`;

const OPTIONS: OptionSpec = {
  org: { type: 'string' },
  fixture: { type: 'string' },
  users: { type: 'string' },
  port: { type: 'string' },
  token: { type: 'string' },
  'rate-limit': { type: 'string' },
  'window-seconds': { type: 'string' },
  concurrency: { type: 'string' },
  'latency-ms': { type: 'string' },
  faults: { type: 'string' },
  'fault-kinds': { type: 'string' },
  seed: { type: 'string' },
  'stall-ms': { type: 'string' },
  'write-fixture': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
};

export async function simulateCommand(argv: string[], out: NodeJS.WritableStream, err: NodeJS.WritableStream): Promise<number> {
  const { values } = parseCommandArgs(argv, OPTIONS);
  if (values.help) {
    out.write(SIMULATE_HELP);
    return 0;
  }
  const org = values.org as string | undefined;
  if (org !== undefined && !BUILT_IN_ORGS[org]) {
    throw new UsageError(`--org must be one of ${Object.keys(BUILT_IN_ORGS).join(', ')}, got '${org}'`);
  }
  const faultKinds = (values['fault-kinds'] as string | undefined)?.split(',').map((k) => k.trim());
  const unknownKind = faultKinds?.find((k) => !(FAULT_KINDS as readonly string[]).includes(k));
  if (unknownKind) throw new UsageError(`--fault-kinds accepts ${FAULT_KINDS.join(', ')}; '${unknownKind}' is not one of them`);
  const token = values.token as string | undefined;
  if (token !== undefined && !/^[\x21-\x7e]{8,}$/.test(token)) {
    throw new UsageError('--token must be at least 8 printable characters without spaces');
  }

  const writeTo = values['write-fixture'] as string | undefined;
  if (writeTo !== undefined) {
    const fixture = builtInFixture(org ?? 'demo', { token, users: intOption(values.users, 'users', 1, 5_000_000) });
    writeFileSync(writeTo, JSON.stringify(fixture, null, 2) + '\n');
    err.write(`Wrote the '${fixture.name}' org to ${writeTo}.\n`);
    return 0;
  }

  const sim = await startSimulator({
    org,
    fixture: values.fixture as string | undefined,
    users: intOption(values.users, 'users', 1, 5_000_000),
    port: intOption(values.port, 'port', 0, 65535),
    token,
    rateLimit: intOption(values['rate-limit'], 'rate-limit', 1),
    windowSeconds: intOption(values['window-seconds'], 'window-seconds', 1, 3600),
    concurrency: intOption(values.concurrency, 'concurrency', 1),
    latencyMs: intOption(values['latency-ms'], 'latency-ms', 0, 600_000),
    faults: rateOption(values.faults, 'faults'),
    faultKinds: faultKinds as FaultKind[] | undefined,
    seed: intOption(values.seed, 'seed', 0),
    stallMs: intOption(values['stall-ms'], 'stall-ms', 0, 3_600_000),
  });

  const env = simulatorEnv(sim);
  out.write(Object.entries(env.vars).map(([k, v]) => `${k}=${v}`).join('\n') + '\n');
  err.write(`Serving the '${sim.orgName}' org at ${sim.url} (stats: ${sim.url}/__sim/stats). Press Ctrl-C to stop.\n`);

  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await sim.close();
  env.remove();
  return 0;
}
