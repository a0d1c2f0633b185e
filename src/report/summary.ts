// The job summary (GITHUB_STEP_SUMMARY): GitHub-flavoured Markdown with a little HTML, built from
// the report. `core.summary` writes it as it is, so every value from Okta or a bundle is escaped
// here (escape.ts).
//
// GitHub refuses a step summary over 1 MiB. The summary is built as fixed blocks (title, risk,
// counts, comparison) and lists (policies, failing checks, errors, waivers, remediation, skipped,
// passing). When everything does not fit, lists are filled in order of importance until the budget
// is spent; the first list that cannot be shown whole shows what fits, the ones after it show
// nothing, and each list that lost items says how many and where the rest is (options.filesNote).
// The order: policies, errors, failing checks (with up to 3 resources named each, or none when
// the rows do not all fit with names), waivers, remediation details, skipped, passing. So the
// passing list goes first, then the remediation, then resource names, then the failing rows.
import { worstFirst, type Report, type ReportCheck } from './report.js';
import { RATINGS, riskRating } from '../policy/scoring.js';
import { mdCode, mdProse, mdText } from './escape.js';
import { checkCell, plural, ratingCell, ratingMarker, tableLines, utcMinute } from './markdown.js';

export interface SummaryOptions {
  /** The largest summary in bytes (UTF-8); default SUMMARY_MAX_BYTES. */
  maxBytes?: number;
  /** Where the full results are (Markdown, written by the caller, not escaped), e.g. the SARIF and JSON files. */
  filesNote?: string;
  /** The pull-request comparison (Markdown from compare.ts), placed after the risk. */
  comparison?: string;
}

/** GitHub's 1 MiB limit less a margin for what else the step may add. */
export const SUMMARY_MAX_BYTES = 1024 * 1024 - 48 * 1024;

/** Failing resources named in the table row of a check, and in its remediation details. */
const NAMES_IN_ROW = 3;
const NAMES_IN_DETAILS = 20;

const REMEDIATION_LABELS: Record<string, string> = { console: 'Admin Console', terraform: 'Terraform', api: 'API', cli: 'CLI' };

const bytes = (text: string): number => Buffer.byteLength(text, 'utf8');

/** A list of the summary: a heading and opening shown when any item is, and a note for the rest. */
interface List {
  key: string;
  /** Lower fills first. */
  priority: number;
  title?: string;
  open?: string;
  close?: string;
  items: string[];
  /** Items within the list are joined with this. */
  joiner: string;
  /** What is said when `left` items were left out. */
  note: (left: number) => string;
}

type Block = string | List;


const resourceName = (r: { id: string; name: string }): string => mdCode(r.name || r.id, 60);

function namedResources(c: ReportCheck, max: number): string {
  const shown = c.failingResources.slice(0, max).map(resourceName);
  const more = c.failingResources.length - shown.length;
  if (shown.length === 0) return more > 0 ? plural(more, 'resource') : '';
  return `${shown.join(', ')}${more > 0 ? ` and ${more} more` : ''}`;
}

function waiverNotes(c: ReportCheck): string[] {
  if (!c.waiver) return [];
  if (c.waiver.expired) return [`⚠️ waiver expired ${mdText(c.waiver.expires ?? '')}`];
  if (c.waiver.uncovered?.length) return ['partly waived'];
  return [];
}

function failingRow(c: ReportCheck, names: number): string[] {
  const n = c.failingResources.length;
  const listed = names > 0 ? namedResources(c, names) : '';
  const resources = n === 0 ? '—' : listed ? `${n}: ${listed}` : String(n);
  return [ratingCell(c.impactRating, c.risk), [checkCell(c), ...waiverNotes(c)].join('<br>'), resources];
}

function errorRow(c: ReportCheck): string[] {
  return [checkCell(c), c.message ? mdText(c.message, 400) : '—', c.needs ? mdText(c.needs, 200) : '—'];
}

function waiverState(c: ReportCheck): string {
  const w = c.waiver!;
  if (w.expired) return c.status === 'fail' ? '⚠️ **expired**: fails again' : `⚠️ **expired** (${c.status})`;
  if (c.status === 'waived') return '💤 waived';
  if (c.status === 'fail' && w.uncovered?.length) return `partly waived: ${plural(w.uncovered.length, 'resource')} still ${w.uncovered.length === 1 ? 'fails' : 'fail'}`;
  if (c.status === 'pass') return '✅ passes: no longer needed';
  return c.status;
}

