// A pull request without Okta credentials (a fork gets no secrets): lint the bundles, annotate
// their problems at their lines, and say plainly that the scan was skipped.
import { isAbsolute, relative, resolve } from 'node:path';
import * as core from '@actions/core';
import type { Diagnostic } from '../policy/bundle.js';
import { builtInPolicyDir, bundleFiles } from '../policy/files.js';
import { checkBundleFiles } from '../policy/load.js';
import { isBundleUrl } from '../policy/remote.js';
import { mdText } from '../report/escape.js';

export function lintOnly(sources: readonly string[], workspace: string): { summary: string; errors: number } {
  const local = sources.filter((s) => !isBundleUrl(s)).map((p) => (isAbsolute(p) ? p : resolve(workspace, p)));
  let diagnostics: Diagnostic[];
  try {
    diagnostics = checkBundleFiles(bundleFiles(local.length ? local : [builtInPolicyDir()])).diagnostics;
  } catch (error) {
    diagnostics = [{ severity: 'error', message: (error as Error).message, at: { file: local[0] ?? '', line: 1, column: 1 } }];
  }
  const errors = diagnostics.filter((d) => d.severity === 'error');
  for (const d of diagnostics) {
    const file = relative(workspace, d.at.file);
    const props = { title: 'okta-posture lint', file, startLine: d.at.line, startColumn: d.at.column };
    if (d.severity === 'error') core.error(d.message, props);
    else core.warning(d.message, props);
  }
  const lines = [
    '## okta-posture: scan skipped',
    '',
    'This run has no Okta credentials (pull requests from forks get no secrets), so the org was not scanned. The policy bundles were linted.',
    '',
    errors.length ? `**${errors.length} error${errors.length === 1 ? '' : 's'}** in the bundles:` : `The bundles lint clean (${diagnostics.length} warning${diagnostics.length === 1 ? '' : 's'}).`,
    '',
    ...diagnostics.map((d) => `- ${mdText(`${relative(workspace, d.at.file)}:${d.at.line}:${d.at.column}: ${d.severity}: ${d.message}`)}`),
  ];
  return { summary: `${lines.join('\n')}\n`, errors: errors.length };
}
