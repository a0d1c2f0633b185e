// The report of a scan: one plain, versioned object (the JSON report) that every other output is
// built from. Its shape is documented in docs/report-schema.md; a change to it changes
// REPORT_SCHEMA_VERSION.
import type { Value } from '../mql/values.js';
import type { ClientStats } from '../okta/client.js';
import { type CheckStatus, impactRating, type Rating, RATINGS } from '../policy/scoring.js';
import type { ScanResult } from '../scan.js';
import { VERSION } from '../version.js';

export const REPORT_SCHEMA_VERSION = '1.0';

export interface ReportLocation {
  /** The bundle file as it was given (a path, or an https URL). */
  file: string;
  line: number;
  column: number;
  /** The check comes from okta-posture's built-in bundle. */
  builtIn: boolean;
}

export interface ReportCheck {
  uid: string;
  /** The variant query that ran in the check's place, if any. */
  variant?: string;
  title: string;
  /** 0–100; a failing check without one counts as 100. */
  impact: number;
  impactRating: Rating;
  status: CheckStatus;
  /** The risk this check adds: its impact when it fails, else 0. */
  risk: number;
  failingResources: Array<{ type: string; id: string; name: string }>;
  /** Why it errored or was skipped, or the waiver's reason. */
  message?: string;
  /** For errors caused by permissions: the role, scope or credential that would allow the read. */
  needs?: string;
  waiver?: { reason: string; owner?: string; expires?: string; expired: boolean; uncovered?: string[] };
  docs: { desc?: string; audit?: string; remediation: Array<{ id: string; desc: string }> };
  refs: Array<{ url: string; title?: string }>;
  tags: Record<string, string>;
  policies: string[];
  source: ReportLocation;
  /** The MQL that ran. */
  mql?: string;
}

/** Worst first: by the risk a check adds, then its impact, then its title. */
export const worstFirst = (a: ReportCheck, b: ReportCheck): number => b.risk - a.risk || b.impact - a.impact || a.title.localeCompare(b.title);

export interface ReportPolicy {
  uid: string;
  name: string;
  version?: string;
  scoringSystem: string;
  /** 0–100, 100 good; null when nothing was scored. */
  score: number | null;
  riskScore: number | null;
  checks: string[];
}

export interface Report {
  schemaVersion: typeof REPORT_SCHEMA_VERSION;
  tool: { name: 'okta-posture'; version: string };
  /** The org's host, e.g. acme.okta.com. */
  organization: string;
  asset: string;
  scannedAt: string;
  /** 0–100, 0 good; null when no check was scored. */
  riskScore: number | null;
  rating: Rating | 'unrated';
  counts: Record<CheckStatus, number>;
  /** Failing checks by their impact rating. */
  failuresByImpact: Record<Rating, number>;
  policies: ReportPolicy[];
  checks: ReportCheck[];
  props: Record<string, Value>;
  /** Requests sent to Okta, by endpoint template. */
  requests: { total: number; byEndpoint: Record<string, number>; retries: number; rateLimitWaitMs: number };
  durations: { totalMs: number };
  warnings: Array<{ file: string; line: number; column: number; message: string }>;
}

export interface ReportMeta {
  /** Bundle files that belong to the built-in bundle. */
  builtInFiles?: ReadonlySet<string>;
  /** The client's counters: requests by endpoint, retries, time spent waiting on rate limits. */
  client?: Pick<ClientStats, 'requests' | 'retries' | 'rateLimitWaitMs'>;
  totalMs?: number;
}


/** The plain value of a prop or MQL value, for JSON. */
function plain(v: Value): Value {
  return JSON.parse(JSON.stringify(v, (_k, x: unknown) => (x instanceof RegExp ? x.source : x))) as Value;
}

export function buildReport(result: ScanResult, meta: ReportMeta = {}): Report {
  const checks: ReportCheck[] = result.checks.map((c) => {
    const impact = c.impact ?? 100;
    const at = c.query.at;
    return {
      uid: c.uid,
      ...(c.variant ? { variant: c.variant } : {}),
      title: c.title,
      impact,
      impactRating: impactRating(c.impact),
      status: c.status,
      risk: c.status === 'fail' ? impact : 0,
      failingResources: c.failingResources,
      ...(c.message ? { message: c.message } : {}),
      ...(c.needs ? { needs: c.needs } : {}),
      ...(c.waiver ? { waiver: { reason: c.waiver.reason, owner: c.waiver.owner, expires: c.waiver.expires, expired: c.waiver.expired, uncovered: c.waiver.uncovered } } : {}),
      docs: { desc: c.query.docs.desc?.trim(), audit: c.query.docs.audit?.trim(), remediation: c.query.docs.remediation.map((r) => ({ id: r.id, desc: r.desc.trim() })) },
      refs: c.query.refs,
      tags: c.query.tags,
      policies: c.policies,
      source: { file: at.file, line: at.line, column: at.column, builtIn: meta.builtInFiles?.has(at.file) ?? false },
      ...(c.ran.mql ? { mql: c.ran.mql.text.trim() } : {}),
    };
  });
  const failuresByImpact = Object.fromEntries(RATINGS.map((r) => [r, 0])) as Record<Rating, number>;
  for (const c of checks) if (c.status === 'fail') failuresByImpact[c.impactRating]++;
  const byEndpoint = meta.client?.requests ?? {};
  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    tool: { name: 'okta-posture', version: VERSION },
    organization: result.asset.host,
    asset: result.asset.name,
    scannedAt: result.finishedAt,
    riskScore: result.risk ?? null,
    rating: result.rating ?? 'unrated',
    counts: result.counts,
    failuresByImpact,
    policies: result.policies.map((p) => ({
      uid: p.uid,
      name: p.name,
      ...(p.version ? { version: p.version } : {}),
      scoringSystem: p.scoringSystem,
      score: p.score ?? null,
      riskScore: p.score === undefined ? null : 100 - p.score,
      checks: p.checks,
    })),
    checks,
    props: Object.fromEntries(Object.entries(result.props).map(([k, v]) => [k, plain(v)])),
    requests: {
      total: Object.values(byEndpoint).reduce((a, b) => a + b, 0),
      byEndpoint,
      retries: meta.client?.retries ?? 0,
      rateLimitWaitMs: meta.client?.rateLimitWaitMs ?? 0,
    },
    durations: { totalMs: Math.round(meta.totalMs ?? 0) },
    warnings: result.warnings.map((w) => ({ file: w.at.file, line: w.at.line, column: w.at.column, message: w.message })),
  };
}
