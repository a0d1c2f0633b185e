// The job summary: what it shows for real scans (demo, hardened, classic, with waivers), that no
// value from Okta or a bundle can add markup, links, mentions or table columns, and that it stays
// under its byte limit by leaving out detail in the documented order and saying so.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { clip, mdProse, mdText, oneLine } from '../../src/report/escape.js';
import type { Report, ReportCheck } from '../../src/report/report.js';
import { buildSummary, SUMMARY_MAX_BYTES, truncateUtf8 } from '../../src/report/summary.js';
import { reportOf } from '../helpers/report.js';

/** What a reader sees of escaped text: character references decoded, word joiners gone. */
const shown = (html: string): string => html.replace(/&#(\d+);/g, (_m, d: string) => String.fromCodePoint(Number(d))).replace(/\u2060/g, '');
const bytes = (s: string) => Buffer.byteLength(s, 'utf8');
const copy = (r: Report): Report => structuredClone(r);
const failing = (r: Report) => r.checks.filter((c) => c.status === 'fail');
/** The lines of the Markdown table that follows a heading. */
function tableAfter(md: string, heading: string): string[] {
  const start = md.indexOf(heading);
  expect(start, heading).toBeGreaterThanOrEqual(0);
  const lines = md.slice(start).split('\n');
  const first = lines.findIndex((l) => l.startsWith('|'));
  const rows: string[] = [];
  for (const l of lines.slice(first + 2)) {
    if (!l.startsWith('|')) break;
    rows.push(l);
  }
  return rows;
}
/** Every Markdown table: runs of lines that start with a pipe. */
const tables = (md: string): string[][] =>
  md
    .split(/\n(?!\|)/)
    .map((block) => block.split('\n').filter((l) => l.startsWith('|')))
    .filter((t) => t.length > 0);
/** Cells of a table row, split on the pipes Markdown sees. */
const cells = (row: string): string[] => row.slice(1, -1).split('|').map((c) => c.trim());

let demo: Report;
let hardened: Report;
let classic: Report;
beforeAll(async () => {
  [demo, hardened, classic] = await Promise.all([reportOf('demo'), reportOf('hardened'), reportOf('classic')]);
});

describe('escaping for GitHub Markdown', () => {
  const hostile = [
    '<script>alert(1)</script>',
    '<img src=x onerror=alert(1)>',
    'a | b || c',
    '`code` and ``more``',
    '[click](javascript:alert(1)) ![img](https://evil.example/x.png)',
    '@octocat and @org/team, but not alice@example.com',
    '**bold** _em_ ~~strike~~ $x^2$ \\escaped',
    '# heading',
    '- list item',
    '1. ordered',
    'line one\nline two\r\n\tline three',
    '&lt;already&gt; &amp; &#60;',
    'bidi \u202eevil\u202c and \u0007bell \u001b[31mred',
    '<!-- comment --> <details open>',
  ];

  it.each(hostile)('shows %j literally, on one line, with nothing active', (text) => {
    const out = mdText(text);
    expect(out).not.toMatch(/[<>`|[\]*~$\\\n\r]/);
    expect(out).not.toMatch(/(^|[^\w])@[a-z]/i);
    expect(shown(out)).toBe(oneLine(text));
  });

  it('leaves an underscore inside a word alone and still escapes one that could start emphasis', () => {
    expect(mdText('okta_app_signon')).toBe('okta_app_signon');
    expect(shown(mdText('_em_'))).toBe('_em_');
    expect(mdText('_em_')).not.toContain('_');
  });

  it('holds for any text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 80 }), (text) => {
        const out = mdText(text, 1000);
        expect(out).not.toMatch(/[<>`|[\]*~$\\\n\r\u0000-\u001f]/);
        expect(shown(out)).toBe(clip(oneLine(text), 1000));
      }),
      { numRuns: 500 },
    );
  });

  it('keeps code spans of bundle prose as code and nothing else', () => {
    const out = mdProse('Set `factor_mode = "2FA"` on\nevery rule <b>now</b>.\n\nThen | verify.');
    expect(out).toBe('Set <code>factor_mode = "2FA"</code> on every rule &#60;b&#62;now&#60;/b&#62;.<br><br>Then &#124; verify.');
  });

  it('cuts UTF-8 between characters', () => {
    expect(truncateUtf8('aé🔴b', 4)).toBe('aé');
    expect(truncateUtf8('aé🔴b', 7)).toBe('aé🔴');
  });
});

