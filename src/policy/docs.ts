// Writes the reference of the built-in policies (docs/policies.md) from the bundle itself: every
// policy, every check with its impact and sources, and every prop with its default, so the
// documentation of thresholds cannot drift from the YAML.
import type { Bundle, QueryDef } from './bundle.js';
import { impactRating } from './scoring.js';

const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ').trim();

function sources(q: QueryDef): string {
  const out: string[] = [];
  if (q.tags['disa-stig/vuln-id']) out.push(`STIG ${q.tags['disa-stig/vuln-id']} (${q.tags['disa-stig/severity'] ?? ''})`);
  if (q.tags['healthinsight/task']) out.push(`HealthInsight: ${q.tags['healthinsight/task']}`);
  return out.join('; ');
}

export function renderPolicyDocs(bundle: Bundle): string {
  const lines = [
    '# The built-in policies',
    '',
    'Generated from `policies/` (`UPDATE_POLICY_DOCS=1 npm test` rewrites this file). Each check\'s',
    'description, audit steps (Admin Console and API) and remediation (Admin Console and, where the',
    'Okta Terraform provider has a resource, Terraform) are in its YAML and in every report.',
    '',
    '| policy | uid | checks | scoring |',
    '|---|---|---|---|',
  ];
  for (const p of bundle.policies) {
    const n = new Set(p.groups.flatMap((g) => g.checks.map((c) => c.uid))).size;
    lines.push(`| ${p.name} | \`${p.uid}\` | ${n} | ${p.scoringSystem} |`);
  }
  lines.push('');

  const props = [...bundle.queries.values()].flatMap((q) => q.props.map((p) => ({ p, q })));
  if (props.length) {
    lines.push('## Props', '', 'Override any of them with `--props name=value` (CLI) or the `props` input (action).', '');
    lines.push('| prop | default | used by | meaning |', '|---|---|---|---|');
    for (const { p, q } of props.sort((a, b) => a.p.uid.localeCompare(b.p.uid))) {
      lines.push(`| \`${p.uid}\` | \`${cell(p.mql.text.replace(/^return\s+/, ''))}\` | \`${q.uid}\` | ${cell(p.title ?? '')} |`);
    }
    lines.push('');
  }

  for (const p of bundle.policies) {
    lines.push(`## ${p.name}`, '');
    if (p.docs.desc) lines.push(cell(p.docs.desc), '');
    for (const g of p.groups) {
      if (g.checks.length === 0) continue;
      lines.push(`### ${g.title ?? 'Checks'}`, '', '| check | impact | sources |', '|---|---|---|');
      for (const ref of g.checks) {
        const q = bundle.queries.get(ref.uid);
        if (!q) continue;
        const impact = q.impact?.value;
        lines.push(`| ${cell(q.title ?? q.uid)}<br>\`${q.uid}\` | ${impact ?? '–'} ${impact === undefined ? '' : impactRating(impact)} | ${cell(sources(q))} |`);
      }
      lines.push('');
    }
  }
  return lines.join('\n');
}
