// A scan: loads policy bundles, refuses ones with errors, resolves props, evaluates the selected
// policies against an org, applies waivers, and scores the result. The CLI and the action both
// call this; what they print is the report builders' business.
import type { Value } from './mql/values.js';
import { orgEnvironment } from './resources/environment.js';
import type { DataSource } from './resources/runtime.js';
import { formatDiagnostic, type Bundle, type Diagnostic } from './policy/bundle.js';
import { executePolicies, rescore, type CheckResult, type PolicyResult } from './policy/execute.js';
import { checkBundleFiles, checkBundleTexts } from './policy/load.js';
import { propDefinitions, resolveProps } from './policy/props.js';
import { combinedScore, riskOf, riskRating, type CheckStatus, type Rating } from './policy/scoring.js';
import { applyWaivers, loadWaiverFile, type WaiverNote } from './policy/waivers.js';

export class BundleError extends Error {
  override name = 'BundleError';
  constructor(readonly diagnostics: Diagnostic[]) {
    const errors = diagnostics.filter((d) => d.severity === 'error');
    super(`the policy bundles have ${errors.length} error${errors.length === 1 ? '' : 's'}:\n${errors.map(formatDiagnostic).join('\n')}`);
  }
}

export type ScanCheck = CheckResult & { waiver?: WaiverNote };

export interface ScanResult {
  asset: { name: string; host: string };
  policies: PolicyResult[];
  checks: ScanCheck[];
  /** 0–100, 100 good; undefined when no check was scored. */
  score?: number;
  risk?: number;
  rating?: Rating;
  counts: Record<CheckStatus, number>;
  props: Record<string, Value>;
  /** Warnings from the bundles and the waivers. */
  warnings: Diagnostic[];
  /** ISO time the scan finished. */
  finishedAt: string;
}

export interface ScanOptions {
  /** The bundle files to read, unless bundleTexts is given. */
  bundleFiles?: readonly string[];
  /** Bundle texts to use in place of reading files: the bundles as they are on a git ref, say. */
  bundleTexts?: ReadonlyArray<{ file: string; text: string }>;
  policyUids?: readonly string[];
  props?: Readonly<Record<string, Value>>;
  waiverFile?: string;
  data: DataSource;
  host: string;
  now?: number;
}

/** Loads and lints bundles (read from files, or given as texts); throws BundleError when any has errors. */
export function loadCheckedBundle(files: readonly string[], texts?: ReadonlyArray<{ file: string; text: string }>): { bundle: Bundle; warnings: Diagnostic[] } {
  const { bundle, diagnostics } = texts ? checkBundleTexts(texts) : checkBundleFiles(files);
  if (diagnostics.some((d) => d.severity === 'error')) throw new BundleError(diagnostics);
  return { bundle, warnings: diagnostics };
}

export async function scan(options: ScanOptions): Promise<ScanResult> {
  const now = options.now ?? Date.now();
  const { bundle, warnings } = loadCheckedBundle(options.bundleFiles ?? [], options.bundleTexts);
  const waivers = options.waiverFile ? loadWaiverFile(options.waiverFile) : { waivers: [], diagnostics: [] };
  if (waivers.diagnostics.some((d) => d.severity === 'error')) throw new BundleError(waivers.diagnostics);

  const selected = new Set(options.policyUids?.length ? options.policyUids : bundle.policies.map((p) => p.uid));
  const props = await resolveProps(propDefinitions(bundle, selected), options.props ?? {}, now);
  const env = orgEnvironment({ data: options.data, host: options.host, props, now });
  const execution = await executePolicies(bundle, { env, policyUids: options.policyUids });

  const checks: ScanCheck[] = execution.checks;
  const today = new Date(now).toISOString().slice(0, 10);
  const waiverWarnings = applyWaivers(checks, waivers.waivers, today);
  rescore(execution);

  const counts: Record<CheckStatus, number> = { pass: 0, fail: 0, error: 0, skip: 0, waived: 0 };
  for (const c of checks) counts[c.status]++;
  const score = combinedScore(execution.policies.map((p) => ({ score: p.score, scored: p.checks.filter((uid) => isScored(checks, uid)).length })));
  const risk = score === undefined ? undefined : riskOf(score);
  return {
    asset: { name: `Okta Organization ${options.host}`, host: options.host },
    policies: execution.policies,
    checks,
    score,
    risk,
    rating: risk === undefined ? undefined : riskRating(risk),
    counts,
    props,
    warnings: [...warnings, ...waivers.diagnostics, ...waiverWarnings],
    finishedAt: new Date(now).toISOString(),
  };
}

function isScored(checks: readonly ScanCheck[], uid: string): boolean {
  const c = checks.find((x) => x.uid === uid);
  return c?.status === 'pass' || c?.status === 'fail';
}
