// Where in the repository a finding of the built-in bundle points: the workflow that runs the
// scan, at the step that uses okta-posture, so a reader lands on the configuration that chose
// those checks (the rule's help carries the check itself).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The workflow file (repository-relative) and the line of the step using okta-posture. */
export function workflowAnchor(env: NodeJS.ProcessEnv, workspace: string): { workflowFile?: string; workflowLine?: number } {
  // GITHUB_WORKFLOW_REF: owner/repo/.github/workflows/file.yml@refs/heads/main
  const match = /^[^/]+\/[^/]+\/(.+?)@/.exec(env.GITHUB_WORKFLOW_REF ?? '');
  if (!match) return {};
  const workflowFile = match[1]!;
  try {
    const lines = readFileSync(join(workspace, workflowFile), 'utf8').split('\n');
    const index = lines.findIndex((l) => /^\s*(-\s*)?uses:\s*\S*okta-posture/.test(l));
    return { workflowFile, workflowLine: index >= 0 ? index + 1 : 1 };
  } catch {
    return { workflowFile, workflowLine: 1 };
  }
}
