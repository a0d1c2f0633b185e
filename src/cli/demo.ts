// `okta-posture demo`: starts a simulated org on loopback (the `demo` org unless --org names
// another) and scans it exactly as `scan` scans a real one, with the org's own credentials.
import { startSimulator } from '../simulator/index.js';
import { BUILT_IN_ORGS } from '../simulator/orgs/index.js';
import { UsageError } from './args.js';
import { scanCommand, SCAN_HELP } from './scan.js';
import { simulatorEnv } from './simulatorEnv.js';

/** Where the demo writes its reports unless --report-dir says otherwise. */
export const DEMO_REPORT_DIR = 'demo-results';

export const DEMO_HELP = `Usage: okta-posture demo [--org NAME] [scan options]

Scan a simulated Okta org served on 127.0.0.1 with the built-in policies: no Okta org or
credentials needed. --org picks the org: ${Object.keys(BUILT_IN_ORGS).filter((o) => o !== 'large').join(', ')} (default demo).
The reports are written to ${DEMO_REPORT_DIR}/ unless --report-dir names another folder.
Every other option is passed to 'scan':

${SCAN_HELP.split('\n').slice(4).join('\n')}`;

/** Splits `--org NAME` / `--org=NAME` out of the arguments. */
function takeOrg(argv: string[]): { org: string; rest: string[] } {
  const rest: string[] = [];
  let org = 'demo';
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--org') org = argv[++i] ?? '';
    else if (a.startsWith('--org=')) org = a.slice(6);
    else rest.push(a);
  }
  if (!BUILT_IN_ORGS[org] || org === 'large') throw new UsageError(`--org must be one of ${Object.keys(BUILT_IN_ORGS).filter((o) => o !== 'large').join(', ')}, got '${org}'`);
  return { org, rest };
}

export async function demoCommand(argv: string[], out: NodeJS.WritableStream, err: NodeJS.WritableStream): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    out.write(DEMO_HELP);
    return 0;
  }
  const { org, rest } = takeOrg(argv);
  const sim = await startSimulator({ org });
  const env = simulatorEnv(sim);
  try {
    err.write(`Scanning the simulated '${sim.orgName}' org at ${sim.url}\n`);
    const reportDir = rest.some((a) => a === '--report-dir' || a.startsWith('--report-dir=')) ? [] : ['--report-dir', DEMO_REPORT_DIR];
    return await scanCommand([...reportDir, ...rest], out, err, env.vars);
  } finally {
    await sim.close();
    env.remove();
  }
}
