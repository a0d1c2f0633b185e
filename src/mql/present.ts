// Presents a query's results: text as the cnspec shell prints it, JSON for machines, and the
// verdict that decides the exit code (an assertion that failed or could not be decided).
import { materialize } from './display.js';
import { labelOf, normalizeLabel } from './labels.js';
import type { StatementResult } from './evaluator.js';
import { formatAssertion, formatResult, toJson } from './format.js';
import { isSuccess, isTruthy } from './truthiness.js';
import { ErrorValue, type Value } from './values.js';

export interface Presentation {
  text: string;
  json: Record<string, unknown>;
  /** An assertion failed, or one could not be decided because data was missing. */
  failed: boolean;
  /** Some data could not be read at all (network, credentials). */
  broken: boolean;
}

function errorsIn(v: Value, out: ErrorValue[] = []): ErrorValue[] {
  if (v instanceof ErrorValue) out.push(v);
  else if (Array.isArray(v)) v.forEach((x) => errorsIn(x, out));
  else if (v && typeof v === 'object' && 'entries' in v && Array.isArray((v as { entries: unknown }).entries)) {
    for (const e of (v as { entries: Array<{ value: Value }> }).entries) errorsIn(e.value, out);
  }
  return out;
}

export async function present(results: readonly StatementResult[], source: string): Promise<Presentation> {
  const text: string[] = [];
  const json: Record<string, unknown> = {};
  let failed = false;
  let broken = false;
  for (const r of results) {
    const expr = r.statement.type === 'expression' ? r.statement.expression : undefined;
    if (!expr) continue;
    const label = labelOf(expr, source);
    const errors = errorsIn(r.value);
    if (errors.some((e) => e.kind === 'failed')) broken = true;
    if (r.assertion) {
      const error = r.value instanceof ErrorValue ? r.value : undefined;
      const ok = !error && isTruthy(r.value);
      if (!ok) failed = true;
      const shown = r.compared ? r.compared.left : r.judged !== undefined && !ok ? r.judged : r.value;
      const expected = r.compared && expr.type === 'binary' ? `${expr.op} ${source.slice(expr.right.start, expr.right.end)}` : undefined;
      text.push(formatAssertion({ text: normalizeLabel(r.statement.text), ok, value: await materialize(shown), expected, error: error && { message: error.message } }));
      json[normalizeLabel(r.statement.text)] = error ? { error: error.message } : r.value === true || r.value === false ? r.value : isTruthy(r.value);
      continue;
    }
    const verdict = isSuccess(r.value);
    if (verdict.valid && ('error' in verdict || !verdict.success)) failed = true;
    const shown = await materialize(r.value);
    text.push(formatResult(label, shown));
    json[label] = toJson(shown);
  }
  return { text: text.join('\n'), json, failed, broken };
}
