// Checks a query against the resource schema before anything is read: unknown resources, fields,
// functions and properties are reported at their position, with the closest names as hints.
// Where a type cannot be known (dict contents), everything is allowed.
import type { Node, Program, Statement } from './ast.js';
import { didYouMean, MqlError, suggest } from './errors.js';
import { FUNCTIONS } from './functions.js';

export type MqlType =
  | 'any'
  | 'string'
  | 'int'
  | 'bool'
  | 'time'
  | 'dict'
  | 'duration'
  | 'regex'
  | { list: MqlType }
  | { resource: string };

export interface TypeSchema {
  /** The fields of a resource type, or undefined when there is no such resource. */
  fields(resource: string): Readonly<Record<string, MqlType>> | undefined;
  /** Names people reach for that live elsewhere: `email` → `profile['email']`. */
  aliases?(resource: string): Readonly<Record<string, string>> | undefined;
  globals: Readonly<Record<string, MqlType>>;
  /** Known property names; undefined when any name may be given later. */
  props?: ReadonlySet<string>;
}

const TIME_FIELDS: Record<string, MqlType> = { now: 'time', today: 'time', second: 'duration', minute: 'duration', hour: 'duration', day: 'duration', week: 'duration' };

const describe = (t: MqlType): string => (typeof t === 'string' ? t : 'list' in t ? `list of ${describe(t.list)}` : t.resource);

interface Scope {
  vars: Map<string, MqlType>;
  subject?: MqlType;
  parent?: Scope;
}

export function check(program: Program, schema: TypeSchema): MqlError[] {
  return new Checker(schema).program(program);
}

class Checker {
  readonly problems: MqlError[] = [];

  constructor(private readonly schema: TypeSchema) {}

  program(p: Program): MqlError[] {
    this.statements(p.statements, { vars: new Map() });
    return this.problems;
  }

  private statements(list: readonly Statement[], scope: Scope): void {
    for (const s of list) {
      if (s.type === 'assignment') scope.vars.set(s.name, this.type(s.value, scope));
      else this.type(s.expression, scope);
    }
  }

  private report(code: MqlError['code'], message: string, start: number, end: number): 'any' {
    this.problems.push(new MqlError(code, message, start, end));
    return 'any';
  }

  /** "did you mean" for a field: the closest fields, or where a well-known attribute really lives. */
  private hint(resource: string, name: string, fields: readonly string[]): string {
    const aliases = this.schema.aliases?.(resource) ?? {};
    const alias = Object.keys(aliases).find((a) => a.toLowerCase() === name.toLowerCase()) ?? didYouMeanTarget(name, Object.keys(aliases));
    if (alias) return ` (did you mean ${aliases[alias]}?)`;
    return didYouMean(name, fields);
  }

  private fieldsOf(t: MqlType): Readonly<Record<string, MqlType>> | undefined {
    if (typeof t === 'object' && 'resource' in t) {
      if (t.resource === 'time') return TIME_FIELDS;
      return this.schema.fields(t.resource);
    }
    return undefined;
  }

  private identifier(name: string, node: Node, scope: Scope): MqlType {
    for (let s: Scope | undefined = scope; s; s = s.parent) {
      if (s.subject !== undefined) {
        if (name === '_') return s.subject;
        const fields = this.fieldsOf(s.subject);
        if (fields && name in fields) return fields[name]!;
        if (s.subject === 'dict' || s.subject === 'any') return 'any';
      }
      if (s.vars.has(name)) return s.vars.get(name)!;
    }
    if (name === 'time') return { resource: 'time' };
    if (name === 'props') return { resource: 'props' };
    const global = this.schema.globals[name];
    if (global) return global;
    let subject: MqlType | undefined;
    for (let s: Scope | undefined = scope; s && subject === undefined; s = s.parent) subject = s.subject;
    const fields = subject ? Object.keys(this.fieldsOf(subject) ?? {}) : [];
    const names = [...fields, ...Object.keys(this.schema.globals), 'time', 'props', ...collectVars(scope)];
    const resource = subject && typeof subject === 'object' && 'resource' in subject ? subject.resource : undefined;
    const prefix = resource ? `${resource} has no field '${name}'` : `'${name}' is not a resource, field or variable`;
    return this.report('unknown-field', `${prefix}${resource ? this.hint(resource, name, names) : didYouMean(name, names)}`, node.start, node.end);
  }

