// Evaluating MQL in tests: against plain data (for language semantics) or a simulated org.
import { evaluate, type Environment, type StatementResult } from '../../src/mql/evaluator.js';
import { parse } from '../../src/mql/parser.js';
import type { Value } from '../../src/mql/values.js';

export const NOW = Date.parse('2026-12-04T12:00:00.000Z');

/** An environment whose only global is `data`. */
export function dataEnvironment(data: Value, props: Record<string, Value> = {}): Environment {
  return { global: (n) => (n === 'data' ? data : undefined), globalNames: () => ['data'], props, now: NOW };
}

export async function evalAll(source: string, env: Environment): Promise<StatementResult[]> {
  return evaluate(parse(source), env);
}

/** The value of the last statement. */
export async function evalLast(source: string, env: Environment): Promise<Value> {
  const results = await evalAll(source, env);
  return results.at(-1)!.value;
}
