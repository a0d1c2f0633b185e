// Runs the selected policies of a bundle against an org: applies group and variant filters,
// evaluates each check once (even when several policies share it), decides its status the way
// cnspec does, names the resources that fail it, and scores every policy.
import { evaluate, type Environment, type StatementResult } from '../mql/evaluator.js';
import { MqlError } from '../mql/errors.js';
import { parse } from '../mql/parser.js';
import { isSuccess, isTruthy } from '../mql/truthiness.js';
import { BlockValue, ErrorValue, isDict, isResource, type Value } from '../mql/values.js';
import type { Bundle, MqlSource, PolicyDef, QueryDef, ScoringSystem } from './bundle.js';
import { targetsOkta } from './lint.js';
import { policyScore, type CheckStatus } from './scoring.js';

export interface FailingResource {
  type: string;
  id: string;
  name: string;
}

export interface CheckResult {
  /** The check's uid as the policy names it. */
  uid: string;
  /** The variant that ran in its place, if any. */
  variant?: string;
  title: string;
  impact?: number;
  weight: number;
  status: CheckStatus;
  /** Why it errored, or what failed. */
  message?: string;
  /** For errors caused by permissions: what would allow the read. */
  needs?: string;
  failingResources: FailingResource[];
  /** It passed only because a list it judged was empty. */
  vacuous: boolean;
  query: QueryDef;
  /** The query whose MQL ran (the variant, or the check itself). */
  ran: QueryDef;
  policies: string[];
}

export interface PolicyResult {
  uid: string;
  name: string;
  version?: string;
  scoringSystem: ScoringSystem;
  /** 0–100, 100 good; undefined when no check was scored. */
  score?: number;
  checks: string[];
}

export interface Execution {
  checks: CheckResult[];
  policies: PolicyResult[];
}

export class SelectionError extends Error {
  override name = 'SelectionError';
}

type FilterVerdict = { applies: boolean } | { error: ErrorValue | MqlError };

/** A filter holds when every statement is truthy; data that cannot be read leaves it undecided. */
async function filterVerdict(filters: readonly MqlSource[], env: Environment, cache: Map<string, Promise<FilterVerdict>>): Promise<FilterVerdict> {
  for (const f of filters) {
    let pending = cache.get(f.text);
    if (!pending) {
      pending = (async (): Promise<FilterVerdict> => {
        try {
          const results = await evaluate(parse(f.text), env);
          const error = results.find((r) => r.value instanceof ErrorValue)?.value as ErrorValue | undefined;
          if (error) return { error };
          return { applies: results.every((r) => isTruthy(r.value)) };
        } catch (error) {
          if (error instanceof MqlError) return { error };
          throw error;
        }
      })();
      cache.set(f.text, pending);
    }
    const verdict = await pending;
    if (!('applies' in verdict) || !verdict.applies) return verdict;
  }
  return { applies: true };
}

/** A readable name for a resource or dict that failed a check. */
export async function describeFailing(v: Value): Promise<FailingResource | undefined> {
  if (isResource(v)) {
    // An app's label reads better than its key (template_basic_auth); otherwise the default field.
    const first = v.fieldNames().includes('label') ? 'label' : v.defaultFields()[0];
    let name: Value = null;
    if (first) {
      const m = /^(\w+)(?:\['([^']+)'\])?$/.exec(first);
      if (m) {
        const base = await v.field(m[1]!);
        name = m[2] && isDict(base) ? (base[m[2]] ?? null) : base;
      }
    }
    return { type: v.type, id: v.id, name: typeof name === 'string' || typeof name === 'number' ? String(name) : v.id };
  }
  if (isDict(v)) {
    const name = v.name ?? v.label ?? v.id ?? v.key;
    return { type: 'dict', id: String(v.id ?? name ?? ''), name: typeof name === 'string' ? name : JSON.stringify(v).slice(0, 60) };
  }
  if (typeof v === 'string' || typeof v === 'number') return { type: 'value', id: String(v), name: String(v) };
  return undefined;
}

/** Subjects of blocks whose assertions failed, at any depth. */
function failingSubjects(v: Value, out: Value[]): void {
  if (Array.isArray(v)) v.forEach((x) => failingSubjects(x, out));
  else if (v instanceof BlockValue) {
    const verdict = isSuccess(v);
    if (verdict.valid && 'success' in verdict && !verdict.success) {
      const before = out.length;
      v.entries.forEach((e) => failingSubjects(e.value, out));
      // Name the innermost failing subjects; fall back to this block's own subject.
      if (out.length === before && v.subject !== undefined) out.push(v.subject);
    }
  }
}

/** The check's status from its statements, as cnspec decides it. */
async function verdictOf(results: readonly StatementResult[]): Promise<Pick<CheckResult, 'status' | 'message' | 'needs' | 'failingResources' | 'vacuous'>> {
  let anyFalse = false;
  let anyValid = false;
  let vacuous = false;
  const failing: Value[] = [];
  for (const r of results) {
    const s = isSuccess(r.value);
    if (s.valid && 'error' in s) return { status: 'error', message: s.error.message, needs: s.error.needs, failingResources: [], vacuous: false };
    if (!s.valid) continue;
    anyValid = true;
    if (!s.success) {
      anyFalse = true;
      if (r.failing) failing.push(...r.failing);
      else failingSubjects(r.value, failing);
    }
    if (s.success && Array.isArray(r.judged) && r.judged.length === 0) vacuous = true;
  }
  if (!anyValid) return { status: 'skip', message: 'the query produced no verdict (no assertion, or only empty lists)', failingResources: [], vacuous: false };
  const described = (await Promise.all(failing.map(describeFailing))).filter((f): f is FailingResource => !!f);
  const unique = [...new Map(described.map((f) => [`${f.type}:${f.id}`, f])).values()];
  return { status: anyFalse ? 'fail' : 'pass', failingResources: unique, vacuous: !anyFalse && vacuous };
}

