// JUnit XML, for CI systems that show test results: one test suite per policy, one test case per
// check of the policy (a check in two policies appears in both, as cnspec does).
//
// - pass    → a test case with no child
// - fail    → <failure>: the message names the rating, the risk and the failing resources; the
//             body lists the resources and the remediation
// - error   → <error>: why it could not be evaluated, and what would let it read the data
// - skip    → <skipped> with the reason
// - waived  → <skipped> with "waived: <reason> (owner, until date)". JUnit has no "accepted"
//             state: a pass would claim the control is met, a failure would break the build the
//             waiver exists to keep green; skipped keeps it visible and not counted either way.
import type { Report, ReportCheck, ReportPolicy } from './report.js';
import { xmlAttr, xmlText } from './escape.js';

/** Failing resources listed in a failure's message; the body lists up to BODY_RESOURCES. */
const MESSAGE_RESOURCES = 5;
const BODY_RESOURCES = 200;

type Attrs = Record<string, string | number | undefined>;

const attrs = (a: Attrs): string =>
  Object.entries(a)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => ` ${k}="${xmlAttr(String(v))}"`)
    .join('');

const element = (name: string, a: Attrs, body?: string): string => (body === undefined ? `<${name}${attrs(a)}/>` : `<${name}${attrs(a)}>${body}</${name}>`);

const resourceText = (r: { type: string; id: string; name: string }): string => `${r.name || r.id} (${r.type} ${r.id})`;

function failureMessage(c: ReportCheck): string {
  const n = c.failingResources.length;
  const names = c.failingResources.slice(0, MESSAGE_RESOURCES).map((r) => r.name || r.id);
  const which = n === 0 ? '' : `: ${n} failing resource${n === 1 ? '' : 's'}: ${names.join(', ')}${n > names.length ? ` and ${n - names.length} more` : ''}`;
  const waiver = c.waiver?.expired ? ` (waiver expired ${c.waiver.expires ?? ''})` : c.waiver?.uncovered?.length ? ' (partly waived)' : '';
  return `${c.impactRating.toUpperCase()} (${c.risk})${which}${waiver}`;
}

function failureBody(c: ReportCheck): string {
  const parts: string[] = [];
  if (c.failingResources.length) {
    const shown = c.failingResources.slice(0, BODY_RESOURCES).map((r) => `  - ${resourceText(r)}`);
    const more = c.failingResources.length - shown.length;
    parts.push(['Failing resources:', ...shown, ...(more > 0 ? [`  … and ${more} more`] : [])].join('\n'));
  }
  for (const r of c.docs.remediation) parts.push(`Remediation (${r.id}):\n${r.desc}`);
  if (c.docs.desc) parts.push(`About this check:\n${c.docs.desc}`);
  return parts.join('\n\n');
}

function waiverText(c: ReportCheck): string {
  const w = c.waiver;
  if (!w) return c.message ?? 'waived';
  const by = [w.owner, w.expires ? `until ${w.expires}` : undefined].filter(Boolean).join(', ');
  return `waived: ${w.reason}${by ? ` (${by})` : ''}`;
}

function testcase(c: ReportCheck, classname: string): string {
  const a = { classname, name: `${c.title} [${c.uid}]` };
  switch (c.status) {
    case 'pass':
      return element('testcase', a);
    case 'fail':
      return element('testcase', a, element('failure', { message: failureMessage(c), type: c.impactRating }, xmlText(failureBody(c))));
    case 'error': {
      const body = [c.message ?? 'the check could not be evaluated', ...(c.needs ? [`Needed to read it: ${c.needs}`] : [])].join('\n\n');
      return element('testcase', a, element('error', { message: c.message ?? 'error', type: c.needs ? 'forbidden' : 'error' }, xmlText(body)));
    }
    case 'skip':
      return element('testcase', a, element('skipped', { message: c.message ?? 'skipped' }));
    case 'waived':
      return element('testcase', a, element('skipped', { message: waiverText(c) }));
  }
}

interface Suite {
  name: string;
  uid: string;
  version?: string;
  score?: number | null;
  riskScore?: number | null;
  checks: ReportCheck[];
}

const tally = (checks: readonly ReportCheck[]) => ({
  tests: checks.length,
  failures: checks.filter((c) => c.status === 'fail').length,
  errors: checks.filter((c) => c.status === 'error').length,
  skipped: checks.filter((c) => c.status === 'skip' || c.status === 'waived').length,
});

/** The policies' suites, and one for checks that belong to no policy of the report (if any). */
function suites(report: Report): Suite[] {
  const byUid = new Map(report.checks.map((c) => [c.uid, c]));
  const inPolicy = new Set<string>();
  const out: Suite[] = report.policies.map((p: ReportPolicy) => {
    const checks = p.checks.map((uid) => byUid.get(uid)).filter((c): c is ReportCheck => c !== undefined);
    for (const c of checks) inPolicy.add(c.uid);
    return { name: p.name, uid: p.uid, version: p.version, score: p.score, riskScore: p.riskScore, checks };
  });
  const loose = report.checks.filter((c) => !inPolicy.has(c.uid));
  if (loose.length) out.push({ name: 'Checks outside any policy', uid: 'okta-posture', checks: loose });
  return out;
}

function suiteXml(s: Suite, report: Report): string {
  const props = [
    ['organization', report.organization],
    ['policy.uid', s.uid],
    ['policy.version', s.version],
    ['policy.score', s.score ?? undefined],
    ['policy.riskScore', s.riskScore ?? undefined],
  ].filter(([, v]) => v !== undefined && v !== null);
  const properties = element('properties', {}, props.map(([name, value]) => element('property', { name, value })).join(''));
  const cases = s.checks.map((c) => `    ${testcase(c, s.uid)}`);
  const open = `<testsuite${attrs({ name: s.name, ...tally(s.checks), timestamp: report.scannedAt.replace(/\.\d+Z$/, 'Z'), hostname: report.organization })}>`;
  return [`  ${open}`, `    ${properties}`, ...cases, '  </testsuite>'].join('\n');
}

/** The report as JUnit XML. */
export function buildJUnit(report: Report): string {
  const all = suites(report);
  const total = all.reduce(
    (t, s) => {
      const n = tally(s.checks);
      return { tests: t.tests + n.tests, failures: t.failures + n.failures, errors: t.errors + n.errors, skipped: t.skipped + n.skipped };
    },
    { tests: 0, failures: 0, errors: 0, skipped: 0 },
  );
  const root = attrs({ name: `okta-posture ${report.organization}`, ...total, time: (report.durations.totalMs / 1000).toFixed(3) });
  return ['<?xml version="1.0" encoding="UTF-8"?>', `<testsuites${root}>`, ...all.map((s) => suiteXml(s, report)), '</testsuites>', ''].join('\n');
}
