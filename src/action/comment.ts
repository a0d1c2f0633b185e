// The pull-request comment: one per pull request, found again by a hidden marker and updated on
// each run. A missing permission is a warning, not a failure of the scan.
import * as core from '@actions/core';
import * as github from '@actions/github';
import { comparisonMarkdown, type Comparison } from '../report/compare.js';
import type { Report } from '../report/report.js';
import { buildSummary } from '../report/summary.js';

const MARKER = '<!-- okta-posture:pr-comment -->';
/** GitHub refuses comments over 65,536 characters; bytes bound characters from above. */
const MAX_BYTES = 60_000;

export function commentBody(report: Report, comparison?: Comparison): string {
  const body = buildSummary(report, { maxBytes: MAX_BYTES - MARKER.length - 2, comparison: comparison ? comparisonMarkdown(comparison) : undefined, filesNote: 'The full results are in the job summary, and in the JSON and SARIF files of the run.' });
  return `${MARKER}\n${body}`;
}

export async function commentOnPullRequest(token: string, report: Report, comparison?: Comparison): Promise<void> {
  const { owner, repo } = github.context.repo;
  const issue = github.context.payload.pull_request?.number;
  if (!issue) return;
  const octokit = github.getOctokit(token);
  const body = commentBody(report, comparison);
  try {
    for await (const page of octokit.paginate.iterator(octokit.rest.issues.listComments, { owner, repo, issue_number: issue, per_page: 100 })) {
      const mine = page.data.find((c) => c.body?.startsWith(MARKER));
      if (mine) {
        await octokit.rest.issues.updateComment({ owner, repo, comment_id: mine.id, body });
        return;
      }
    }
    await octokit.rest.issues.createComment({ owner, repo, issue_number: issue, body });
  } catch (error) {
    const status = (error as { status?: number }).status;
    const hint = status === 403 ? " Give the workflow the permission 'pull-requests: write'." : '';
    core.warning(`Could not comment on the pull request (${status ?? 'error'}): ${(error as Error).message}.${hint}`);
  }
}
