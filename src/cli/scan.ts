// `okta-posture scan`: runs policy bundles (the built-in one unless -f names others) against an
// org and prints or writes the report. Exit 0 below the risk threshold, 1 at or above it (or when
// a check errored, with --fail-on-error), 2 when the scan could not run (bad bundle, waivers,
// props, credentials, network).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, sep } from 'node:path';
import { assess, CouldNotScanError } from '../assess.js';
import { BaseRefError, resolveBaseRef } from '../policy/baseRef.js';
import { SelectionError } from '../policy/execute.js';
import { BundlePathError } from '../policy/files.js';
import { PropsError } from '../policy/props.js';
import { BundleFetchError } from '../policy/remote.js';
import { comparisonLine } from '../report/compare.js';
import { OUTPUT_FORMATS, renderOutput, type RenderContext } from '../report/outputs.js';
import type { Report } from '../report/report.js';
import { BundleError } from '../scan.js';
import { choiceOption, intOption, parseCommandArgs } from './args.js';
import { connect, CONNECTION_HELP, CONNECTION_OPTIONS, parseProps } from './connect.js';
import { ProgressLine } from './progress.js';

export const SCAN_HELP = `Usage: okta-posture scan [options]

Assess an Okta org against policy bundles (the built-in okta-posture bundle by default).

Options:
  -f, --policy-bundle SRC    a bundle file, a directory or glob of .mql.yaml files, or an https
                             URL (repeatable)
  --policy UID               run only this policy of the bundles (repeatable)
  --waivers FILE             a YAML file of accepted findings
  --risk-threshold N         exit 1 when the org's risk is N or more (0–101, default 101: never)
  --fail-on-error            exit 1 when a check could not be evaluated
  --compare-policies REF     also evaluate the bundles as they are on this git ref, and show
                             what changed
  --output FORMAT            ${OUTPUT_FORMATS.join(', ')} (default compact)
  --output-file FILE         write the output to FILE instead of standard output
  --report-dir DIR           also write every report into DIR: summary.md, okta-posture.json,
                             okta-posture.sarif and junit.xml
${CONNECTION_HELP}`;

/** Failures that mean the scan could not run: exit 2 with the message. */
const COULD_NOT_SCAN = [BundleError, PropsError, SelectionError, BundleFetchError, BundlePathError, CouldNotScanError, BaseRefError];

export async function scanCommand(argv: string[], out: NodeJS.WritableStream, err: NodeJS.WritableStream, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const { values } = parseCommandArgs(argv, {
    ...CONNECTION_OPTIONS,
    'policy-bundle': { type: 'string', short: 'f', multiple: true },
    policy: { type: 'string', multiple: true },
    waivers: { type: 'string' },
    'risk-threshold': { type: 'string' },
    'fail-on-error': { type: 'boolean' },
    'compare-policies': { type: 'string' },
    output: { type: 'string' },
    'output-file': { type: 'string' },
    'report-dir': { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    out.write(SCAN_HELP);
    return 0;
  }
  const format = choiceOption(values.output, 'output', OUTPUT_FORMATS) ?? 'compact';
  const threshold = intOption(values['risk-threshold'], 'risk-threshold', 0, 101) ?? 101;
  const props = parseProps(values.props as string[] | undefined);
  const outputFile = values['output-file'] as string | undefined;
  const progress = new ProgressLine(err as NodeJS.WriteStream);
  const connection = connect(values, env, progress.update);
  if (connection.notice) err.write(`${connection.notice}\n`);
  const cwd = process.cwd();
  try {
    const compareText = values['compare-policies'] as string | undefined;
    const compareRef = compareText ? await resolveBaseRef(compareText, env, cwd) : undefined;
    const { report, comparison } = await assess({
      client: connection.client,
      host: connection.host,
      sources: (values['policy-bundle'] as string[] | undefined) ?? [],
      cwd,
      policyUids: values.policy as string[] | undefined,
      props,
      waiverFile: values.waivers as string | undefined,
      compareRef,
    });
    progress.clear();
    for (const w of report.warnings) err.write(`${w.file}:${w.line}:${w.column}: warning: ${w.message}\n`);
    if (comparison) err.write(`${comparisonLine(comparison)}\n`);
    const color = !outputFile && (out as NodeJS.WriteStream).isTTY === true && !env.NO_COLOR && !process.env.NO_COLOR;
    const text = renderOutput(format, report, { comparison, color, anchors: { repoRoot: cwd } });
    if (outputFile) {
      writeFileSync(outputFile, text);
      err.write(`Wrote the ${format} report to ${outputFile}\n`);
    } else out.write(text);
    const reportDir = values['report-dir'] as string | undefined;
    if (reportDir) {
      writeReports(reportDir, report, { comparison, anchors: { repoRoot: cwd } });
      err.write(`Wrote the summary, JSON, SARIF and JUnit reports to ${reportDir}${sep}\n`);
    }
    const above = report.riskScore !== null && report.riskScore >= threshold;
    return above || (values['fail-on-error'] === true && report.counts.error > 0) ? 1 : 0;
  } catch (error) {
    progress.clear();
    if (COULD_NOT_SCAN.some((kind) => error instanceof kind)) {
      err.write(`okta-posture scan: ${connection.client.redactor.redact((error as Error).message)}\n`);
      return 2;
    }
    throw error;
  } finally {
    await connection.client.close();
  }
}

/** The files a CI job keeps: every report format, named for what it holds. */
const REPORT_FILES = [
  ['summary.md', 'summary'],
  ['okta-posture.json', 'json'],
  ['okta-posture.sarif', 'sarif'],
  ['junit.xml', 'junit'],
] as const;

function writeReports(dir: string, report: Report, ctx: RenderContext): void {
  mkdirSync(dir, { recursive: true });
  for (const [name, format] of REPORT_FILES) writeFileSync(join(dir, name), renderOutput(format, report, ctx));
}
