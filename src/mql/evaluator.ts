// The MQL interpreter: walks the syntax tree, reading resource fields on demand (each read may
// be an API call, so lists are evaluated concurrently and the client shares repeated reads).
import type { Node, Program, Statement } from './ast.js';
import { didYouMean, MqlError } from './errors.js';
import { FUNCTIONS, mapInBatches, receiverOf, type FunctionContext } from './functions.js';
import { applyBinary, applyUnary, EMPTY, OperatorError, type Operand } from './operators.js';
import { labelOf } from './labels.js';
import { isTruthy } from './truthiness.js';
import { BlockValue, ErrorValue, isDict, isResource, MqlDuration, MqlTime, typeName, type BlockEntry, type ResourceValue, type Value } from './values.js';

export interface Environment {
  /** A global name (`okta`, `asset`, …), or undefined when there is none by that name. */
  global(name: string): Value | undefined;
  globalNames(): readonly string[];
  props: Readonly<Record<string, Value>>;
  /** The clock `time.now` reads, ms. */
  now: number;
}

export interface StatementResult {
  statement: Statement;
  value: Value;
  /** The statement is an assertion (a comparison, a logical operator, a predicate function). */
  assertion: boolean;
  /** For a comparison: what was compared, to show what was expected and what was found. */
  compared?: { left: Value; right: Value };
  /** For a predicate function (all, any, …): the list it judged. */
  judged?: Value;
  /** For all() and none(): the elements that broke the rule. */
  failing?: Value[];
}

const COMPARISONS = new Set(['==', '!=', '=~', '!~', '<', '<=', '>', '>=']);

interface Scope {
  /** Variables assigned in this scope; created on the first assignment. */
  vars?: Map<string, Value>;
  subject?: Value;
  hasSubject: boolean;
  parent?: Scope;
}

const ASSERTING_OPS = new Set(['==', '!=', '=~', '!~', '<', '<=', '>', '>=', '&&', '||']);
const ASSERTING_FUNCTIONS = new Set(['all', 'any', 'none', 'one', 'contains', 'containsAll', 'containsNone', 'containsOnly', 'in', 'notIn']);

/** Whether a statement's value is a verdict rather than data. */
export function isAssertion(node: Node): boolean {
  if (node.type === 'binary') return ASSERTING_OPS.has(node.op);
  if (node.type === 'unary') return node.op === '!';
  if (node.type === 'call') return ASSERTING_FUNCTIONS.has(node.name);
  return false;
}

const DAY = 86_400_000;
const TIME_FIELDS: Record<string, (now: number) => Value> = {
  now: (now) => new MqlTime(now),
  today: (now) => new MqlTime(Math.floor(now / DAY) * DAY),
  second: () => new MqlDuration(1000),
  minute: () => new MqlDuration(60_000),
  hour: () => new MqlDuration(3_600_000),
  day: () => new MqlDuration(DAY),
  week: () => new MqlDuration(7 * DAY),
};

function timeResource(now: number): ResourceValue {
  return {
    kind: 'resource',
    type: 'time',
    id: 'time',
    field: async (name) => TIME_FIELDS[name]!(now),
    fieldNames: () => Object.keys(TIME_FIELDS),
    defaultFields: () => ['now'],
  };
}

function propsResource(props: Readonly<Record<string, Value>>): ResourceValue {
  return { kind: 'resource', type: 'props', id: 'props', field: async (name) => props[name]!, fieldNames: () => Object.keys(props), defaultFields: () => Object.keys(props) };
}

/** Whether a resource has a field, without building its list of names. */
function hasField(resource: ResourceValue, name: string): boolean {
  return resource.hasField ? resource.hasField(name) : resource.fieldNames().includes(name);
}

export class Evaluator {
  private readonly time: ResourceValue;
  private readonly propsValue: ResourceValue;

  constructor(
    private readonly program: Program,
    private readonly env: Environment,
  ) {
    this.time = timeResource(env.now);
    this.propsValue = propsResource(env.props);
  }

  async run(): Promise<StatementResult[]> {
    const scope: Scope = { hasSubject: false };
    const results: StatementResult[] = [];
    for (const statement of this.program.statements) {
      if (statement.type === 'assignment') {
        (scope.vars ??= new Map()).set(statement.name, await this.eval(statement.value, scope));
        continue;
      }
      results.push(await this.topLevel(statement, scope));
    }
    return results;
  }

  /** A top-level statement, keeping what an assertion compared or judged for the report. */
  private async topLevel(statement: Extract<Statement, { type: 'expression' }>, scope: Scope): Promise<StatementResult> {
    const node = statement.expression;
    const assertion = isAssertion(node);
    if (node.type === 'binary' && COMPARISONS.has(node.op)) {
      const [left, right] = await Promise.all([this.evalOperand(node.left, scope), this.evalOperand(node.right, scope)]);
      const value = await this.guard(node, () => applyBinary(node.op, left, right));
      return { statement, value, assertion, compared: { left: left === EMPTY ? null : left, right: right === EMPTY ? null : right } };
    }
    if (node.type === 'call' && assertion) {
      const judged = await this.eval(node.target, scope);
      let matched: Value[] | undefined;
      const value = await this.call(node, scope, judged, (m) => (matched = m));
      let failing: Value[] | undefined;
      if ((node.name === 'all' || node.name === 'none') && Array.isArray(judged) && matched && typeof value === 'boolean') {
        // all(): the elements that did not match; none(): the ones that did.
        const hits = new Set(matched);
        failing = node.name === 'none' ? matched : judged.filter((e) => !hits.has(e));
      }
      return { statement, value, assertion, judged, failing };
    }
    return { statement, value: await this.eval(node, scope), assertion };
  }

