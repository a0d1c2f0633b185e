// What a change to the policies does to the result: the checks a pull request adds, removes and
// changes (in status, impact or risk), and the risk before and after, from two reports of the
// same fetched data, one with the base's bundles and one with the head's. Pure functions.
import type { CheckStatus } from '../policy/scoring.js';
import type { Report, ReportCheck } from './report.js';
import { mdFence, mdText, oneLine } from './escape.js';

export interface CheckState {
  status: CheckStatus;
  impact: number;
  risk: number;
}

export interface ComparedCheck extends CheckState {
  uid: string;
  title: string;
}

export interface ChangedCheck {
  uid: string;
  title: string;
  before: CheckState;
  after: CheckState;
}

export interface Comparison {
  /** What the head was compared with, e.g. `origin/main`. */
  baseLabel: string;
  /** Why there is no comparison (the base's bundles do not load, the ref is unknown, …). */
  problem?: string;
  /** 0–100, 0 good; null when nothing was scored (or nothing existed on the base). */
  riskBefore: number | null;
  riskAfter: number | null;
  added: ComparedCheck[];
  removed: ComparedCheck[];
  changed: ChangedCheck[];
  unchanged: number;
}

const MAX_ROWS = 50;

function stateOf(c: ReportCheck): CheckState {
  return { status: c.status, impact: c.impact, risk: c.risk };
}

/** Worst first: the highest risk, then the highest impact, then by uid. */
function byRisk(a: ComparedCheck, b: ComparedCheck): number {
  return b.risk - a.risk || b.impact - a.impact || a.uid.localeCompare(b.uid);
}

/**
 * Compares the head's report with the base's. `base` undefined with no `problem` means none of
 * the bundles existed on the base: every check is added. With a `problem`, nothing is compared.
 */
export function compareReports(base: Report | undefined, head: Report, baseLabel: string, problem?: string): Comparison {
  const comparison: Comparison = { baseLabel, riskBefore: base?.riskScore ?? null, riskAfter: head.riskScore, added: [], removed: [], changed: [], unchanged: 0 };
  if (problem) return { ...comparison, problem, riskBefore: null };
  const before = new Map((base?.checks ?? []).map((c) => [c.uid, c]));
  const after = new Map(head.checks.map((c) => [c.uid, c]));
  for (const [uid, now] of after) {
    const was = before.get(uid);
    if (!was) comparison.added.push({ uid, title: now.title, ...stateOf(now) });
    else if (was.status !== now.status || was.impact !== now.impact || was.risk !== now.risk) {
      comparison.changed.push({ uid, title: now.title, before: stateOf(was), after: stateOf(now) });
    } else comparison.unchanged++;
  }
  for (const [uid, was] of before) if (!after.has(uid)) comparison.removed.push({ uid, title: was.title, ...stateOf(was) });
  comparison.added.sort(byRisk);
  comparison.removed.sort(byRisk);
  // The largest rise in risk first, then the largest fall.
  comparison.changed.sort((a, b) => b.after.risk - b.before.risk - (a.after.risk - a.before.risk) || a.uid.localeCompare(b.uid));
  return comparison;
}

const riskText = (risk: number | null): string => (risk === null ? 'unscored' : String(risk));

/** "This change raises the risk from 40 to 80", "lowers …", "leaves the risk at 90". */
export function comparisonHeadline(c: Comparison, label: string = c.baseLabel): string {
  if (c.problem) return `The policies were not compared with ${label}.`;
  const { riskBefore: b, riskAfter: a } = c;
  if (b === a) return `This change leaves the risk ${a === null ? 'unscored' : `at ${a}`}.`;
  if (b !== null && a !== null) return `This change ${a > b ? 'raises' : 'lowers'} the risk from ${b} to ${a}.`;
  return `This change takes the risk from ${riskText(b)} to ${riskText(a)}.`;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

function countsText(c: Comparison): string {
  return `${plural(c.added.length, 'check')} added, ${c.removed.length} removed, ${c.changed.length} changed, ${c.unchanged} unchanged`;
}

/** One line for logs: `Compared with origin/main: risk 40 → 80; 1 check added, 1 removed, 1 changed, 3 unchanged.` */
export function comparisonLine(c: Comparison): string {
  const label = oneLine(c.baseLabel);
  if (c.problem) return `Not compared with ${label}: ${oneLine(c.problem)}`;
  return `Compared with ${label}: risk ${riskText(c.riskBefore)} → ${riskText(c.riskAfter)}; ${countsText(c)}.`;
}

function checkCell(c: { uid: string; title: string }): string {
  const uid = `<code>${mdText(c.uid)}</code>`;
  return c.title && c.title !== c.uid ? `${mdText(c.title)} ${uid}` : uid;
}

function table(title: string, header: string, rows: string[]): string[] {
  if (rows.length === 0) return [];
  const shown = rows.slice(0, MAX_ROWS);
  const more = rows.length - shown.length;
  const rule = `|${'---|'.repeat(header.split('|').length - 2)}`;
  return [`**${title}**`, '', header, rule, ...shown, ...(more > 0 ? ['', `… and ${more} more.`] : []), ''];
}

const arrow = <T>(before: T, after: T): string => (before === after ? String(before) : `${String(before)} → ${String(after)}`);

/** The comparison for the job summary and the pull-request comment. */
export function comparisonMarkdown(c: Comparison): string {
  const label = `<code>${mdText(c.baseLabel)}</code>`;
  const lines = [`### Policy changes compared with ${label}`, '', comparisonHeadline(c, label), ''];
  if (c.problem) {
    lines.push("The results are those of this branch's policies; the comparison was skipped because:", '', mdFence(c.problem.slice(0, 8_000)));
    return lines.join('\n') + '\n';
  }
  lines.push(`${countsText(c)}.`, '');
  lines.push(
    ...table(
      'Changed',
      '| Check | Status | Impact | Risk |',
      c.changed.map((x) => `| ${checkCell(x)} | ${arrow(x.before.status, x.after.status)} | ${arrow(x.before.impact, x.after.impact)} | ${arrow(x.before.risk, x.after.risk)} |`),
    ),
    ...table('Added', '| Check | Status | Impact | Risk |', c.added.map((x) => `| ${checkCell(x)} | ${x.status} | ${x.impact} | ${x.risk} |`)),
    ...table('Removed', '| Check | Status on the base | Impact | Risk it carried |', c.removed.map((x) => `| ${checkCell(x)} | ${x.status} | ${x.impact} | ${x.risk} |`)),
  );
  return lines.join('\n').trimEnd() + '\n';
}
