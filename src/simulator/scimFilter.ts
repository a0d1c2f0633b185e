// Okta's `filter`/`search` expression language (SCIM-like): `status eq "ACTIVE" and
// (profile.email sw "a" or not (lastUpdated gt "2024-01-01T00:00:00.000Z"))`.

export type Predicate = (item: Record<string, unknown>) => boolean;

export class FilterSyntaxError extends Error {
  override name = 'FilterSyntaxError';
}

type Token = { kind: 'word' | 'string' | 'lparen' | 'rparen'; text: string };

function tokenize(input: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < input.length) {
    const c = input[i]!;
    if (/\s/.test(c)) i++;
    else if (c === '(' || c === ')') {
      tokens.push({ kind: c === '(' ? 'lparen' : 'rparen', text: c });
      i++;
    } else if (c === '"') {
      let j = i + 1;
      let text = '';
      while (j < input.length && input[j] !== '"') {
        if (input[j] === '\\' && j + 1 < input.length) j++;
        text += input[j];
        j++;
      }
      if (j >= input.length) throw new FilterSyntaxError(`unterminated string at ${i}`);
      tokens.push({ kind: 'string', text });
      i = j + 1;
    } else {
      let j = i;
      while (j < input.length && !/[\s()"]/.test(input[j]!)) j++;
      tokens.push({ kind: 'word', text: input.slice(i, j) });
      i = j;
    }
  }
  return tokens;
}

const OPERATORS = new Set(['eq', 'ne', 'gt', 'ge', 'lt', 'le', 'sw', 'co', 'ew', 'pr']);

function lookup(item: Record<string, unknown>, path: string): unknown {
  let value: unknown = item;
  for (const part of path.split('.')) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<string, unknown>)[part];
  }
  return value;
}

function compare(op: string, actual: unknown, expected: unknown): boolean {
  if (op === 'pr') return actual !== undefined && actual !== null && actual !== '';
  if (Array.isArray(actual)) return actual.some((a) => compare(op, a, expected));
  if (actual === undefined || actual === null) return op === 'ne' ? expected !== null : expected === null && op === 'eq';
  const a = actual;
  switch (op) {
    case 'eq':
      return a === expected || (typeof a === 'string' && typeof expected === 'string' && a.toLowerCase() === expected.toLowerCase());
    case 'ne':
      return !compare('eq', actual, expected);
    case 'gt':
      return (a as number | string) > (expected as number | string);
    case 'ge':
      return (a as number | string) >= (expected as number | string);
    case 'lt':
      return (a as number | string) < (expected as number | string);
    case 'le':
      return (a as number | string) <= (expected as number | string);
    case 'sw':
      return String(a).toLowerCase().startsWith(String(expected).toLowerCase());
    case 'ew':
      return String(a).toLowerCase().endsWith(String(expected).toLowerCase());
    case 'co':
      return String(a).toLowerCase().includes(String(expected).toLowerCase());
    default:
      return false;
  }
}

/**
 * Compiles an expression into a predicate. `attributes` limits which attribute paths may be used
 * (Okta's `filter` allows only a few per endpoint); undefined allows any.
 */
export function compileFilter(input: string, attributes?: readonly string[]): Predicate {
  const tokens = tokenize(input);
  let pos = 0;
  const peek = () => tokens[pos];
  const isWord = (t: Token | undefined, w: string) => t?.kind === 'word' && t.text.toLowerCase() === w;

  const literal = (t: Token | undefined): unknown => {
    if (!t) throw new FilterSyntaxError('expected a value at the end of the expression');
    if (t.kind === 'string') return t.text;
    if (t.kind !== 'word') throw new FilterSyntaxError(`expected a value, found '${t.text}'`);
    if (t.text === 'true') return true;
    if (t.text === 'false') return false;
    if (t.text === 'null') return null;
    if (/^-?\d+(\.\d+)?$/.test(t.text)) return Number(t.text);
    throw new FilterSyntaxError(`expected a quoted string, number or boolean, found '${t.text}'`);
  };

  const comparison = (): Predicate => {
    const attr = tokens[pos++];
    if (!attr || attr.kind !== 'word') throw new FilterSyntaxError('expected an attribute name');
    if (attributes && !attributes.includes(attr.text)) {
      throw new FilterSyntaxError(`the attribute '${attr.text}' cannot be used here`);
    }
    const opToken = tokens[pos++];
    const op = opToken?.kind === 'word' ? opToken.text.toLowerCase() : '';
    if (!OPERATORS.has(op)) throw new FilterSyntaxError(`expected an operator after '${attr.text}'`);
    const expected = op === 'pr' ? undefined : literal(tokens[pos++]);
    return (item) => compare(op, lookup(item, attr.text), expected);
  };

  const unary = (): Predicate => {
    if (isWord(peek(), 'not')) {
      pos++;
      const inner = unary();
      return (item) => !inner(item);
    }
    if (peek()?.kind === 'lparen') {
      pos++;
      const inner = or();
      if (peek()?.kind !== 'rparen') throw new FilterSyntaxError('missing closing parenthesis');
      pos++;
      return inner;
    }
    return comparison();
  };

  const and = (): Predicate => {
    const parts = [unary()];
    while (isWord(peek(), 'and')) {
      pos++;
      parts.push(unary());
    }
    return parts.length === 1 ? parts[0]! : (item) => parts.every((p) => p(item));
  };

  const or = (): Predicate => {
    const parts = [and()];
    while (isWord(peek(), 'or')) {
      pos++;
      parts.push(and());
    }
    return parts.length === 1 ? parts[0]! : (item) => parts.some((p) => p(item));
  };

  if (tokens.length === 0) throw new FilterSyntaxError('the expression is empty');
  const predicate = or();
  if (pos < tokens.length) throw new FilterSyntaxError(`unexpected '${tokens[pos]!.text}'`);
  return predicate;
}
