// The console report, in the manner of cnspec's compact output: a line per check marked by its
// result, the rating and risk of each failure, then the policies and, last, the org's risk.
//
//   Asset: Okta Organization acme.okta.com
//
//   ✓ Pass:  Passwords must contain a number
//   . Skip:  …
//   ~ Waived: …
//   ! Error: The Admin Console requires multifactor authentication
//            app authentication policies exist only on Identity Engine orgs; …
//   ✕ Fail:  CRITICAL (90)   The System Log is streamed to a central log server
//   ✕ Fail:  HIGH (75)       Every administrator has a phishing-resistant authenticator
//            ben@acme.example, chloe@acme.example and 2 more
//
//   Policies:
//     CRITICAL (90)   Okta security best practices 1.0.0
//
//   Risk: 90 (critical) — 72 failed, 15 passed, 0 errors, 0 skipped, 0 waived
//
// Labels and the rating-and-risk are padded so titles line up. Passes are listed in compact too,
// as cnspec does. Failures come last and worst first, next to the verdict at the bottom of a
// terminal. Compact names a few failing resources on one line; full lists them one per line with their
// type and id, and adds the remediation of each failure.
// Every value from Okta or a bundle goes through terminalText: no escape sequence gets through.
import { worstFirst, type Report, type ReportCheck } from './report.js';
import { riskRating, type Rating } from '../policy/scoring.js';
import { terminalLines, terminalText } from './escape.js';

export interface ConsoleOptions {
  /** Also the failing resources one per line with type and id, and the remediation of failures. */
  full?: boolean;
  /** How many failing resources to name per check (compact default 5, full default 25). */
  maxResources?: number;
  /** ANSI colours (the CLI passes stdout.isTTY && !NO_COLOR). */
  color?: boolean;
}

type Paint = (code: string, text: string) => string;

const ANSI = { red: '31', boldRed: '1;31', yellow: '33', blue: '34', cyan: '36', green: '32', magenta: '35', dim: '2', bold: '1' };
const RATING_COLOR: Record<Rating | 'unrated', string> = { critical: ANSI.boldRed, high: ANSI.red, medium: ANSI.yellow, low: ANSI.cyan, none: ANSI.green, unrated: ANSI.dim };

/** cnspec's labels: `✓ Pass:  title`, `! Error: title`; titles start in one column (a waived one, one further). */
const LABEL = { pass: 'Pass: ', fail: 'Fail: ', error: 'Error:', skip: 'Skip: ', waived: 'Waived:' } as const;
/** Where detail lines start: under the title of a pass, skip, error or waived line. */
const INDENT = ' '.repeat(9);
/** `CRITICAL (100)` is the longest rating-and-risk. */
const RISK_WIDTH = 'CRITICAL (100)'.length;

const ratingText = (rating: Rating | 'unrated', risk?: number): string => (risk === undefined ? rating.toUpperCase() : `${rating.toUpperCase()} (${risk})`);

const byTitle = (a: ReportCheck, b: ReportCheck): number => a.title.localeCompare(b.title);

function resourceLines(c: ReportCheck, full: boolean, max: number): string[] {
  const n = c.failingResources.length;
  if (n === 0) return [];
  const shown = c.failingResources.slice(0, max);
  const more = n - shown.length;
  if (!full) return [`${INDENT}${shown.map((r) => terminalText(r.name || r.id)).join(', ')}${more > 0 ? ` and ${more} more` : ''}`];
  return [
    `${INDENT}Failing resources (${n}):`,
    ...shown.map((r) => `${INDENT}  ${terminalText(r.name || r.id)}  (${terminalText(r.type)} ${terminalText(r.id)})`),
    ...(more > 0 ? [`${INDENT}  … and ${more} more`] : []),
  ];
}

function waiverLine(c: ReportCheck): string[] {
  const w = c.waiver;
  if (!w) return [];
  const by = [w.owner, w.expires ? `until ${w.expires}` : undefined].filter(Boolean).map((s) => terminalText(s!));
  const reason = `${terminalText(w.reason)}${by.length ? ` (${by.join(', ')})` : ''}`;
  if (w.expired) return [`${INDENT}waiver expired ${terminalText(w.expires ?? '')}: ${terminalText(w.reason)}`];
  if (c.status === 'fail' && w.uncovered?.length) return [`${INDENT}partly waived, ${w.uncovered.length} not covered: ${reason}`];
  if (c.status === 'waived') return [`${INDENT}${reason}`];
  return [];
}

