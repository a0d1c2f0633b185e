// Lint finds every planted mistake at the line (and column) that holds it: YAML errors,
// duplicate keys, unknown keys, undefined uids, MQL that does not parse, fields and props that
// do not exist, bad impacts and scoring systems, uids defined twice.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatDiagnostic, type Diagnostic } from '../../src/policy/bundle.js';
import { checkBundleFiles } from '../../src/policy/load.js';
import { runCli } from '../helpers/cli.js';

const DIR = join(import.meta.dirname, '../fixtures/bundles');
const file = (name: string) => join(DIR, name);

/** Line and column (1-based) of the first occurrence of `text` in a fixture file. */
function where(name: string, text: string, nth = 1): { line: number; column: number } {
  const lines = readFileSync(file(name), 'utf8').split('\n');
  let seen = 0;
  for (let i = 0; i < lines.length; i++) {
    const col = lines[i]!.indexOf(text);
    if (col >= 0 && ++seen === nth) return { line: i + 1, column: col + 1 };
  }
  throw new Error(`'${text}' is not in ${name}`);
}

function find(ds: Diagnostic[], fragment: string): Diagnostic {
  const d = ds.find((x) => x.message.includes(fragment));
  if (!d) throw new Error(`no diagnostic mentions '${fragment}'; got:\n${ds.map(formatDiagnostic).join('\n')}`);
  return d;
}

describe('lint of planted mistakes', () => {
  const { diagnostics } = checkBundleFiles([file('mistakes.mql.yaml')]);

  const planted: Array<[string, 'error' | 'warning', string, { line: number; column: number }]> = [
    ['a scoring system that does not exist', 'error', "not 'most important'", where('mistakes.mql.yaml', 'most important')],
    ['an unknown key', 'warning', "the key 'colour'", where('mistakes.mql.yaml', 'colour')],
    ['a check referenced but not defined', 'error', "'mistakes-missing-check' is referenced here but not defined", where('mistakes.mql.yaml', 'uid: mistakes-missing-check')],
    ['a field the schema does not have', 'error', "okta.user has no field 'statuss' (did you mean 'status'?)", where('mistakes.mql.yaml', 'statuss')],
    ['MQL that does not parse', 'error', "unexpected '=='", { line: where('mistakes.mql.yaml', '== == "block"').line, column: where('mistakes.mql.yaml', '== == "block"').column + 3 }],
    ['a prop nobody defines', 'error', "no property 'undefinedLength'", { line: where('mistakes.mql.yaml', 'props.undefinedLength').line, column: where('mistakes.mql.yaml', 'props.undefinedLength').column + 6 }],
    ['an impact word cnspec does not know', 'error', "not 'severe'", where('mistakes.mql.yaml', 'severe')],
    ['a variant that is not defined', 'error', "the variant 'mistakes-variant-nowhere'", where('mistakes.mql.yaml', 'uid: mistakes-variant-nowhere')],
    ['a uid defined twice', 'error', "'mistakes-typo-field' is defined twice", where('mistakes.mql.yaml', 'uid: mistakes-typo-field', 3)],
  ];

  it.each(planted)('finds %s at its line and column', (_what, severity, fragment, at) => {
    const d = find(diagnostics, fragment);
    expect(d.severity).toBe(severity);
    expect({ line: d.at.line, column: d.at.column }).toEqual(at);
    expect(d.at.file).toBe(file('mistakes.mql.yaml'));
  });

  it('reports nothing that was not planted', () => {
    expect(diagnostics.length).toBe(planted.length);
  });

  it('points at a duplicate key and at an unclosed quote, not at the end of the file', () => {
    const dup = checkBundleFiles([file('mistakes-duplicate-key.mql.yaml')]).diagnostics;
    expect(dup).toHaveLength(1);
    expect(dup[0]!.message).toBe("the key 'title' appears twice in the same map");
    expect(dup[0]!.at).toMatchObject(where('mistakes-duplicate-key.mql.yaml', 'title: A second title'));

    const quote = checkBundleFiles([file('mistakes-syntax.mql.yaml')]).diagnostics;
    expect(quote).toHaveLength(1);
    expect(quote[0]!.message).toBe('this double-quoted string is never closed');
    expect(quote[0]!.at).toMatchObject(where('mistakes-syntax.mql.yaml', '"an unclosed'));
  });

  it('reports a file that cannot be read, by name', () => {
    const { diagnostics: ds, unreadable } = checkBundleFiles([file('no-such-bundle.mql.yaml')]);
    expect(unreadable).toEqual([file('no-such-bundle.mql.yaml')]);
    expect(ds[0]).toMatchObject({ severity: 'error', message: 'cannot read the file (ENOENT)', at: { file: file('no-such-bundle.mql.yaml'), line: 1 } });
  });

  it('passes a cnspec-format bundle with Terraform variants without a word', () => {
    expect(checkBundleFiles([file('cnspec-example.mql.yaml')]).diagnostics).toEqual([]);
  });
});

describe('okta-posture lint', () => {
  it('prints file:line:column for each problem and exits 1 on errors', async () => {
    const r = await runCli(['lint', file('mistakes.mql.yaml'), file('mistakes-syntax.mql.yaml')]);
    expect(r.code).toBe(1);
    const at = where('mistakes.mql.yaml', 'statuss');
    // A file that does not parse stops the cross-file checks, so only YAML-level problems show.
    expect(r.stdout).toContain(`${file('mistakes-syntax.mql.yaml')}:3:12: error: this double-quoted string is never closed`);
    expect(r.stdout).not.toContain(`:${at.line}:${at.column}:`);
    const alone = await runCli(['lint', file('mistakes.mql.yaml')]);
    expect(alone.stdout).toContain(`${file('mistakes.mql.yaml')}:${at.line}:${at.column}: error: the mql of mistakes-typo-field: okta.user has no field 'statuss'`);
    expect(alone.stdout).toMatch(/1 file, 1 policy, 6 check references, 6 queries: 8 errors, 1 warning\n$/);
  });

  it('exits 0 on a clean bundle', async () => {
    const r = await runCli(['lint', file('cnspec-example.mql.yaml')]);
    expect(r).toMatchObject({ code: 0 });
    expect(r.stdout).toBe('1 file, 2 policies, 8 check references, 11 queries: 0 errors, 0 warnings\n');
  });
});
