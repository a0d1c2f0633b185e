// The console report, in the shape of cnspec's compact output: passing, failing (with the risk
// each failure carries and the resources that fail it), errors, skipped and waived checks, then a
// line per policy and the org's overall risk.
import type { ScanCheck, ScanResult } from '../scan.js';
import { impactRating, riskRating, type Rating } from '../policy/scoring.js';

export interface ConsoleOptions {
  /** Also list passing and skipped checks (compact shows counts only). */
  full?: boolean;
  /** How many failing resources to name per check. */
  maxResources?: number;
}

const upper = (r: Rating | undefined) => (r ?? 'unrated').toUpperCase();

function failingLine(c: ScanCheck): string {
  const risk = c.impact ?? 100;
  return `✕ ${`${upper(impactRating(c.impact))} (${risk}):`.padEnd(16)} ${c.title}`;
}

function resourcesLine(c: ScanCheck, max: number): string | undefined {
  if (c.failingResources.length === 0) return undefined;
  const names = c.failingResources.slice(0, max).map((f) => f.name);
  const more = c.failingResources.length - names.length;
  return `    ${names.join(', ')}${more > 0 ? ` and ${more} more` : ''}`;
}

const byRisk = (a: ScanCheck, b: ScanCheck) => (b.impact ?? 100) - (a.impact ?? 100) || a.title.localeCompare(b.title);

export function consoleReport(result: ScanResult, options: ConsoleOptions = {}): string {
  const max = options.maxResources ?? 5;
  const lines: string[] = [`Asset: ${result.asset.name}`, ''];
  const of = (status: ScanCheck['status']) => result.checks.filter((c) => c.status === status);

  const passing = of('pass');
  if (options.full && passing.length) {
    lines.push('Passing:');
    for (const c of [...passing].sort((a, b) => a.title.localeCompare(b.title))) lines.push(`✓ ${c.title}`);
    lines.push('');
  }
  const waived = of('waived');
  if (waived.length) {
    lines.push('Waived:');
    for (const c of waived) lines.push(`~ ${c.title}`, `    ${c.waiver?.reason ?? ''}${c.waiver?.owner ? ` (${c.waiver.owner}` : ''}${c.waiver?.expires ? `${c.waiver?.owner ? ', ' : ' ('}until ${c.waiver.expires})` : c.waiver?.owner ? ')' : ''}`);
    lines.push('');
  }
  const errors = of('error');
  const skipped = of('skip');
  if (errors.length || (options.full && skipped.length)) {
    lines.push('Not assessed:');
    for (const c of errors) lines.push(`! Error: ${c.title}`, `    ${c.message ?? ''}${c.needs ? ` (needs ${c.needs})` : ''}`);
    if (options.full) for (const c of skipped) lines.push(`. Skipped: ${c.title}`);
    lines.push('');
  }
  const failing = of('fail').sort(byRisk);
  if (failing.length) {
    lines.push('Failing:');
    for (const c of failing) {
      lines.push(failingLine(c));
      const res = resourcesLine(c, max);
      if (res) lines.push(res);
      if (c.waiver?.expired) lines.push(`    waiver expired ${c.waiver.expires}: ${c.waiver.reason}`);
    }
    lines.push('');
  }

  const n = result.counts;
  lines.push(`Checks: ${n.pass} passed, ${n.fail} failed, ${n.error} errors, ${n.skip} skipped, ${n.waived} waived`);
  lines.push('Policies:');
  for (const p of result.policies) {
    const risk = p.score === undefined ? 'unscored' : `${upper(riskRating(100 - p.score))} (${100 - p.score})`;
    lines.push(`  ${risk.padEnd(16)} ${p.name}${p.version ? ` ${p.version}` : ''}`);
  }
  lines.push('', 'Scanned 1 asset', '', 'Okta Organization');
  lines.push(`  ${(result.risk === undefined ? 'UNRATED' : `${upper(result.rating)} (${result.risk}):`).padEnd(16)} ${result.asset.name}`);
  return `${lines.join('\n')}\n`;
}
