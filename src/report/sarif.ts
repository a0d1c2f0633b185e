// SARIF 2.1.0 for GitHub code scanning, built from the report. Pure: no file or network access;
// the caller decides where each finding is anchored (see `anchorFor`) and writes the file.
//
// What GitHub does with it (../shared/reference/github-action.md §3):
// - every evaluated check becomes a rule, whatever its status, so a check that passes again closes
//   its alert instead of leaving it open;
// - only failing checks become results, and each needs a file location with a start line, or the
//   whole upload is rejected;
// - the category (`automationDetails.id`) names the org, so scans of several orgs on the same
//   commit do not replace each other's alerts.
import { createHash } from 'node:crypto';
import type { Report, ReportCheck } from './report.js';
import { PROJECT_URL } from '../version.js';


const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
/** GitHub rejects a run with more rules or results than this. */
const MAX_RULES = 25_000;
/** GitHub accepts 20 tags per rule but keeps only 10. */
const MAX_TAGS = 10;
/** GitHub limits names to 255 characters and descriptions to 1024. */
const MAX_NAME = 255;
const MAX_DESCRIPTION = 1024;
/** Failing resources named in a result's message; the rest are counted. */
const NAMED_RESOURCES = 10;
/** The key of our own fingerprint in `partialFingerprints`. */
export const FINGERPRINT_KEY = 'okta-posture/v1';

export type SarifLevel = 'error' | 'warning' | 'note';

/** Where a finding is shown: a repository-relative path and a line (1-based). */
export interface Anchor {
  uri: string;
  line: number;
}

export interface SarifOptions {
  /** Where a check's finding is anchored; by default `anchorFor(check, {})`. */
  anchor?: (check: ReportCheck) => Anchor;
  /** The category; `okta-posture/<organization>` by default. */
  category?: string;
  /**
   * Also add waived checks as results with an accepted external suppression. Off by default:
   * GitHub code scanning does not honour `suppressions` and would open an alert for each one.
   */
  includeWaived?: boolean;
  /**
   * Also set `primaryLocationLineHash` (the one fingerprint GitHub reads) to our stable hash.
   * Only for uploads through the REST API, which computes none; `upload-sarif` computes its own
   * and warns once for every result whose given value differs from it.
   */
  primaryLocationLineHash?: boolean;
}

// A small subset of the SARIF 2.1.0 object model: what this builder writes.
export interface SarifMessage {
  text: string;
  markdown?: string;
}
export interface SarifRule {
  id: string;
  name: string;
  shortDescription: SarifMessage;
  fullDescription: SarifMessage;
  help: SarifMessage;
  helpUri?: string;
  defaultConfiguration: { level: SarifLevel };
  properties: { tags: string[]; precision: 'high'; 'security-severity': string };
}
export interface SarifResult {
  ruleId: string;
  ruleIndex: number;
  level: SarifLevel;
  message: SarifMessage;
  locations: Array<{ physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }>;
  partialFingerprints: Record<string, string>;
  suppressions?: Array<{ kind: 'external'; status: 'accepted'; justification: string }>;
}
export interface SarifNotification {
  level: SarifLevel;
  message: SarifMessage;
  associatedRule?: { id: string; index: number };
}
export interface SarifRun {
  tool: { driver: { name: string; semanticVersion: string; version: string; informationUri: string; rules: SarifRule[] } };
  automationDetails: { id: string };
  invocations: Array<{ executionSuccessful: boolean; endTimeUtc: string; toolExecutionNotifications: SarifNotification[] }>;
  results: SarifResult[];
  properties: { organization: string; riskScore: number | null; rating: string };
}
export interface SarifLog {
  $schema: string;
  version: '2.1.0';
  runs: [SarifRun];
}

/** ≥70 error, ≥40 warning, below that a note. */
export function levelOf(impact: number): SarifLevel {
  if (impact >= 70) return 'error';
  if (impact >= 40) return 'warning';
  return 'note';
}

/** GitHub's security severity: impact / 10 with one decimal, at least 0.1 (it must be > 0). */
export function securitySeverity(impact: number): string {
  return (Math.min(100, Math.max(1, impact)) / 10).toFixed(1);
}

/** A stable id for one check's alert in one org: no line, resource or run order in it. */
export function fingerprintOf(organization: string, uid: string): string {
  return createHash('sha256').update(`${organization.toLowerCase()}\n${uid}`).digest('hex');
}

/**
 * Shortens text to at most `max` characters, ending at a sentence (or else a word) with an
 * ellipsis.
 */
