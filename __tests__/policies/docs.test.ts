// docs/policies.md is generated from the built-in bundle, so it cannot drift from the YAML.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderPolicyDocs } from '../../src/policy/docs.js';
import { builtInPolicyDir, bundleFiles } from '../../src/policy/files.js';
import { loadBundleFiles } from '../../src/policy/load.js';
import { ROOT } from '../helpers/cli.js';

describe('docs/policies.md', () => {
  const { bundle } = loadBundleFiles(bundleFiles([builtInPolicyDir()]));
  const fresh = renderPolicyDocs(bundle);

  it('matches the bundle', () => {
    const path = join(ROOT, 'docs/policies.md');
    if (process.env.UPDATE_POLICY_DOCS === '1') writeFileSync(path, fresh);
    expect(readFileSync(path, 'utf8'), 'run with UPDATE_POLICY_DOCS=1 to regenerate').toBe(fresh);
  });

  it('lists every prop with its default and every check of each policy', () => {
    for (const q of bundle.queries.values()) for (const p of q.props) expect(fresh).toContain(`| \`${p.uid}\` | \`${p.mql.text.trim()}\``);
    for (const p of bundle.policies) for (const g of p.groups) for (const c of g.checks) expect(fresh).toContain(`\`${c.uid}\``);
  });
});