  private async eval(node: Node, scope: Scope): Promise<Value> {
    const v = await this.evalOperand(node, scope);
    return v === EMPTY ? null : v;
  }

  private async evalOperand(node: Node, scope: Scope): Promise<Operand> {
    switch (node.type) {
      case 'literal':
        return node.empty ? EMPTY : node.value;
      case 'regex':
        return new RegExp(node.pattern, node.flags);
      case 'list':
        return Promise.all(node.items.map((i) => this.eval(i, scope)));
      case 'map': {
        const out: Record<string, Value> = {};
        for (const e of node.entries) out[e.key] = await this.eval(e.value, scope);
        return out;
      }
      case 'identifier':
        return this.identifier(node.name, node, scope);
      case 'member':
        return this.member(await this.eval(node.target, scope), node.name, node);
      case 'index':
        return this.index(node, scope);
      case 'call':
        return this.call(node, scope);
      case 'block':
        return this.block(node, scope);
      case 'unary':
        return this.guard(node, async () => applyUnary(node.op, await this.eval(node.operand, scope)));
      case 'binary':
        return this.binary(node, scope);
    }
  }

  private async guard(node: Node, fn: () => Value | Promise<Value>): Promise<Value> {
    try {
      return await fn();
    } catch (error) {
      if (error instanceof OperatorError) throw new MqlError('type', error.message, node.start, node.end);
      throw error;
    }
  }

  private async binary(node: Extract<Node, { type: 'binary' }>, scope: Scope): Promise<Value> {
    if (node.op === '&&' || node.op === '||') {
      const left = await this.eval(node.left, scope);
      if (left instanceof ErrorValue) return left;
      if (node.op === '&&' && !isTruthy(left)) return false;
      if (node.op === '||' && isTruthy(left)) return true;
      const right = await this.eval(node.right, scope);
      return right instanceof ErrorValue ? right : isTruthy(right);
    }
    const [left, right] = await Promise.all([this.evalOperand(node.left, scope), this.evalOperand(node.right, scope)]);
    return this.guard(node, () => applyBinary(node.op, left, right));
  }

  private async identifier(name: string, node: Node, scope: Scope): Promise<Value> {
    for (let s: Scope | undefined = scope; s; s = s.parent) {
      if (s.hasSubject) {
        if (name === '_') return s.subject ?? null;
        const subject = s.subject ?? null;
        if (isResource(subject) && hasField(subject, name)) return subject.field(name);
        if (isDict(subject) && name in subject) return subject[name]!;
      }
      const v = s.vars?.get(name);
      if (v !== undefined || s.vars?.has(name)) return v as Value;
    }
    if (name === 'time') return this.time;
    if (name === 'props') return this.propsValue;
    const global = this.env.global(name);
    if (global !== undefined) return global;
    if (name === '_') throw new MqlError('unknown-field', "'_' names the element inside a block or a function such as where(…); there is none here", node.start, node.end);
    const subject = innermostSubject(scope) ?? null;
    const fields = isResource(subject) ? subject.fieldNames() : isDict(subject) ? Object.keys(subject) : [];
    const known = [...fields, ...this.env.globalNames(), 'time', 'props', ...varNames(scope)];
    const where = isResource(subject) ? `${subject.type} has no field '${name}'` : `'${name}' is not a resource, field or variable`;
    throw new MqlError('unknown-field', `${where}${didYouMean(name, known)}`, node.start, node.end);
  }

  private async member(target: Value, name: string, node: Extract<Node, { type: 'member' }>): Promise<Value> {
    if (target instanceof ErrorValue) return target;
    if (target === null) return null;
    if (isResource(target)) {
      if (target.fieldNames().includes(name)) return target.field(name);
      if (target.type === 'props') throw new MqlError('unknown-field', `there is no property '${name}'${didYouMean(name, target.fieldNames())}`, node.nameStart, node.end);
      throw new MqlError('unknown-field', `${target.type} has no field '${name}'${didYouMean(name, target.fieldNames())}`, node.nameStart, node.end);
    }
    const fn = FUNCTIONS[name];
    const receiver = receiverOf(target);
    if (fn && receiver && fn.on.includes(receiver) && fn.arity.includes(0)) {
      return fn.run(target, [], this.functionContext(node, { hasSubject: false }));
    }
    if (isDict(target)) return target[name] ?? null;
    if (Array.isArray(target)) {
      throw new MqlError('type', `a list has no field '${name}'; use .map(${name}) for each element's ${name}, or { ${name} }`, node.nameStart, node.end);
    }
    throw new MqlError('unknown-field', `a ${typeName(target)} has no field or function '${name}'`, node.nameStart, node.end);
  }