export function clipAtSentence(text: string, max: number): string {
  if (text.length <= max) return text;
  const room = text.slice(0, max - 1);
  const sentence = Math.max(room.lastIndexOf('. '), room.lastIndexOf('.\n'));
  const word = room.search(/\s\S*$/);
  const cut = sentence >= max / 2 ? sentence + 1 : word > 0 ? word : max - 1;
  return `${room.slice(0, cut).trimEnd()}…`;
}

/** Joins hard-wrapped lines into paragraphs, for fields shown as one block. */
function unwrap(text: string): string {
  return text
    .split(/\n\s*\n/)
    .map((p) => p.replace(/\s+/g, ' ').trim())
    .filter(Boolean)
    .join('\n\n');
}

/** `okta-posture-stig-admin-console-mfa` → `OktaPostureStigAdminConsoleMfa`. */
function pascalCase(uid: string): string {
  const name = uid
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w[0]!.toUpperCase() + w.slice(1))
    .join('');
  return (name || uid).slice(0, MAX_NAME);
}

/** Up to ten tags for filtering alerts: the category and the STIG and HealthInsight references. */
function tagsOf(check: ReportCheck): string[] {
  const t = check.tags;
  const tags = [
    'security',
    t['okta-posture/category'],
    t['disa-stig/vuln-id'] && 'disa-stig',
    t['disa-stig/vuln-id'],
    t['disa-stig/stig-id'],
    t['disa-stig/severity'],
    t['healthinsight/task'] && 'healthinsight',
  ];
  // Tags are filter terms: no spaces ("CAT I" → "CAT-I").
  return [...new Set(tags.filter((x): x is string => !!x?.trim()).map((x) => x.trim().replace(/\s+/g, '-')))].slice(0, MAX_TAGS);
}

const REMEDIATION_LABEL: Record<string, string> = { console: 'Admin Console', terraform: 'Terraform', api: 'API' };
const remediationLabel = (id: string): string => REMEDIATION_LABEL[id] ?? id;

/** The rule's help: description, how to audit, how to fix, references. */
function helpOf(check: ReportCheck): SarifMessage {
  const { desc, audit, remediation } = check.docs;
  const text: string[] = [desc ?? check.title];
  const md: string[] = [desc ?? check.title];
  if (audit) {
    text.push(`Audit:\n${audit}`);
    md.push(`## Audit\n\n${audit}`);
  }
  if (remediation.length) md.push('## Remediation');
  for (const r of remediation) {
    text.push(`Remediation (${remediationLabel(r.id)}):\n${r.desc}`);
    md.push(`### ${remediationLabel(r.id)}\n\n${r.desc}`);
  }
  if (check.refs.length) {
    text.push(`References:\n${check.refs.map((r) => `- ${r.title ? `${r.title}: ` : ''}${r.url}`).join('\n')}`);
    md.push(`## References\n\n${check.refs.map((r) => `- [${mdLinkText(r.title ?? r.url)}](<${r.url}>)`).join('\n')}`);
  }
  return { text: text.join('\n\n'), markdown: md.join('\n\n') };
}

const mdLinkText = (s: string): string => s.replace(/[[\]\\]/g, '\\$&');

function ruleOf(check: ReportCheck): SarifRule {
  const title = clipAtSentence(unwrap(check.title), MAX_DESCRIPTION);
  const level = levelOf(check.impact);
  return {
    id: check.uid,
    name: pascalCase(check.uid),
    shortDescription: { text: title },
    fullDescription: { text: check.docs.desc ? clipAtSentence(unwrap(check.docs.desc), MAX_DESCRIPTION) : title },
    help: helpOf(check),
    ...(check.refs[0] ? { helpUri: check.refs[0].url } : {}),
    defaultConfiguration: { level },
    properties: { tags: tagsOf(check), precision: 'high', 'security-severity': securitySeverity(check.impact) },
  };
}

/** "3 failing resources: "a" (okta.user 00u1), … and 2 more." */
function resourcesSentence(check: ReportCheck, organization: string): string {
  const all = check.failingResources;
  if (!all.length) return `Organization: ${organization}.`;
  const named = all.slice(0, NAMED_RESOURCES).map((r) => (r.name && r.name !== r.id ? `"${r.name}" (${r.type} ${r.id})` : `${r.type} ${r.id}`));
  const more = all.length > named.length ? ` and ${all.length - named.length} more` : '';
  return `${all.length} failing ${all.length === 1 ? 'resource' : 'resources'} in ${organization}: ${named.join(', ')}${more}.`;
}

