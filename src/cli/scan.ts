// `okta-posture scan`: runs policy bundles (the built-in one unless -f names others) against an
// org and prints the report. Exit 0 below the risk threshold, 1 at or above it, 2 when the scan
// could not run (bad bundle, waivers, props, connection).
import { consoleReport } from '../report/console.js';
import { BundlePathError, builtInPolicyDir, bundleFiles } from '../policy/files.js';
import { PropsError } from '../policy/props.js';
import { SelectionError } from '../policy/execute.js';
import { BundleError, scan } from '../scan.js';
import { choiceOption, intOption, parseCommandArgs, UsageError } from './args.js';
import { connect, CONNECTION_HELP, CONNECTION_OPTIONS, parseProps } from './connect.js';
import { ProgressLine } from './progress.js';

const OUTPUTS = ['compact', 'full', 'json'] as const;

export const SCAN_HELP = `Usage: okta-posture scan [options]

Assess an Okta org against policy bundles (the built-in okta-posture bundle by default).

Options:
  -f, --policy-bundle PATH   a bundle file or a directory of .mql.yaml files (repeatable)
  --policy UID               run only this policy of the bundles (repeatable)
  --waivers FILE             a YAML file of accepted findings
  --risk-threshold N         exit 1 when the org's risk is N or more (0–101, default 101: never)
  --output FORMAT            ${OUTPUTS.join(', ')} (default compact)
${CONNECTION_HELP}`;

export async function scanCommand(argv: string[], out: NodeJS.WritableStream, err: NodeJS.WritableStream, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const { values } = parseCommandArgs(argv, {
    ...CONNECTION_OPTIONS,
    'policy-bundle': { type: 'string', short: 'f', multiple: true },
    policy: { type: 'string', multiple: true },
    waivers: { type: 'string' },
    'risk-threshold': { type: 'string' },
    output: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    out.write(SCAN_HELP);
    return 0;
  }
  const output = choiceOption(values.output, 'output', OUTPUTS) ?? 'compact';
  const threshold = intOption(values['risk-threshold'], 'risk-threshold', 0, 101) ?? 101;
  const props = parseProps(values.props as string[] | undefined);
  let files: string[];
  try {
    files = bundleFiles((values['policy-bundle'] as string[] | undefined) ?? [builtInPolicyDir()]);
  } catch (error) {
    if (error instanceof BundlePathError) throw new UsageError(error.message);
    throw error;
  }
  const progress = new ProgressLine(err as NodeJS.WriteStream);
  const connection = connect(values, env, progress.update);
  if (connection.notice) err.write(`${connection.notice}\n`);
  try {
    const result = await scan({
      bundleFiles: files,
      policyUids: values.policy as string[] | undefined,
      props,
      waiverFile: values.waivers as string | undefined,
      data: connection.client,
      host: connection.host,
    });
    progress.clear();
    for (const w of result.warnings) err.write(`${w.at.file}:${w.at.line}:${w.at.column}: warning: ${w.message}\n`);
    if (output === 'json') out.write(`${JSON.stringify(jsonOf(result), null, 2)}\n`);
    else out.write(consoleReport(result, { full: output === 'full' }));
    return result.risk !== undefined && result.risk >= threshold ? 1 : 0;
  } catch (error) {
    progress.clear();
    if (error instanceof BundleError || error instanceof PropsError || error instanceof SelectionError) {
      err.write(`okta-posture scan: ${error.message}\n`);
      return 2;
    }
    throw error;
  } finally {
    await connection.client.close();
  }
}

/** A plain JSON view until the report module defines the published shape. */
function jsonOf(result: Awaited<ReturnType<typeof scan>>) {
  return {
    asset: result.asset,
    score: result.score,
    risk: result.risk,
    rating: result.rating,
    counts: result.counts,
    policies: result.policies,
    checks: result.checks.map(({ query, ran, ...c }) => ({ ...c, ran: ran.uid })),
  };
}
