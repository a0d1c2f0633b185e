// Running one MQL query against an org: parse, check against the resource schema, evaluate,
// present. Shared by `run` and `shell`.
import { check } from './mql/checker.js';
import type { MqlError } from './mql/errors.js';
import { evaluate, type Environment } from './mql/evaluator.js';
import { parse } from './mql/parser.js';
import { present, type Presentation } from './mql/present.js';
import type { Value } from './mql/values.js';
import { oktaTypeSchema } from './resources/typeSchema.js';

/** Parses and checks a query; throws the first problem as a positioned MqlError. */
export function compileQuery(source: string, props?: Readonly<Record<string, Value>>) {
  const program = parse(source);
  const problems: MqlError[] = check(program, oktaTypeSchema(props ? new Set(Object.keys(props)) : undefined));
  if (problems.length) throw problems[0]!;
  return program;
}

export async function runQuery(source: string, env: Environment): Promise<Presentation> {
  const program = compileQuery(source, env.props);
  return present(await evaluate(program, env), source);
}