const sentence = (s: string): string => (/[.!?]$/.test(s) ? s : `${s}.`);

function messageOf(check: ReportCheck, organization: string): string {
  const title = unwrap(check.title).replace(/[.!?]+$/, '');
  const lead =
    check.status === 'waived'
      ? `Waived (impact ${check.impact}, ${check.impactRating}): ${title}.`
      : `Failing (risk ${check.risk}, ${check.impactRating}): ${title}.`;
  const parts = [lead, resourcesSentence(check, organization)];
  const w = check.waiver;
  if (w?.expired) parts.push(`Its waiver expired${w.expires ? ` on ${w.expires}` : ''}: ${sentence(w.reason)}`);
  return parts.join(' ');
}

function notificationOf(check: ReportCheck, index: number): SarifNotification {
  const why = check.message ? `: ${check.message}` : '';
  const needs = check.needs ? ` It needs ${sentence(check.needs)}` : '';
  return {
    level: 'error',
    message: { text: `The check ${check.uid} could not be evaluated${sentence(why)}${needs}` },
    associatedRule: { id: check.uid, index },
  };
}

/** Failing checks first, worst first, then the rest in report order: what a cap keeps. */
function byPriority(checks: readonly ReportCheck[]): ReportCheck[] {
  const rank = (c: ReportCheck): number => (c.status === 'fail' ? 0 : c.status === 'waived' ? 1 : 2);
  return checks
    .map((c, i) => ({ c, i }))
    .sort((a, b) => rank(a.c) - rank(b.c) || b.c.risk - a.c.risk || a.i - b.i)
    .map(({ c }) => c);
}

export function buildSarif(report: Report, options: SarifOptions = {}): SarifLog {
  const anchor = options.anchor ?? ((c: ReportCheck) => anchorFor(c));
  const org = report.organization;
  const notifications: SarifNotification[] = [];

  // Over GitHub's limit (a bundle of 25,000+ checks) the worst failures are kept; as each check
  // has one rule and at most one result, capping rules caps results too.
  let checks = report.checks;
  if (checks.length > MAX_RULES) {
    checks = byPriority(checks).slice(0, MAX_RULES);
    notifications.push({
      level: 'warning',
      message: { text: `${report.checks.length - MAX_RULES} of ${report.checks.length} checks were left out: GitHub accepts at most ${MAX_RULES} rules per run. The JSON report has them all.` },
    });
  }

  const rules = checks.map(ruleOf);
  const results: SarifResult[] = [];
  checks.forEach((check, ruleIndex) => {
    if (check.status === 'error') notifications.push(notificationOf(check, ruleIndex));
    const waived = check.status === 'waived' && options.includeWaived;
    if (check.status !== 'fail' && !waived) return;
    const at = anchor(check);
    // Our own fingerprint: org + rule id. No line, so moving the check in its file keeps the
    // alert; no resources, so a new failing user updates the alert rather than opening another.
    // GitHub itself reads only `primaryLocationLineHash`, which `upload-sarif` computes from the
    // content of the anchored line (the check's `- uid:` line, which moves with the check), and
    // warns for each result that brings a different value: so it is left to upload-sarif unless
    // the caller asks for it.
    const fingerprint = fingerprintOf(org, check.uid);
    results.push({
      ruleId: check.uid,
      ruleIndex,
      level: rules[ruleIndex]!.defaultConfiguration.level,
      message: { text: messageOf(check, org) },
      locations: [{ physicalLocation: { artifactLocation: { uri: at.uri }, region: { startLine: Math.max(1, Math.trunc(at.line) || 1) } } }],
      partialFingerprints: {
        [FINGERPRINT_KEY]: fingerprint,
        ...(options.primaryLocationLineHash ? { primaryLocationLineHash: `${fingerprint.slice(0, 16)}:1` } : {}),
      },
      ...(waived ? { suppressions: [{ kind: 'external' as const, status: 'accepted' as const, justification: check.waiver?.reason ?? check.message ?? 'waived' }] } : {}),
    });
  });
  // Worst first (GitHub keeps the top 5,000 by severity), in rule order otherwise.
  results.sort((a, b) => checks[b.ruleIndex]!.risk - checks[a.ruleIndex]!.risk || a.ruleIndex - b.ruleIndex);

  return {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: report.tool.name, semanticVersion: report.tool.version, version: report.tool.version, informationUri: PROJECT_URL, rules } },
        // `category/run-id`: the trailing slash makes the whole id the category (§3.3), the same
        // form upload-sarif's `category` input produces.
        automationDetails: { id: `${(options.category ?? `okta-posture/${org}`).replace(/\/+$/, '')}/` },
        invocations: [{ executionSuccessful: true, endTimeUtc: report.scannedAt, toolExecutionNotifications: notifications }],
        results,
        properties: { organization: org, riskScore: report.riskScore, rating: report.rating },
      },
    ],
  };
}