describe('the job summary of a scan', () => {
  it('leads with the org, the date and the risk, then the counts by status and by impact', () => {
    const md = buildSummary(demo);
    const lines = md.split('\n');
    expect(lines[0]).toBe('## Okta posture: demo.okta.com');
    expect(md).toContain('\n### 🔴 Risk 90 / 100 · CRITICAL\n');
    expect(md).toMatch(/\nScanned 2026-12-04 12:00 UTC · 87 checks in 2 policies · \d+ requests to Okta · /);
    expect(md).toContain('| ✅ Passed | ❌ Failed | ⚠️ Errors | ⏭️ Skipped | 💤 Waived |\n|---:|---:|---:|---:|---:|\n| 15 | 72 | 0 | 0 | 0 |\n');
    const f = demo.failuresByImpact;
    expect(md).toContain(`| 72 failed | ${f.critical} | ${f.high} | ${f.medium} | ${f.low} | ${f.none} |`);
    expect(md).toMatch(/\| Okta security best practices \(okta-posture\)<br><code>okta-posture-best-practices<\/code> \| 1\.0\.0 \| 71 \| 🔴 CRITICAL 90 \|/);
  });

  it('lists every failing check by risk with its resources, and the remediation of each', () => {
    const md = buildSummary(demo);
    const rows = tableAfter(md, '### ❌ Failing checks (72)');
    expect(rows).toHaveLength(72);
    const risks = rows.map((r) => Number(/^\| \S+ [A-Z]+ (\d+) \|/.exec(r)![1]));
    expect(risks).toEqual([...risks].sort((a, b) => b - a));
    for (const c of failing(demo)) {
      const row = rows.find((r) => r.includes(`<code>${mdText(c.uid)}</code>`));
      expect(row, c.uid).toBeDefined();
      expect(cells(row!)).toHaveLength(3);
      expect(row).toContain(mdText(c.title, 200));
      expect(cells(row!)[2]).toMatch(c.failingResources.length ? new RegExp(`^${c.failingResources.length}: `) : /^—$/);
    }
    expect(rows.find((r) => r.includes('okta-posture-stig-app-policies-network-zones'))).toContain(
      '10: <code>Okta Admin Console</code>, <code>Okta Dashboard</code>, <code>Slack</code> and 7 more',
    );
    const details = md.slice(md.indexOf('### 🛠️ How to fix the failing checks'));
    expect(details.match(/<details><summary>/g)).toHaveLength(72 + 1); // and the passing list
    expect(details).toContain('<details><summary>🔴 <b>90</b> The Okta Dashboard requires multifactor authentication</summary>\n\n**Admin Console:** Security &#62; Authentication Policies');
    expect(details).toContain('Failing: <code>Catch-all Rule</code>');
    expect(md).toContain('<details><summary>✅ 15 passing checks</summary>');
    expect(md).not.toContain('left out');
    expect(bytes(md)).toBeLessThan(SUMMARY_MAX_BYTES);
  });

  it('shows an org where everything passes without failure sections', () => {
    const md = buildSummary(hardened);
    expect(md).toContain('### 🟢 Risk 0 / 100 · NONE');
    expect(md).not.toContain('Failing checks');
    expect(md).not.toContain('How to fix');
    expect(md).toContain('<details><summary>✅ 87 passing checks</summary>');
    expect(md.match(/^- /gm)).toHaveLength(87);
  });

  it('says why checks errored and what would let them read the data', () => {
    const r = copy(classic);
    const errored = r.checks.filter((c) => c.status === 'error');
    errored[0]!.needs = 'the Super Administrator role';
    const md = buildSummary(r);
    const rows = tableAfter(md, `### ⚠️ Checks that could not be evaluated (${errored.length})`);
    expect(rows).toHaveLength(16);
    for (const c of errored) {
      const row = rows.find((x) => x.includes(`<code>${mdText(c.uid)}</code>`))!;
      expect(cells(row)).toHaveLength(3);
      expect(shown(cells(row)[1]!)).toBe(oneLine(c.message!));
    }
    expect(rows.find((x) => x.includes(errored[0]!.uid))).toMatch(/\| the Super Administrator role \|$/);
    expect(md).toContain('| 30 | 42 | 16 | 0 | 0 |');
  });

  it('lists waivers with reason, owner and expiry and calls out the expired ones', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'okta-posture-summary-')), 'waivers.yaml');
    writeFileSync(
      file,
      [
        'waivers:',
        '  - check: okta-posture-stig-log-stream-active',
        '    reason: Logs go to the SIEM through the <b>legacy</b> collector',
        '    owner: "@secops | team"',
        '    expires: 2027-06-30',
        '  - check: okta-posture-super-admin-limit',
        '    reason: Reorganisation',
        '    expires: 2026-01-31',
        '  - check: okta-posture-stig-api-token-network-zones',
        '    resources: [posture-scanner]',
        '    reason: The scanner runs from a dynamic range',
        '  - check: okta-posture-org-admin-limit',
        '    reason: Kept from last year',
      ].join('\n'),
    );
    const r = await reportOf('demo', { waiverFile: file });
    const md = buildSummary(r);
    expect(md).toContain('> [!WARNING]\n> 1 waiver has expired; 1 check they covered fails again.');
    const rows = tableAfter(md, '### 💤 Waivers (4)');
    expect(rows.map((row) => cells(row).length)).toEqual([5, 5, 5, 5]);
    expect(rows[0]).toMatch(/okta-posture-super-admin-limit.*\| ⚠️ \*\*expired\*\*: fails again \| Reorganisation \| — \| 2026-01-31 \|$/);
    const waived = rows.find((x) => x.includes('okta-posture-stig-log-stream-active'))!;
    expect(cells(waived).slice(1).map(shown)).toEqual(['💤 waived', 'Logs go to the SIEM through the <b>legacy</b> collector', '@secops | team', '2027-06-30']);
    expect(rows.find((x) => x.includes('okta-posture-stig-api-token-network-zones'))).toContain('partly waived: 1 resource still fails');
    expect(rows.find((x) => x.includes('okta-posture-org-admin-limit'))).toContain('✅ passes: no longer needed');
    expect(md).toContain('| 15 | 71 | 0 | 0 | 1 |');
    const failingRow = tableAfter(md, '### ❌ Failing checks').find((x) => x.includes('okta-posture-super-admin-limit'));
    expect(failingRow).toContain('⚠️ waiver expired 2026-01-31');
  });

  it('places the comparison after the risk and the files note at the end', () => {
    const md = buildSummary(demo, { comparison: '### Policy changes compared with <code>main</code>\n\nrisk 80 → 90\n', filesNote: 'See the `okta-posture` artifact.' });
    const at = (s: string) => md.indexOf(s);
    expect(at('### Policy changes')).toBeGreaterThan(at('Risk 90 / 100'));
    expect(at('### Policy changes')).toBeLessThan(at('| ✅ Passed'));
    expect(md.trimEnd().endsWith('📄 See the `okta-posture` artifact.')).toBe(true);
  });
});