export interface ExecuteOptions {
  env: Environment;
  /** Policies to run; all when absent. */
  policyUids?: readonly string[];
}

export async function executePolicies(bundle: Bundle, options: ExecuteOptions): Promise<Execution> {
  const { env } = options;
  let selected: PolicyDef[] = bundle.policies;
  if (options.policyUids?.length) {
    const unknown = options.policyUids.filter((u) => !bundle.policies.some((p) => p.uid === u));
    if (unknown.length) {
      throw new SelectionError(`no policy '${unknown.join("', '")}' in the bundles; they hold: ${bundle.policies.map((p) => p.uid).join(', ')}`);
    }
    selected = bundle.policies.filter((p) => options.policyUids!.includes(p.uid));
  }
  const filterCache = new Map<string, Promise<FilterVerdict>>();
  const runs = new Map<string, Promise<CheckResult | undefined>>();

  const runCheck = (uid: string): Promise<CheckResult | undefined> => {
    let pending = runs.get(uid);
    if (!pending) {
      pending = (async () => {
        const query = bundle.queries.get(uid);
        if (!query) return undefined;
        const base = { uid, title: query.title ?? uid, impact: query.impact?.value, weight: query.impact?.weight ?? 1, query, policies: [] as string[] };
        let ran = query;
        if (query.variants.length) {
          let chosen: QueryDef | undefined;
          for (const { uid: v } of query.variants) {
            const variant = bundle.queries.get(v);
            if (!variant || !targetsOkta(variant)) continue;
            const verdict = await filterVerdict(variant.filters, env, filterCache);
            if ('error' in verdict) return { ...base, ran: variant, variant: v, status: 'error', message: `could not tell whether it applies: ${verdict.error.message}`, failingResources: [], vacuous: false };
            if (verdict.applies) {
              chosen = variant;
              break;
            }
          }
          if (!chosen) return undefined;
          ran = chosen;
        } else {
          if (!targetsOkta(query)) return undefined;
          const verdict = await filterVerdict(query.filters, env, filterCache);
          if ('error' in verdict) return { ...base, ran, status: 'error', message: `could not tell whether it applies: ${verdict.error.message}`, failingResources: [], vacuous: false };
          if (!verdict.applies) return undefined;
        }
        if (!ran.mql) return { ...base, ran, variant: ran === query ? undefined : ran.uid, status: 'skip', message: 'the check has no MQL', failingResources: [], vacuous: false };
        let results: StatementResult[];
        try {
          results = await evaluate(parse(ran.mql.text), env);
        } catch (error) {
          if (!(error instanceof MqlError)) throw error;
          const at = ran.mql.locate(error.start);
          return { ...base, ran, variant: ran === query ? undefined : ran.uid, status: 'error', message: `${at.file}:${at.line}:${at.column}: ${error.message}`, failingResources: [], vacuous: false };
        }
        return { ...base, ran, variant: ran === query ? undefined : ran.uid, ...(await verdictOf(results)) };
      })();
      runs.set(uid, pending);
    }
    return pending;
  };

  const policies: PolicyResult[] = [];
  const checks = new Map<string, CheckResult>();
  for (const policy of selected) {
    const ids: string[] = [];
    for (const group of policy.groups) {
      const verdict = await filterVerdict(group.filters, env, filterCache);
      if ('applies' in verdict && !verdict.applies) continue;
      const undecided = 'error' in verdict ? verdict.error : undefined;
      const results = await Promise.all(
        group.checks.map(async (ref): Promise<CheckResult | undefined> => {
          if (!undecided) return runCheck(ref.uid);
          const query = bundle.queries.get(ref.uid);
          if (!query) return undefined;
          const message = `could not tell whether the group '${group.title ?? ''}' applies: ${undecided.message}`;
          return { uid: ref.uid, title: query.title ?? ref.uid, impact: query.impact?.value, weight: query.impact?.weight ?? 1, query, ran: query, policies: [], status: 'error', message, failingResources: [], vacuous: false };
        }),
      );
      for (const r of results) {
        if (!r) continue;
        if (!checks.has(r.uid)) checks.set(r.uid, r);
        const shared = checks.get(r.uid)!;
        if (!shared.policies.includes(policy.uid)) shared.policies.push(policy.uid);
        if (!ids.includes(r.uid)) ids.push(r.uid);
      }
    }
    policies.push({ uid: policy.uid, name: policy.name, version: policy.version, scoringSystem: policy.scoringSystem, checks: ids, score: undefined });
  }
  const all = [...checks.values()];
  for (const p of policies) p.score = policyScore(p.scoringSystem, p.checks.map((uid) => checks.get(uid)!));
  return { checks: all, policies };
}

/** Recomputes policy scores after waivers changed check statuses. */
export function rescore(execution: Execution): void {
  const byUid = new Map(execution.checks.map((c) => [c.uid, c]));
  for (const p of execution.policies) p.score = policyScore(p.scoringSystem, p.checks.map((uid) => byUid.get(uid)!));
}
