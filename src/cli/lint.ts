// `okta-posture lint <files…>`: checks policy bundles and prints each problem with file, line
// and column. Exit 1 when there are errors (warnings alone pass).
import { formatDiagnostic } from '../policy/bundle.js';
import { checkBundleFiles } from '../policy/load.js';
import { parseCommandArgs, UsageError } from './args.js';

export const LINT_HELP = `Usage: okta-posture lint [options] <bundle.mql.yaml …>

Check policy bundles: YAML, duplicate and unknown keys, undefined uids, MQL that does not parse,
fields the okta.* resources do not have, props that are not defined.

Options:
  --quiet    print errors only
`;

export async function lintCommand(argv: string[], out: NodeJS.WritableStream): Promise<number> {
  const { values, positionals } = parseCommandArgs(argv, { quiet: { type: 'boolean', short: 'q' }, help: { type: 'boolean', short: 'h' } }, true);
  if (values.help) {
    out.write(LINT_HELP);
    return 0;
  }
  if (positionals.length === 0) throw new UsageError('give the bundle files to check: okta-posture lint policies/*.mql.yaml');
  const { bundle, diagnostics: all } = checkBundleFiles(positionals);
  const shown = values.quiet ? all.filter((d) => d.severity === 'error') : all;
  for (const d of shown) out.write(`${formatDiagnostic(d)}\n`);
  const errors = all.filter((d) => d.severity === 'error').length;
  const warnings = all.length - errors;
  const checks = bundle.policies.reduce((n, p) => n + p.groups.reduce((m, g) => m + g.checks.length, 0), 0);
  out.write(`${positionals.length} file${positionals.length === 1 ? '' : 's'}, ${bundle.policies.length} polic${bundle.policies.length === 1 ? 'y' : 'ies'}, ${checks} check references, ${bundle.queries.size} queries: ${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}\n`);
  return errors ? 1 : 0;
}
