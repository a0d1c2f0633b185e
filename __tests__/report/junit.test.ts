// JUnit XML: read back with a small strict parser, its suites and counts agree with the report,
// each status maps to the documented element, and hostile text (markup, quotes, control
// characters, lone surrogates) stays well-formed and reads back as it was.
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { xmlAttr, xmlText } from '../../src/report/escape.js';
import { buildJUnit } from '../../src/report/junit.js';
import type { Report, ReportCheck } from '../../src/report/report.js';
import { reportOf } from '../helpers/report.js';

interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlElement[];
  text: string;
}

/** Characters XML 1.0 forbids anywhere in a document. */
const FORBIDDEN = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decode(text: string): string {
  expect(text).not.toMatch(/&(?!(amp|lt|gt|quot|apos|#\d+|#x[0-9a-f]+);)/i);
  return text.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (_m, e: string) =>
    e.startsWith('#x') ? String.fromCodePoint(parseInt(e.slice(2), 16)) : e.startsWith('#') ? String.fromCodePoint(Number(e.slice(1))) : ENTITIES[e]!,
  );
}

/** A strict reader for the subset buildJUnit writes: a declaration, elements, attributes, text. */
function parseXml(xml: string): XmlElement {
  expect(xml).not.toMatch(FORBIDDEN);
  const decl = /^<\?xml version="1\.0" encoding="UTF-8"\?>\n/.exec(xml);
  expect(decl).not.toBeNull();
  const tokens = xml.slice(decl![0].length).split(/(<[^>]*>)/).filter((t) => t !== '');
  const root: XmlElement = { name: '#document', attrs: {}, children: [], text: '' };
  const stack = [root];
  for (const token of tokens) {
    const top = stack[stack.length - 1]!;
    if (!token.startsWith('<')) {
      expect(token).not.toContain('>');
      top.text += decode(token);
      continue;
    }
    const end = /^<\/([\w.-]+)>$/.exec(token);
    if (end) {
      expect(end[1], 'closing tag').toBe(top.name);
      stack.pop();
      continue;
    }
    const start = /^<([\w.-]+)((?:\s+[\w.-]+="[^"<]*")*)\s*(\/?)>$/.exec(token);
    expect(start, token).not.toBeNull();
    const attrs: Record<string, string> = {};
    for (const [, k, v] of start![2]!.matchAll(/([\w.-]+)="([^"]*)"/g)) {
      expect(attrs[k!], `duplicate ${k}`).toBeUndefined();
      attrs[k!] = decode(v!);
    }
    const el: XmlElement = { name: start![1]!, attrs, children: [], text: '' };
    top.children.push(el);
    if (!start![3]) stack.push(el);
  }
  expect(stack).toHaveLength(1);
  expect(root.children).toHaveLength(1);
  return root.children[0]!;
}

const kids = (el: XmlElement, name: string) => el.children.filter((c) => c.name === name);
const only = (el: XmlElement, name: string) => {
  const found = kids(el, name);
  expect(found).toHaveLength(1);
  return found[0]!;
};
const copy = (r: Report): Report => structuredClone(r);
const checkOf = (r: Report, uid: string) => r.checks.find((c) => c.uid === uid)!;
const caseOf = (doc: XmlElement, c: ReportCheck) => kids(doc, 'testsuite').flatMap((s) => kids(s, 'testcase')).find((t) => t.attrs.name === `${c.title} [${c.uid}]`)!;

let demo: Report;
let classic: Report;
beforeAll(async () => {
  [demo, classic] = await Promise.all([reportOf('demo'), reportOf('classic')]);
});

/** What each suite should count, from the report itself. */
function expected(r: Report) {
  return r.policies.map((p) => {
    const checks = p.checks.map((uid) => r.checks.find((c) => c.uid === uid)).filter((c): c is ReportCheck => c !== undefined);
    const n = (s: string[]) => String(checks.filter((c) => s.includes(c.status)).length);
    return { name: p.name, tests: String(checks.length), failures: n(['fail']), errors: n(['error']), skipped: n(['skip', 'waived']) };
  });
}

describe('JUnit XML', () => {
  it.each(['demo', 'classic'])('has a suite per policy of the %s scan whose counts match the report', (org) => {
    const r = org === 'demo' ? demo : classic;
    const doc = parseXml(buildJUnit(r));
    expect(doc.name).toBe('testsuites');
    const suites = kids(doc, 'testsuite');
    const want = expected(r);
    expect(suites.map((s) => ({ name: s.attrs.name, tests: s.attrs.tests, failures: s.attrs.failures, errors: s.attrs.errors, skipped: s.attrs.skipped }))).toEqual(want);
    for (const s of suites) {
      const cases = kids(s, 'testcase');
      expect(String(cases.length)).toBe(s.attrs.tests);
      expect(String(cases.filter((c) => kids(c, 'failure').length).length)).toBe(s.attrs.failures);
      expect(String(cases.filter((c) => kids(c, 'error').length).length)).toBe(s.attrs.errors);
      expect(String(cases.filter((c) => kids(c, 'skipped').length).length)).toBe(s.attrs.skipped);
      expect(s.attrs.hostname).toBe(r.organization);
    }
    const sum = (k: 'tests' | 'failures' | 'errors' | 'skipped') => String(want.reduce((t, s) => t + Number(s[k]), 0));
    expect([doc.attrs.tests, doc.attrs.failures, doc.attrs.errors, doc.attrs.skipped]).toEqual([sum('tests'), sum('failures'), sum('errors'), sum('skipped')]);
  });

  it('names each case by its policy, title and uid; a failure carries the risk, the resources and the remediation', () => {
    const doc = parseXml(buildJUnit(demo));
    const stig = kids(doc, 'testsuite').find((s) => s.attrs.name === 'DISA Okta IDaaS STIG V1R2 (okta-posture)')!;
    const props = Object.fromEntries(kids(only(stig, 'properties'), 'property').map((p) => [p.attrs.name, p.attrs.value]));
    expect(props).toMatchObject({ organization: 'demo.okta.com', 'policy.uid': 'okta-posture-disa-stig', 'policy.riskScore': '90' });
    const c = checkOf(demo, 'okta-posture-stig-dashboard-mfa');
    const tc = kids(stig, 'testcase').find((t) => t.attrs.name === `${c.title} [${c.uid}]`)!;
    expect(tc.attrs.classname).toBe('okta-posture-disa-stig');
    const failure = only(tc, 'failure');
    expect(failure.attrs).toEqual({ message: 'CRITICAL (90): 1 failing resource: Catch-all Rule', type: 'critical' });
    expect(failure.text).toContain('Failing resources:\n  - Catch-all Rule (okta.policyRule ');
    for (const r of c.docs.remediation) expect(failure.text).toContain(`Remediation (${r.id}):\n${r.desc}`);

    const many = checkOf(demo, 'okta-posture-stig-app-policies-network-zones');
    expect(only(caseOf(doc, many), 'failure').attrs.message).toBe(
      'MEDIUM (60): 10 failing resources: Okta Admin Console, Okta Dashboard, Slack, Team Wiki, Expense Tracker and 5 more',
    );
    const pass = demo.checks.find((x) => x.status === 'pass')!;
    expect(caseOf(doc, pass).children).toEqual([]);
  });

  it('reports errors with what would let the check read the data', () => {
    const r = copy(classic);
    const c = r.checks.find((x) => x.status === 'error')!;
    c.needs = 'the okta.authenticators.read scope';
    const error = only(caseOf(parseXml(buildJUnit(r)), c), 'error');
    expect(error.attrs).toEqual({ message: c.message, type: 'forbidden' });
    expect(error.text).toBe(`${c.message}\n\nNeeded to read it: the okta.authenticators.read scope`);
  });

  it('reports skipped and waived checks as skipped, a waiver with its reason, owner and date', () => {
    const r = copy(demo);
    const [a, b] = r.checks.filter((x) => x.status === 'fail');
    Object.assign(a!, { status: 'skip', risk: 0, message: 'the org has no custom domain' });
    Object.assign(b!, { status: 'waived', risk: 0, message: 'waived: accepted', waiver: { reason: 'Accepted by the CISO', owner: 'secops', expires: '2027-01-31', expired: false } });
    const doc = parseXml(buildJUnit(r));
    expect(only(caseOf(doc, a!), 'skipped').attrs.message).toBe('the org has no custom domain');
    expect(only(caseOf(doc, b!), 'skipped').attrs.message).toBe('waived: Accepted by the CISO (secops, until 2027-01-31)');
    expect(kids(doc, 'testsuite').map((s) => s.attrs)).toEqual(expected(r).map((e) => expect.objectContaining(e)));
    expect(Number(doc.attrs.skipped)).toBeGreaterThanOrEqual(2);
  });

  it('stays well-formed with hostile text and reads back what it was given', () => {
    const r = copy(demo);
    const c = r.checks.find((x) => x.status === 'fail')!;
    c.title = 'a <b>&amp; "quoted" \'single\' ]]> \u0000nul \u001bansi \ud800lone\nnew line\ttab';
    c.failingResources = [{ type: 'okta.user', id: '1', name: '</failure><x>' }];
    c.docs.remediation = [{ id: 'console', desc: 'use <code> & "quotes" \u0008' }];
    const doc = parseXml(buildJUnit(r));
    const tc = caseOf(doc, { ...c, title: 'a <b>&amp; "quoted" \'single\' ]]> \ufffdnul \ufffdansi \ufffdlone\nnew line\ttab' });
    expect(tc).toBeDefined();
    const failure = only(tc, 'failure');
    expect(failure.attrs.message).toContain('</failure><x>');
    expect(failure.text).toContain('use <code> & "quotes" \ufffd');
  });

  it('escapes any text for attributes and elements', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 60 }), (text) => {
        const cleaned = text.replace(new RegExp(FORBIDDEN.source, 'g'), '\ufffd');
        const doc = parseXml(`<?xml version="1.0" encoding="UTF-8"?>\n<t a="${xmlAttr(text)}">${xmlText(text)}</t>`);
        expect(doc.attrs.a).toBe(cleaned);
        expect(doc.text).toBe(cleaned);
      }),
      { numRuns: 500 },
    );
  });
});
