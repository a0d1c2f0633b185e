// MQL's operators on values: soft equality ("2" == 2, [1] == 1, regex matches with ==), ordering
// of numbers, strings, times and durations, arithmetic with times, and `empty`.
import type { BinaryOp } from './ast.js';
import { isTruthy } from './truthiness.js';
import { ErrorValue, firstError, isDict, isResource, MqlDuration, MqlTime, typeName, type Value } from './values.js';

/** The `empty` literal: matches null, '', [] and {}. */
export const EMPTY = Symbol('empty');
export type Operand = Value | typeof EMPTY;

export function isEmpty(v: Value): boolean {
  if (v === null) return true;
  if (typeof v === 'string' || Array.isArray(v)) return v.length === 0;
  if (isDict(v)) return Object.keys(v).length === 0;
  return false;
}

function asNumber(v: Value): number | undefined {
  if (typeof v === 'number') return v;
  if (typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v))) return Number(v);
  if (typeof v === 'boolean') return undefined;
  return undefined;
}

function asText(v: Value): string | undefined {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return undefined;
}

export function looseEquals(a: Operand, b: Operand): boolean {
  if (a === EMPTY) return b === EMPTY || isEmpty(b as Value);
  if (b === EMPTY) return isEmpty(a);
  if (b instanceof RegExp) return matches(a, b);
  if (a instanceof RegExp) return matches(b, a);
  if (a === null || b === null) return a === b;
  if (a instanceof MqlTime || a instanceof MqlDuration) return (b instanceof MqlTime || b instanceof MqlDuration) && a.ms === b.ms;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => looseEquals(x, b[i]!));
  // A one-element list compares as its element.
  if (Array.isArray(a)) return a.length === 1 && looseEquals(a[0]!, b);
  if (Array.isArray(b)) return b.length === 1 && looseEquals(a, b[0]!);
  if (isResource(a) || isResource(b)) return isResource(a) && isResource(b) && a.type === b.type && a.id === b.id;
  if (isDict(a) && isDict(b)) {
    const ka = Object.keys(a);
    return ka.length === Object.keys(b).length && ka.every((k) => k in b && looseEquals(a[k]!, b[k]!));
  }
  if (typeof a === typeof b) return a === b;
  if (typeof a === 'boolean' || typeof b === 'boolean') {
    const t = asText(a)?.toLowerCase();
    const u = asText(b)?.toLowerCase();
    return t !== undefined && t === u;
  }
  const na = asNumber(a);
  const nb = asNumber(b);
  if (na !== undefined && nb !== undefined) return na === nb;
  return false;
}

/** `value == /regex/`: does the value's text match? null never matches. */
export function matches(v: Value, re: RegExp): boolean {
  if (v === null || v instanceof ErrorValue) return false;
  if (Array.isArray(v)) return v.length === 1 && matches(v[0]!, re);
  const text = asText(v);
  if (text === undefined) return false;
  re.lastIndex = 0;
  return re.test(text);
}

function compare(a: Value, b: Value): number | undefined {
  if ((a instanceof MqlTime && b instanceof MqlTime) || (a instanceof MqlDuration && b instanceof MqlDuration)) return a.ms - b.ms;
  const na = asNumber(a);
  const nb = asNumber(b);
  if (na !== undefined && nb !== undefined && (typeof a === 'number' || typeof b === 'number')) return na - nb;
  if (typeof a === 'string' && typeof b === 'string') return a < b ? -1 : a > b ? 1 : 0;
  return undefined;
}

export class OperatorError extends Error {}

/** Applies a binary operator (other than && and ||, which short-circuit in the evaluator). */
export function applyBinary(op: BinaryOp, left: Operand, right: Operand): Value {
  const l = left === EMPTY ? null : left;
  const r = right === EMPTY ? null : right;
  const err = firstError(l, r);
  if (err) return err;
  switch (op) {
    case '==':
      return looseEquals(left, right);
    case '!=':
      return !looseEquals(left, right);
    case '=~':
    case '!~': {
      const re = r instanceof RegExp ? r : typeof r === 'string' ? toRegExp(r) : undefined;
      if (!re) throw new OperatorError(`${op} needs a regular expression on the right, not a ${typeName(r)}`);
      const hit = matches(l, re);
      return op === '=~' ? hit : !hit;
    }
    case '<':
    case '<=':
    case '>':
    case '>=': {
      if (l === null || r === null) return false;
      const c = compare(l, r);
      if (c === undefined) throw new OperatorError(`cannot compare a ${typeName(l)} with a ${typeName(r)} using ${op}`);
      return op === '<' ? c < 0 : op === '<=' ? c <= 0 : op === '>' ? c > 0 : c >= 0;
    }
    case '+':
    case '-':
    case '*':
    case '/':
    case '%':
      return arithmetic(op, l, r);
    default:
      throw new OperatorError(`unknown operator ${op}`);
  }
}

function toRegExp(source: string): RegExp | undefined {
  try {
    return new RegExp(source);
  } catch {
    return undefined;
  }
}

function arithmetic(op: '+' | '-' | '*' | '/' | '%', l: Value, r: Value): Value {
  if (l === null || r === null) return null;
  if (l instanceof MqlTime && r instanceof MqlDuration) return new MqlTime(op === '+' ? l.ms + r.ms : op === '-' ? l.ms - r.ms : fail());
  if (l instanceof MqlDuration && r instanceof MqlTime && op === '+') return new MqlTime(l.ms + r.ms);
  if (l instanceof MqlTime && r instanceof MqlTime && op === '-') return new MqlDuration(l.ms - r.ms);
  if (l instanceof MqlDuration && r instanceof MqlDuration && (op === '+' || op === '-')) return new MqlDuration(op === '+' ? l.ms + r.ms : l.ms - r.ms);
  if (l instanceof MqlDuration && typeof r === 'number' && (op === '*' || op === '/')) return new MqlDuration(op === '*' ? l.ms * r : l.ms / r);
  if (typeof l === 'number' && r instanceof MqlDuration && op === '*') return new MqlDuration(l * r.ms);
  if (op === '+' && Array.isArray(l) && Array.isArray(r)) return [...l, ...r];
  if (op === '+' && typeof l === 'string' && typeof r === 'string') return l + r;
  if (typeof l === 'number' && typeof r === 'number') {
    switch (op) {
      case '+':
        return l + r;
      case '-':
        return l - r;
      case '*':
        return l * r;
      case '/':
        if (r === 0) throw new OperatorError('division by zero');
        // Whole numbers divide as whole numbers, as in MQL.
        return Number.isInteger(l) && Number.isInteger(r) ? Math.trunc(l / r) : l / r;
      case '%':
        if (r === 0) throw new OperatorError('division by zero');
        return l % r;
    }
  }
  return fail();

  function fail(): never {
    throw new OperatorError(`cannot apply ${op} to a ${typeName(l)} and a ${typeName(r)}`);
  }
}

export function applyUnary(op: '!' | '-', v: Value): Value {
  if (v instanceof ErrorValue) return v;
  if (op === '!') return !isTruthy(v);
  if (v === null) return null;
  if (typeof v === 'number') return -v;
  if (v instanceof MqlDuration) return new MqlDuration(-v.ms);
  throw new OperatorError(`cannot negate a ${typeName(v)}`);
}