  private async index(node: Extract<Node, { type: 'index' }>, scope: Scope): Promise<Value> {
    const [target, index] = await Promise.all([this.eval(node.target, scope), this.eval(node.index, scope)]);
    if (target instanceof ErrorValue) return target;
    if (index instanceof ErrorValue) return index;
    if (target === null) return null;
    if (Array.isArray(target)) {
      if (typeof index !== 'number' || !Number.isInteger(index)) throw new MqlError('type', `a list is indexed by a whole number, not a ${typeName(index)}`, node.index.start, node.index.end);
      return target[index < 0 ? target.length + index : index] ?? null;
    }
    if (isDict(target)) {
      if (typeof index !== 'string' && typeof index !== 'number') throw new MqlError('type', `a dict is indexed by a key, not a ${typeName(index)}`, node.index.start, node.index.end);
      return target[String(index)] ?? null;
    }
    if (isResource(target) && typeof index === 'string') return this.member(target, index, { ...node, type: 'member', name: index, nameStart: node.index.start, target: node.target });
    throw new MqlError('type', `a ${typeName(target)} cannot be indexed with [ ]`, node.start, node.end);
  }

  private functionContext(node: Node, scope: Scope, matched?: (elements: Value[]) => void): FunctionContext {
    return {
      withElement: (arg, element) => this.eval(arg, { subject: element, hasSubject: true, parent: scope }),
      matched,
      value: (arg) => this.evalOperand(arg, scope),
      fail: (message) => {
        throw new MqlError('bad-arguments', message, node.start, node.end);
      },
    };
  }

  private async call(node: Extract<Node, { type: 'call' }>, scope: Scope, evaluated?: Value, matched?: (elements: Value[]) => void): Promise<Value> {
    const target = evaluated !== undefined ? evaluated : await this.eval(node.target, scope);
    if (target instanceof ErrorValue) return target;
    const fn = FUNCTIONS[node.name];
    if (!fn) throw new MqlError('unknown-function', `there is no function '${node.name}'${didYouMean(node.name, Object.keys(FUNCTIONS))}`, node.nameStart, node.end);
    if (!fn.arity.includes(node.args.length)) {
      throw new MqlError('bad-arguments', `${node.name}() takes ${fn.arity.join(' or ')} argument${fn.arity.at(-1) === 1 ? '' : 's'}, not ${node.args.length}`, node.start, node.end);
    }
    const receiver = receiverOf(target);
    if (target !== null && (!receiver || !fn.on.includes(receiver))) {
      throw new MqlError('type', `${node.name}() works on a ${fn.on.join(' or ')}, not on a ${typeName(target)}`, node.nameStart, node.end);
    }
    return this.guard(node, () => fn.run(target, node.args, this.functionContext(node, scope, matched)));
  }

  private async block(node: Extract<Node, { type: 'block' }>, scope: Scope): Promise<Value> {
    const target = await this.eval(node.target, scope);
    if (target instanceof ErrorValue || target === null) return target;
    if (Array.isArray(target)) return mapInBatches(target, (element) => this.blockOn(element, node, scope));
    return this.blockOn(target, node, scope);
  }

  private async blockOn(subject: Value, node: Extract<Node, { type: 'block' }>, scope: Scope): Promise<Value> {
    if (subject instanceof ErrorValue || subject === null) return subject;
    if (!isResource(subject) && !isDict(subject)) {
      throw new MqlError('type', `a block { … } applies to a resource, a dict or a list of them, not to a ${typeName(subject)}`, node.start, node.end);
    }
    const inner: Scope = { subject, hasSubject: true, parent: scope };
    if (node.star) {
      const names = isResource(subject) ? subject.fieldNames() : Object.keys(subject);
      const values = await Promise.all(names.map((n) => (isResource(subject) ? subject.field(n) : subject[n]!)));
      return new BlockValue(names.map((label, i) => ({ label, value: values[i]!, assertion: false })), subject);
    }
    const entries: BlockEntry[] = [];
    for (const statement of node.body) {
      if (statement.type === 'assignment') {
        (inner.vars ??= new Map()).set(statement.name, await this.eval(statement.value, inner));
        continue;
      }
      const label = labelOf(statement.expression, this.program.source);
      entries.push({ label, value: await this.eval(statement.expression, inner), assertion: isAssertion(statement.expression) });
    }
    return new BlockValue(entries, subject);
  }
}

function innermostSubject(scope: Scope): Value | undefined {
  for (let s: Scope | undefined = scope; s; s = s.parent) if (s.hasSubject) return s.subject;
  return undefined;
}

function varNames(scope: Scope): string[] {
  const names: string[] = [];
  for (let s: Scope | undefined = scope; s; s = s.parent) names.push(...(s.vars?.keys() ?? []));
  return names;
}

export function evaluate(program: Program, env: Environment): Promise<StatementResult[]> {
  return new Evaluator(program, env).run();
}
