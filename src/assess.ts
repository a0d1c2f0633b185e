// A whole assessment, as the CLI's `scan` and the action run it: gather the bundles (files,
// directories, globs, https URLs, or the built-in bundle), check that Okta answers at all, scan,
// build the report, and on request compare with the bundles as they are on a git ref, over the
// same fetched data.
import { readFileSync } from 'node:fs';
import { isAbsolute, relative, resolve } from 'node:path';
import type { Value } from './mql/values.js';
import type { OktaClient } from './okta/client.js';
import { evaluateAtRef } from './policy/baseRef.js';
import { builtInPolicyDir, bundleFiles } from './policy/files.js';
import { fetchBundles, isBundleUrl, type FetchBundleOptions } from './policy/remote.js';
import { compareReports, type Comparison } from './report/compare.js';
import { buildReport, type Report } from './report/report.js';
import { scan } from './scan.js';

/** The scan could not start: Okta refused the credentials, or could not be reached. */
export class CouldNotScanError extends Error {
  override name = 'CouldNotScanError';
}

export interface AssessOptions {
  client: OktaClient;
  /** The org's host, for the report. */
  host: string;
  /** Bundle files, directories, globs or https URLs; empty: the built-in bundle. */
  sources: readonly string[];
  /** Where relative paths and git run from. */
  cwd: string;
  policyUids?: readonly string[];
  props?: Readonly<Record<string, Value>>;
  waiverFile?: string;
  /** A git ref to compare the repository's bundles with. */
  compareRef?: string;
  fetch?: FetchBundleOptions;
  now?: number;
}

export interface Assessment {
  report: Report;
  comparison?: Comparison;
  /** The bundle files that came from the built-in bundle. */
  builtIn: boolean;
}

interface Sources {
  texts: Array<{ file: string; text: string }>;
  /** Repository paths (as given) that the comparison reads on the base ref. */
  localPaths: string[];
  /** Bundles from URLs or built in: the same on both sides of a comparison. */
  shared: Array<{ file: string; text: string }>;
  builtInFiles: Set<string>;
}

async function gatherSources(options: AssessOptions): Promise<Sources> {
  if (options.sources.length === 0) {
    const files = bundleFiles([builtInPolicyDir()]);
    const texts = files.map((file) => ({ file, text: readFileSync(file, 'utf8') }));
    return { texts, localPaths: [], shared: texts, builtInFiles: new Set(files) };
  }
  const urls = options.sources.filter(isBundleUrl);
  const localPaths = options.sources.filter((s) => !isBundleUrl(s));
  // Relative paths stay relative (and so do the messages that name them) when cwd is the process's.
  const located = localPaths.map((p) => (isAbsolute(p) ? p : relative(process.cwd(), resolve(options.cwd, p)) || '.'));
  const files = bundleFiles(located);
  const fetched = await fetchBundles(urls, options.fetch);
  if (fetched.errors.length) throw fetched.errors[0]!;
  const local = files.map((file) => ({ file, text: readFileSync(file, 'utf8') }));
  return { texts: [...local, ...fetched.files], localPaths, shared: fetched.files, builtInFiles: new Set() };
}

/** One read that every scan needs: a refused credential or an unreachable org stops here. */
async function preflight(client: OktaClient): Promise<void> {
  const outcome = await client.read('/api/v1/org');
  if (outcome.kind === 'failed') throw new CouldNotScanError(outcome.error.message);
}

export async function assess(options: AssessOptions): Promise<Assessment> {
  const started = performance.now();
  const sources = await gatherSources(options);
  await preflight(options.client);
  const common = { data: options.client, host: options.host, policyUids: options.policyUids, props: options.props, waiverFile: options.waiverFile, now: options.now };
  const result = await scan({ ...common, bundleTexts: sources.texts });
  const report = buildReport(result, { builtInFiles: sources.builtInFiles, client: options.client.stats(), totalMs: performance.now() - started });
  if (!options.compareRef || sources.localPaths.length === 0) return { report, builtIn: sources.builtInFiles.size > 0 };

  const base = await evaluateAtRef({ ...common, cwd: options.cwd, ref: options.compareRef, paths: sources.localPaths, shared: sources.shared });
  return { report, comparison: compareReports(base.report, report, options.compareRef, base.problem), builtIn: false };
}
