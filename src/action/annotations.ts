// Annotations on the run for the worst failing checks: at most ten (GitHub shows ten of each kind
// per step), worst first, on the policy file's line where the check is in the repository.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import * as core from '@actions/core';
import { worstFirst, type Report } from '../report/report.js';
import { anchorFor, type AnchorContext } from '../report/sarif.js';

export const MAX_ANNOTATIONS = 10;

export function annotate(report: Report, anchors: AnchorContext): void {
  const failing = report.checks.filter((c) => c.status === 'fail').sort(worstFirst);
  for (const check of failing.slice(0, MAX_ANNOTATIONS)) {
    const anchor = anchorFor(check, anchors);
    const inRepo = anchors.repoRoot !== undefined && existsSync(join(anchors.repoRoot, anchor.uri));
    const names = check.failingResources.slice(0, 5).map((r) => r.name);
    const more = check.failingResources.length - names.length;
    const message = `Risk ${check.risk} (${check.impactRating}) in ${report.organization}${names.length ? `: ${names.join(', ')}${more > 0 ? ` and ${more} more` : ''}` : ''}.`;
    const props = { title: check.title, ...(inRepo ? { file: anchor.uri, startLine: anchor.line } : {}) };
    if (check.risk >= 70) core.error(message, props);
    else if (check.risk >= 40) core.warning(message, props);
    else core.notice(message, props);
  }
  if (failing.length > MAX_ANNOTATIONS) core.info(`${failing.length - MAX_ANNOTATIONS} more failing checks are in the summary and the SARIF file.`);
}
