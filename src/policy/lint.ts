// Checks a loaded bundle: references to uids that are not defined, MQL that does not parse,
// fields the resource schema does not have, props that are not defined, checks without an impact.
// Queries written for other platforms (Terraform variants in cnspec bundles) are left alone.
import type { Node, Program } from '../mql/ast.js';
import { check } from '../mql/checker.js';
import { MqlError } from '../mql/errors.js';
import { parse } from '../mql/parser.js';
import { oktaTypeSchema } from '../resources/typeSchema.js';
import type { Bundle, Diagnostic, MqlSource, QueryDef } from './bundle.js';

const OKTA_GLOBALS = new Set(['okta', 'asset', 'time', 'props']);

/** The name a chain like `okta.users.where(…)` starts from. */
function rootName(node: Node): string | undefined {
  switch (node.type) {
    case 'identifier':
      return node.name;
    case 'member':
    case 'call':
    case 'index':
    case 'block':
      return rootName(node.target);
    case 'binary':
      return rootName(node.left) ?? rootName(node.right);
    case 'unary':
      return rootName(node.operand);
    default:
      return undefined;
  }
}

/** Globals a program reads that Okta orgs do not have (`terraform`, `aws`, …). */
export function foreignGlobals(program: Program): string[] {
  const assigned = new Set<string>();
  const foreign = new Set<string>();
  const visit = (node: Node) => {
    if (node.type === 'binary') {
      visit(node.left);
      visit(node.right);
      return;
    }
    const root = rootName(node);
    if (root && !OKTA_GLOBALS.has(root) && !assigned.has(root) && root !== '_') foreign.add(root);
  };
  for (const s of program.statements) {
    if (s.type === 'assignment') {
      visit(s.value);
      assigned.add(s.name);
    } else visit(s.expression);
  }
  return [...foreign];
}

/** The platforms a filter names with `asset.platform == "…"`. */
export function filterPlatforms(program: Program): string[] {
  const found: string[] = [];
  const visit = (n: Node): void => {
    if (n.type === 'binary') {
      const sides = [n.left, n.right];
      const platform = sides.find((s) => s.type === 'member' && s.name === 'platform' && s.target.type === 'identifier' && s.target.name === 'asset');
      const literal = sides.find((s) => s.type === 'literal' && typeof s.value === 'string');
      if (n.op === '==' && platform && literal && literal.type === 'literal') found.push(String(literal.value));
      visit(n.left);
      visit(n.right);
    } else if (n.type === 'unary') visit(n.operand);
  };
  for (const s of program.statements) if (s.type === 'expression') visit(s.expression);
  return found;
}

function parseAt(source: MqlSource, diagnostics: Diagnostic[], what: string): Program | undefined {
  try {
    return parse(source.text);
  } catch (error) {
    if (!(error instanceof MqlError)) throw error;
    diagnostics.push({ severity: 'error', message: `${what}: ${error.message}`, at: source.locate(error.start) });
    return undefined;
  }
}

/** Whether a query runs against Okta orgs (not a Terraform or other-platform variant). */
export function targetsOkta(query: QueryDef): boolean {
  for (const f of query.filters) {
    try {
      const platforms = filterPlatforms(parse(f.text));
      if (platforms.length && !platforms.includes('okta-org')) return false;
    } catch {
      // A filter that does not parse is reported by lint.
    }
  }
  if (query.mql) {
    try {
      if (foreignGlobals(parse(query.mql.text)).length) return false;
    } catch {
      return true;
    }
  }
  return true;
}

export function lintBundle(bundle: Bundle): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const propNames = new Set<string>();
  for (const q of bundle.queries.values()) q.props.forEach((p) => propNames.add(p.uid));
  for (const p of bundle.policies) p.props.forEach((x) => propNames.add(x.uid));
  const schema = oktaTypeSchema(propNames);
  const used = new Set<string>();

  for (const policy of bundle.policies) {
    if (policy.groups.length === 0) diagnostics.push({ severity: 'warning', message: `the policy '${policy.uid}' has no groups, so no checks`, at: policy.at });
    for (const group of policy.groups) {
      for (const f of group.filters) parseAt(f, diagnostics, 'a group filter');
      for (const [kind, refs] of [['check', group.checks], ['query', group.queries]] as const) {
        for (const ref of refs) {
          used.add(ref.uid);
          const q = bundle.queries.get(ref.uid);
          if (!q) diagnostics.push({ severity: 'error', message: `the ${kind} '${ref.uid}' is referenced here but not defined in any bundle file`, at: ref.at });
          else if (kind === 'check' && q.impact === undefined && q.variants.length === 0) {
            diagnostics.push({ severity: 'warning', message: `the check '${ref.uid}' has no impact; when it fails it counts as risk 100`, at: q.at });
          }
        }
      }
    }
  }

  for (const q of bundle.queries.values()) {
    for (const v of q.variants) {
      used.add(v.uid);
      if (!bundle.queries.has(v.uid)) diagnostics.push({ severity: 'error', message: `the variant '${v.uid}' of '${q.uid}' is not defined`, at: v.at });
    }
    if (!q.mql && q.variants.length === 0) diagnostics.push({ severity: 'error', message: `the query '${q.uid}' has neither mql nor variants`, at: q.at });
    for (const p of q.props) parseAt(p.mql, diagnostics, `the prop ${p.uid}`);
    for (const f of q.filters) parseAt(f, diagnostics, `a filter of ${q.uid}`);
    if (!q.mql || !targetsOkta(q)) continue;
    const program = parseAt(q.mql, diagnostics, `the mql of ${q.uid}`);
    if (!program) continue;
    for (const problem of check(program, schema)) {
      diagnostics.push({ severity: 'error', message: `the mql of ${q.uid}: ${problem.message}`, at: q.mql.locate(problem.start) });
    }
  }

  for (const q of bundle.queries.values()) {
    if (!used.has(q.uid)) diagnostics.push({ severity: 'warning', message: `the query '${q.uid}' is defined but no policy uses it`, at: q.at });
  }
  return diagnostics;
}