function remediationLines(c: ReportCheck): string[] {
  const out: string[] = [];
  for (const r of c.docs.remediation) out.push(`${INDENT}Remediation (${terminalText(r.id)}):`, ...terminalLines(r.desc).map((l) => (l ? `${INDENT}  ${l}` : '')));
  return out;
}

function checkLines(c: ReportCheck, paint: Paint, o: Required<Pick<ConsoleOptions, 'full' | 'maxResources'>>): string[] {
  const title = terminalText(c.title);
  switch (c.status) {
    case 'pass':
      return [`${paint(ANSI.green, `✓ ${LABEL.pass}`)} ${title}`];
    case 'skip':
      return [`${paint(ANSI.dim, `. ${LABEL.skip}`)} ${title}`, ...(c.message ? [`${INDENT}${terminalText(c.message)}`] : [])];
    case 'waived':
      return [`${paint(ANSI.dim, `~ ${LABEL.waived}`)} ${title}`, ...waiverLine(c)];
    case 'error':
      return [
        `${paint(ANSI.magenta, `! ${LABEL.error}`)} ${title}`,
        ...(c.message ? [`${INDENT}${terminalText(c.message)}`] : []),
        ...(c.needs ? [`${INDENT}needs ${terminalText(c.needs)}`] : []),
        ...waiverLine(c),
      ];
    case 'fail': {
      const color = RATING_COLOR[c.impactRating];
      const risk = ratingText(c.impactRating, c.risk).padEnd(RISK_WIDTH);
      return [
        `${paint(color, `✕ ${LABEL.fail}`)} ${paint(color, risk)}  ${title}`,
        ...resourceLines(c, o.full, o.maxResources),
        ...waiverLine(c),
        ...(o.full ? remediationLines(c) : []),
      ];
    }
  }
}

function policyLines(report: Report, paint: Paint): string[] {
  if (report.policies.length === 0) return [];
  return [
    'Policies:',
    ...report.policies.map((p) => {
      const rating = p.riskScore === null ? 'unrated' : riskRating(p.riskScore);
      const risk = p.riskScore === null ? 'UNSCORED' : ratingText(rating, p.riskScore);
      return `  ${paint(RATING_COLOR[rating], risk.padEnd(RISK_WIDTH))}  ${terminalText(p.name)}${p.version ? ` ${terminalText(p.version)}` : ''}`;
    }),
    '',
  ];
}

/** The last line: the org's risk and the counts. */
export function riskLine(report: Report, paint: Paint = (_c, t) => t): string {
  const n = report.counts;
  const risk = report.riskScore === null ? 'unrated' : `${report.riskScore} (${report.rating})`;
  const color = RATING_COLOR[report.rating];
  return `${paint(ANSI.bold, 'Risk:')} ${paint(color, risk)} — ${n.fail} failed, ${n.pass} passed, ${n.error} errors, ${n.skip} skipped, ${n.waived} waived`;
}

/** The report for a terminal; ends with the risk line and a newline. */
export function consoleReport(report: Report, options: ConsoleOptions = {}): string {
  const full = options.full ?? false;
  const o = { full, maxResources: options.maxResources ?? (full ? 25 : 5) };
  const paint: Paint = options.color ? (code, text) => `\u001b[${code}m${text}\u001b[0m` : (_code, text) => text;
  const of = (status: ReportCheck['status']) => report.checks.filter((c) => c.status === status);
  const ordered = [...of('pass').sort(byTitle), ...of('skip').sort(byTitle), ...of('waived').sort(byTitle), ...of('error').sort(byTitle), ...of('fail').sort(worstFirst)];

  const lines = [`Asset: ${terminalText(report.asset)}`, ''];
  for (const c of ordered) lines.push(...checkLines(c, paint, o));
  if (ordered.length) lines.push('');
  lines.push(...policyLines(report, paint));
  lines.push(riskLine(report, paint));
  return `${lines.join('\n')}\n`;
}