function waiverRow(c: ReportCheck): string[] {
  const w = c.waiver!;
  return [checkCell(c), waiverState(c), mdText(w.reason, 300), w.owner ? mdText(w.owner, 100) : '—', w.expires ? mdText(w.expires, 40) : '—'];
}

/** An https link from a bundle, shown by its title; anything else is left out. */
function refLink(ref: { url: string; title?: string }): string | undefined {
  if (!/^https:\/\/[^\s"<>]+$/.test(ref.url)) return undefined;
  const href = ref.url.replace(/[&"'<>]/g, (ch) => `&#${ch.charCodeAt(0)};`);
  return `<a href="${href}">${mdText(ref.title || ref.url, 120)}</a>`;
}

function remediationItem(c: ReportCheck, names: number): string {
  const lines = [`<details><summary>${ratingMarker(c.impactRating)} <b>${c.risk}</b> ${mdText(c.title, 200)}</summary>`, ''];
  for (const r of c.docs.remediation) lines.push(`**${mdText(REMEDIATION_LABELS[r.id] ?? r.id, 40)}:** ${mdProse(r.desc)}`, '');
  if (c.docs.remediation.length === 0) lines.push('_The check gives no remediation._', '');
  if (names > 0 && c.failingResources.length) lines.push(`Failing: ${namedResources(c, names)}`, '');
  const links = c.refs.map(refLink).filter((l): l is string => l !== undefined);
  if (links.length) lines.push(`See ${links.join(', ')}.`, '');
  lines.push('</details>');
  return lines.join('\n');
}

function header(report: Report): string[] {
  const risk =
    report.riskScore === null
      ? `### ${ratingMarker('unrated')} Risk not rated: no check could be scored`
      : `### ${ratingMarker(report.rating)} Risk ${report.riskScore} / 100 · ${report.rating.toUpperCase()}`;
  const checks = report.checks.length;
  const meta = [
    `Scanned ${utcMinute(report.scannedAt)}`,
    `${plural(checks, 'check')} in ${plural(report.policies.length, 'policy', 'policies')}`,
    ...(report.requests.total ? [plural(report.requests.total, 'request') + ' to Okta'] : []),
    ...(report.durations.totalMs ? [`${(report.durations.totalMs / 1000).toFixed(1)} s`] : []),
    `okta-posture ${mdText(report.tool.version, 40)}`,
  ].join(' · ');
  return [`## Okta posture: ${mdText(report.organization, 200)}`, risk, meta];
}

function countsTables(report: Report): string {
  const n = report.counts;
  const status = tableLines(['✅ Passed', '❌ Failed', '⚠️ Errors', '⏭️ Skipped', '💤 Waived'], [[n.pass, n.fail, n.error, n.skip, n.waived].map(String)], ['r', 'r', 'r', 'r', 'r']);
  const impact = tableLines(
    ['Failed checks by impact', ...RATINGS.map((r) => `${ratingMarker(r)} ${r[0]!.toUpperCase()}${r.slice(1)}`)],
    [[`${n.fail} failed`, ...RATINGS.map((r) => String(report.failuresByImpact[r]))]],
    ['l', 'r', 'r', 'r', 'r', 'r'],
  );
  return [...status, '', ...impact].join('\n');
}

function policyRow(p: Report['policies'][number]): string[] {
  const risk = p.riskScore === null ? `${ratingMarker('unrated')} not scored` : ratingCell(riskRating(p.riskScore), p.riskScore);
  return [`${mdText(p.name, 200)}<br>${mdCode(p.uid)}`, p.version ? mdText(p.version, 40) : '—', String(p.checks.length), risk];
}

function expiredWarning(expired: ReportCheck[]): string | undefined {
  if (expired.length === 0) return undefined;
  const again = expired.filter((c) => c.status === 'fail').length;
  return `> [!WARNING]\n> ${plural(expired.length, 'waiver has', 'waivers have')} expired${again ? `; ${plural(again, 'check')} they covered ${again === 1 ? 'fails' : 'fail'} again` : ''}. See **Waivers** below.`;
}

/** Everything in the summary, in document order, with `names` resources named per failing row. */
function blocks(report: Report, options: SummaryOptions, names: number): Block[] {
  const of = (status: ReportCheck['status']) => report.checks.filter((c) => c.status === status);
  const failing = of('fail').sort(worstFirst);
  const errors = of('error').sort((a, b) => b.impact - a.impact || a.title.localeCompare(b.title));
  const waivers = report.checks.filter((c) => c.waiver).sort((a, b) => Number(b.waiver!.expired) - Number(a.waiver!.expired) || worstFirst(a, b));
  const skipped = of('skip');
  const passing = of('pass').sort((a, b) => a.title.localeCompare(b.title));
  const where = options.filesNote ?? 'the JSON and SARIF reports';
  const leftOut = (what: string) => `_${what} left out to keep this summary within GitHub's size limit: see ${where}._`;

  const out: Block[] = [header(report).join('\n\n')];
  const warning = expiredWarning(report.checks.filter((c) => c.waiver?.expired));
  if (warning) out.push(warning);
  if (options.comparison?.trim()) out.push(options.comparison.trim());
  out.push(countsTables(report));
  const table = (key: string, priority: number, title: string, head: string[], rows: string[][], note: (left: number) => string, extra?: string): List => {
    const [h, rule] = tableLines(head, []);
    return { key, priority, title: extra ? `${title}\n\n${extra}` : title, open: `${h}\n${rule}`, items: rows.map((r) => `| ${r.join(' | ')} |`), joiner: '\n', note };
  };
  if (report.policies.length)
    out.push(table('policies', 0, '### Policies', ['Policy', 'Version', 'Checks', 'Risk'], report.policies.map(policyRow), (n) => leftOut(plural(n, 'more policy', 'more policies'))));
  if (failing.length)
    out.push(
      table(
        'failing',
        2,
        `### ❌ Failing checks (${failing.length})`,
        ['Risk', 'Check', 'Failing resources'],
        failing.map((c) => failingRow(c, names)),
        (n) => leftOut(`${plural(n, 'more failing check')}, the lowest risks,`),
        names === 0 ? leftOut('The names of failing resources are') : undefined,
      ),
    );
  if (errors.length)
    out.push(
      table(
        'errors',
        1,
        `### ⚠️ Checks that could not be evaluated (${errors.length})`,
        ['Check', 'Why', 'Needed to read it'],
        errors.map(errorRow),
        (n) => leftOut(`${plural(n, 'more check')} with errors`),
        "An unread setting is not a safe one: these checks count as neither passed nor failed.",
      ),
    );
  if (waivers.length)
    out.push(table('waivers', 3, `### 💤 Waivers (${waivers.length})`, ['Check', 'State', 'Reason', 'Owner', 'Expires'], waivers.map(waiverRow), (n) => leftOut(plural(n, 'more waiver'))));
  if (failing.length)
    out.push({
      key: 'remediation',
      priority: 4,
      title: '### 🛠️ How to fix the failing checks',
      items: failing.map((c) => remediationItem(c, names > 0 ? NAMES_IN_DETAILS : 0)),
      joiner: '\n\n',
      note: (n) => leftOut(`The remediation of ${plural(n, 'more check')} is`),
    });
  if (skipped.length)
    out.push({
      key: 'skipped',
      priority: 5,
      open: `<details><summary>⏭️ ${plural(skipped.length, 'skipped check')}</summary>\n`,
      close: '</details>',
      items: skipped.map((c) => `- ${mdText(c.title, 200)}${c.message ? `: ${mdText(c.message, 200)}` : ''}`),
      joiner: '\n',
      note: (n) => leftOut(plural(n, 'skipped check')),
    });
  if (passing.length)
    out.push({
      key: 'passing',
      priority: 6,
      open: `<details><summary>✅ ${plural(passing.length, 'passing check')}</summary>\n`,
      close: '</details>',
      items: passing.map((c) => `- ${mdText(c.title, 200)}`),
      joiner: '\n',
      note: (n) => leftOut(plural(n, 'passing check')),
    });
  if (options.filesNote) out.push(`📄 ${options.filesNote}`);
  return out;
}

const BLOCK_JOINER = '\n\n';

function renderList(list: List, taken: number): string {
  const left = list.items.length - taken;
  const parts: string[] = [];
  if (taken > 0) {
    if (list.title) parts.push(list.title);
    parts.push([list.open, list.items.slice(0, taken).join(list.joiner), list.close].filter((p) => p !== undefined).join('\n'));
  } else if (list.title) parts.push(list.title.split('\n')[0]!);
  if (left > 0) parts.push(list.note(left));
  return parts.join(BLOCK_JOINER);
}

/** What a list costs when it shows all its items: its heading, opening and closing. */
const listBase = (l: List): number => bytes(l.title ?? '') + bytes(l.open ?? '') + bytes(l.close ?? '') + 2 * BLOCK_JOINER.length + 2;
/** The note a list needs when it loses items (at its longest), and the space before it. */
const noteCost = (l: List): number => bytes(l.note(l.items.length)) + BLOCK_JOINER.length;

/**
 * Renders the blocks with as many list items as fit in maxBytes. Lists are filled by priority,
 * each from its start (so what is left out is its end); once one loses items, the lists after it
 * show none. Room is kept for the note of every list not yet filled. Also says which lists lost
 * items.
 */
function fit(all: Block[], maxBytes: number): { text: string; truncated: Set<string> } {
  const lists = all.filter((b): b is List => typeof b !== 'string').sort((a, b) => a.priority - b.priority);
  let used = 1 + all.reduce((sum, b) => sum + (typeof b === 'string' ? bytes(b) + BLOCK_JOINER.length : listBase(b)), 0);
  const taken = new Map<List, number>();
  let full = false;
  lists.forEach((list, i) => {
    if (full) {
      // A list of higher priority lost items: this one shows none, so the order of what is left out holds.
      taken.set(list, 0);
      used += noteCost(list);
      return;
    }
    const reserve = lists.slice(i + 1).reduce((sum, l) => sum + noteCost(l), 0);
    const costs = list.items.map((item) => bytes(item) + list.joiner.length);
    const total = costs.reduce((a, b) => a + b, 0);
    if (used + total + reserve <= maxBytes) {
      used += total;
      taken.set(list, list.items.length);
      return;
    }
    used += noteCost(list);
    let n = 0;
    while (n < costs.length && used + costs[n]! + reserve <= maxBytes) used += costs[n++]!;
    taken.set(list, n);
    full = true;
  });
  const text = `${all.map((b) => (typeof b === 'string' ? b : renderList(b, taken.get(b)!))).join(BLOCK_JOINER)}\n`;
  return { text, truncated: new Set(lists.filter((l) => taken.get(l)! < l.items.length).map((l) => l.key)) };
}

/** The last resort: the title, the risk and the counts, cut to maxBytes at a character boundary. */
function minimal(report: Report, options: SummaryOptions, maxBytes: number): string {
  const where = options.filesNote ?? 'the JSON and SARIF reports';
  const text = `${[...header(report), countsTables(report), `_The details do not fit GitHub's size limit for a summary: see ${where}._`].join('\n\n')}\n`;
  return truncateUtf8(text, maxBytes);
}

/** The longest prefix of text that is at most maxBytes in UTF-8, cut between characters. */
export function truncateUtf8(text: string, maxBytes: number): string {
  const buf = Buffer.from(text, 'utf8');
  if (buf.length <= maxBytes) return text;
  let end = Math.max(0, maxBytes);
  while (end > 0 && (buf[end]! & 0xc0) === 0x80) end--;
  return buf.subarray(0, end).toString('utf8');
}

/** The job summary of a scan, at most options.maxBytes long. */
export function buildSummary(report: Report, options: SummaryOptions = {}): string {
  const maxBytes = options.maxBytes ?? SUMMARY_MAX_BYTES;
  let best = fit(blocks(report, options, NAMES_IN_ROW), maxBytes);
  // Failing rows that lost their place: name no resources and try again.
  if (best.truncated.has('failing')) best = fit(blocks(report, options, 0), maxBytes);
  if (bytes(best.text) <= maxBytes) return best.text;
  // The fixed blocks alone are too big (a huge comparison, a tiny limit): without the comparison.
  if (options.comparison) return buildSummary(report, { ...options, comparison: undefined });
  return minimal(report, options, maxBytes);
}