describe('hostile values in the summary', () => {
  const TITLE = '<script>alert(1)</script> | [x](javascript:alert(1)) `rm` **b** @octocat $x$\n- new line';
  const NAME = 'a|b<img src=x onerror=alert(1)> @admins';

  function hostileReport(): Report {
    const r = copy(demo);
    r.organization = 'evil<b>org</b>|.okta.com';
    const f = r.checks.find((c) => c.uid === 'okta-posture-stig-dashboard-mfa')!;
    f.title = TITLE;
    f.failingResources = [{ type: 'okta.policyRule', id: 'x`y', name: NAME }];
    f.docs.remediation = [{ id: 'console<i>', desc: 'Click [here](https://evil.example) <script>x</script>\n| a | b |' }];
    f.refs = [
      { url: 'javascript:alert(1)', title: 'bad' },
      { url: 'https://ok.example/"onmouseover="x', title: 'quote' },
      { url: 'https://ok.example/a?b=1&c=2', title: '<b>t</b>' },
    ];
    const e = r.checks.find((c) => c.status === 'pass')!;
    Object.assign(e, { status: 'error', message: 'denied | <svg onload=x>\nsecond line', needs: 'the `okta.apps.read` scope | @admins' });
    r.counts = { ...r.counts, pass: r.counts.pass - 1, error: 1 };
    return r;
  }

  it('cannot open a tag, a link, a code span, a mention or a table column', () => {
    const md = buildSummary(hostileReport());
    for (const bad of ['<script', '<img', '<svg', '<i>', 'evil<b>', '](javascript', '](https://evil', '`rm`', '@octocat', '@admins', 'href="javascript']) expect(md, bad).not.toContain(bad);
    expect(md.split('\n')[0]).toBe('## Okta posture: evil&#60;b&#62;org&#60;/b&#62;&#124;.okta.com');
    const row = tableAfter(md, '### ❌ Failing checks').find((x) => x.includes('okta-posture-stig-dashboard-mfa'))!;
    expect(cells(row)).toHaveLength(3);
    expect(shown(cells(row)[1]!)).toBe(`${oneLine(TITLE)}<br><code>okta-posture-stig-dashboard-mfa</code>`);
    expect(shown(cells(row)[2]!)).toBe(`1: <code>${NAME}</code>`);
    const error = tableAfter(md, '### ⚠️ Checks that could not be evaluated')[0]!;
    expect(cells(error)).toHaveLength(3);
    expect(shown(cells(error)[1]!)).toBe('denied | <svg onload=x> second line');
    expect(shown(cells(error)[2]!)).toBe('the `okta.apps.read` scope | @admins');
    for (const table of tables(md)) for (const line of table) expect(line.split('|').length, line).toBe(table[0]!.split('|').length);
    expect(md).toContain('See <a href="https://ok.example/a?b=1&#38;c=2">&#60;b&#62;t&#60;/b&#62;</a>.');
    expect(md).not.toContain('onmouseover');
  });
});