  private member(target: MqlType, name: string, node: Extract<Node, { type: 'member' }>): MqlType {
    if (target === 'any' || target === 'dict') return name === 'length' ? 'int' : 'any';
    if (typeof target === 'object' && 'resource' in target) {
      if (target.resource === 'props') {
        if (this.schema.props && !this.schema.props.has(name)) {
          return this.report('unknown-field', `there is no property '${name}'${didYouMean(name, this.schema.props)}`, node.nameStart, node.end);
        }
        return 'any';
      }
      const fields = this.fieldsOf(target);
      if (!fields) return 'any';
      if (name in fields) return fields[name]!;
      return this.report('unknown-field', `${target.resource} has no field '${name}'${this.hint(target.resource, name, Object.keys(fields))}`, node.nameStart, node.end);
    }
    const fn = FUNCTIONS[name];
    if (fn?.arity.includes(0)) return this.functionResult(name, target, 'any');
    if (typeof target === 'object' && 'list' in target) {
      const fnHint = didYouMean(name, Object.keys(FUNCTIONS).filter((f) => FUNCTIONS[f]!.arity.includes(0)));
      if (fnHint) return this.report('unknown-function', `a list has no field or function '${name}'${fnHint}`, node.nameStart, node.end);
      return this.report('type', `a list has no field '${name}'; use .map(${name}) for each element's ${name}, or { ${name} }`, node.nameStart, node.end);
    }
    if (target === 'string' || target === 'int' || target === 'bool' || target === 'time') {
      return this.report('unknown-field', `a ${target} has no field or function '${name}'`, node.nameStart, node.end);
    }
    return 'any';
  }

  private functionResult(name: string, target: MqlType, mapped: MqlType): MqlType {
    const element = typeof target === 'object' && 'list' in target ? target.list : 'any';
    switch (name) {
      case 'where':
        return target;
      case 'map':
        return { list: mapped };
      case 'first':
      case 'last':
        return element;
      case 'length':
        return 'int';
      case 'keys':
      case 'split':
        return { list: 'string' };
      case 'values':
        return { list: 'any' };
      case 'downcase':
      case 'upcase':
      case 'trim':
        return 'string';
      default:
        return 'bool';
    }
  }

  private type(node: Node, scope: Scope): MqlType {
    switch (node.type) {
      case 'literal':
        return node.value === null ? 'any' : typeof node.value === 'number' ? 'int' : typeof node.value === 'string' ? 'string' : 'bool';
      case 'regex':
        return 'regex';
      case 'list':
        node.items.forEach((i) => this.type(i, scope));
        return { list: 'any' };
      case 'map':
        node.entries.forEach((e) => this.type(e.value, scope));
        return 'dict';
      case 'identifier':
        return this.identifier(node.name, node, scope);
      case 'member':
        return this.member(this.type(node.target, scope), node.name, node);
      case 'index': {
        const target = this.type(node.target, scope);
        this.type(node.index, scope);
        if (typeof target === 'object' && 'list' in target) return target.list;
        return 'any';
      }
      case 'call': {
        const target = this.type(node.target, scope);
        const fn = FUNCTIONS[node.name];
        if (!fn) return this.report('unknown-function', `there is no function '${node.name}'${didYouMean(node.name, Object.keys(FUNCTIONS))}`, node.nameStart, node.nameStart + node.name.length);
        if (!fn.arity.includes(node.args.length)) {
          return this.report('bad-arguments', `${node.name}() takes ${fn.arity.join(' or ')} argument${fn.arity.at(-1) === 1 ? '' : 's'}, not ${node.args.length}`, node.start, node.end);
        }
        const element = typeof target === 'object' && 'list' in target ? target.list : 'any';
        const bound = ['where', 'all', 'any', 'none', 'one', 'map', 'contains'].includes(node.name);
        const argTypes = node.args.map((a) => this.type(a, bound ? { vars: new Map(), subject: element, parent: scope } : scope));
        if (typeof target === 'object' && 'resource' in target && target.resource !== 'props') {
          return this.report('type', `${node.name}() works on a ${fn.on.join(' or ')}, not on a ${describe(target)}`, node.nameStart, node.end);
        }
        return this.functionResult(node.name, target, argTypes[0] ?? 'any');
      }
      case 'block': {
        const target = this.type(node.target, scope);
        const subject = typeof target === 'object' && 'list' in target ? target.list : target;
        if (!node.star) this.statements(node.body, { vars: new Map(), subject, parent: scope });
        return typeof target === 'object' && 'list' in target ? { list: 'dict' } : 'dict';
      }
      case 'unary':
        this.type(node.operand, scope);
        return node.op === '!' ? 'bool' : 'any';
      case 'binary': {
        const left = this.type(node.left, scope);
        const right = this.type(node.right, scope);
        if (['+', '-', '*', '/', '%'].includes(node.op)) {
          if (left === 'time' && right === 'duration') return 'time';
          if (left === 'time' && right === 'time') return 'duration';
          if (left === 'duration' || right === 'duration') return 'duration';
          return 'any';
        }
        return 'bool';
      }
    }
  }
}

function didYouMeanTarget(name: string, candidates: readonly string[]): string | undefined {
  return suggest(name, candidates, 1)[0];
}

function collectVars(scope: Scope): string[] {
  const names: string[] = [];
  for (let s: Scope | undefined = scope; s; s = s.parent) names.push(...s.vars.keys());
  return names;
}