export interface AnchorContext {
  /** The checked-out repository (absolute), e.g. GITHUB_WORKSPACE. */
  repoRoot?: string;
  /** The workflow file, repository-relative, e.g. `.github/workflows/okta.yml`. */
  workflowFile?: string;
  /** The workflow's line to point at (1 by default). */
  workflowLine?: number;
  /** The built-in bundle's directory, when it is not the last `policies/` in the path. */
  builtInDir?: string;
}

const slashes = (p: string): string => p.replace(/\\/g, '/');
const isAbsolute = (p: string): boolean => /^(\/|[A-Za-z]:\/|\/\/)/.test(p);
const isRemote = (p: string): boolean => /^https?:\/\//i.test(p);

/** The path relative to the repository root, when the file is inside it (and not a dependency). */
function repoRelative(file: string, repoRoot: string | undefined): string | undefined {
  let rel: string;
  if (isAbsolute(file)) {
    if (!repoRoot) return undefined;
    const root = slashes(repoRoot).replace(/\/+$/, '') + '/';
    if (!file.startsWith(root)) return undefined;
    rel = file.slice(root.length);
  } else {
    rel = file;
  }
  // Resolve `.` and `..` segments; a path that climbs out of the root is outside.
  const parts: string[] = [];
  for (const seg of rel.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') {
      if (!parts.length) return undefined;
      parts.pop();
    } else parts.push(seg);
  }
  if (!parts.length || parts.includes('node_modules')) return undefined;
  return parts.join('/');
}

/** A built-in bundle file's path in okta-posture's own repository: `policies/…`. */
function builtInPath(file: string, builtInDir: string | undefined): string {
  const dir = builtInDir && slashes(builtInDir).replace(/\/+$/, '') + '/';
  if (dir && file.startsWith(dir)) return `policies/${file.slice(dir.length)}`;
  const at = file.lastIndexOf('/policies/');
  return at >= 0 ? file.slice(at + 1) : `policies/${file.slice(file.lastIndexOf('/') + 1)}`;
}

/**
 * Where a check's finding is shown, by default:
 * - a bundle file inside the repository: that file, at the check's line (a relative path is taken
 *   as relative to the repository root, where the action runs);
 * - the built-in bundle, a bundle fetched by URL or one outside the repository: the workflow file
 *   that ran the scan, at `workflowLine` (1 by default), as the step that brought the check in.
 *   `upload-sarif` fingerprints a result by the content of its line, so a line that rarely
 *   changes (line 1, the workflow's `name:`) keeps those alerts stable;
 * - without a workflow file (the CLI): the built-in check's path in okta-posture's repository,
 *   `policies/checks/….mql.yaml` at the check's line, which tells the reader where to find it and
 *   which GitHub accepts although no such file is in the scanned repository (it then shows the
 *   alert without a code preview); a remote or outside file by its file name.
 * The line should not matter to alert identity: see the fingerprint note in `buildSarif`.
 */
export function anchorFor(check: Pick<ReportCheck, 'source'>, ctx: AnchorContext = {}): Anchor {
  const file = slashes(check.source.file);
  const line = Math.max(1, check.source.line || 1);
  const wf = ctx.workflowFile && slashes(ctx.workflowFile);
  const workflow = wf ? { uri: repoRelative(wf, ctx.repoRoot) ?? wf, line: Math.max(1, ctx.workflowLine ?? 1) } : undefined;
  const fileName = (p: string): string => p.replace(/[?#].*$/, '').replace(/\/+$/, '').split('/').pop() || 'bundle.mql.yaml';

  if (isRemote(file)) return workflow ?? { uri: fileName(file), line };
  const inRepo = repoRelative(file, ctx.repoRoot);
  // A built-in file is inside the repository only when okta-posture scans itself (`uses: ./`).
  if (inRepo && (!check.source.builtIn || ctx.repoRoot)) return { uri: inRepo, line };
  if (check.source.builtIn) return workflow ?? { uri: builtInPath(file, ctx.builtInDir && slashes(ctx.builtInDir)), line };
  return workflow ?? { uri: fileName(file), line };
}