describe('the size limit', () => {
  /** The demo report with `copies` times its failing checks, each failing on `resources` resources. */
  function huge(copies: number, resources: number): Report {
    const r = copy(demo);
    const fails = failing(r);
    const extra: ReportCheck[] = [];
    for (let i = 0; i < copies; i++)
      for (const c of fails)
        extra.push({
          ...structuredClone(c),
          uid: `${c.uid}-${i}`,
          failingResources: Array.from({ length: resources }, (_, k) => ({ type: 'okta.user', id: `00u${i}x${k}`, name: `user-${i}-${k}-with-a-rather-long-login@very-long-domain.example` })),
        });
    r.checks = [...r.checks, ...extra];
    r.counts = { ...r.counts, fail: r.counts.fail + extra.length };
    return r;
  }

  let big: { report: Report; md: string };
  const bigSummary = () => {
    if (!big) {
      const report = huge(70, 200);
      big = { report, md: buildSummary(report, { filesNote: 'the `okta-posture.json` file' }) };
    }
    return big;
  };

  it('keeps a summary of thousands of failing checks under the limit and says what it left out', () => {
    const { report: r, md } = bigSummary();
    expect(failing(r).length).toBeGreaterThan(5000);
    expect(bytes(md)).toBeLessThanOrEqual(SUMMARY_MAX_BYTES);
    expect(bytes(md)).toBeGreaterThan(SUMMARY_MAX_BYTES - 50_000);
    expect(md).toContain('### 🔴 Risk 90 / 100 · CRITICAL');
    expect(md).toContain(`### ❌ Failing checks (${failing(r).length})`);
    expect(md).toContain("_15 passing checks left out to keep this summary within GitHub's size limit: see the `okta-posture.json` file._");
    expect(md).not.toContain('✅ 15 passing checks</summary>');
    const remediations = md.match(/<details><summary>[🔴🟠🟡🔵🟢]/gu)?.length ?? 0;
    const leftRemediation = Number(/_The remediation of (\d+) more checks is left out/.exec(md)![1]);
    expect(remediations + leftRemediation).toBe(failing(r).length);
    // The worst come first, and what is left out is counted.
    const rows = tableAfter(md, '### ❌ Failing checks');
    expect(rows[0]).toContain('🔴 CRITICAL 90');
    const leftRows = /_(\d+) more failing checks, the lowest risks, left out/.exec(md);
    expect(rows.length + (leftRows ? Number(leftRows[1]) : 0)).toBe(failing(r).length);
  });

  it('drops resource names before dropping failing checks', () => {
    const { md } = bigSummary();
    expect(md).toContain("_The names of failing resources are left out to keep this summary within GitHub's size limit: see the `okta-posture.json` file._");
    expect(tableAfter(md, '### ❌ Failing checks').every((row) => /\| (200|1|2|3|4|10|—) \|$/.test(row))).toBe(true);
    expect(md).not.toContain('user-0-0-');
  });

  it('cuts lists, never the counts, when the limit is small', () => {
    const r = huge(1, 5);
    const md = buildSummary(r, { maxBytes: 20_000 });
    expect(bytes(md)).toBeLessThanOrEqual(20_000);
    expect(md).toContain('| 15 | 144 | 0 | 0 | 0 |');
    expect(md).toMatch(/_\d+ more failing checks, the lowest risks, left out/);
    expect(md).toContain("_The remediation of 144 more checks is left out");
  });

  it('drops the passing list first, then remediation, then resource names', () => {
    const full = buildSummary(demo, { maxBytes: 10_000_000 });
    const withoutPassing = buildSummary(demo, { maxBytes: bytes(full) - 400 });
    expect(bytes(withoutPassing)).toBeLessThanOrEqual(bytes(full) - 400);
    expect(withoutPassing).toMatch(/_\d+ passing checks? left out/);
    expect(withoutPassing.match(/<details><summary>[🔴🟠🟡🔵🟢]/gu)).toHaveLength(72);

    const without = buildSummary(demo, { maxBytes: 30_000 });
    expect(bytes(without)).toBeLessThanOrEqual(30_000);
    expect(without).toContain('_15 passing checks left out');
    expect(without).toMatch(/_The remediation of \d+ more checks is left out/);
    expect(tableAfter(without, '### ❌ Failing checks')).toHaveLength(72);
    expect(without).toContain('<code>Catch-all Rule</code>');
  });

  it.each([800, 1_500, 3_000, 6_000, 12_000, 24_000, 48_000])('fits in %i bytes', (maxBytes) => {
    const md = buildSummary(classic, { maxBytes, comparison: 'x'.repeat(2_000) });
    expect(bytes(md)).toBeLessThanOrEqual(maxBytes);
    expect(md.startsWith('## Okta posture: classic.okta.com')).toBe(true);
  });
});
