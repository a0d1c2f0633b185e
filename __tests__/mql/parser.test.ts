// The parser: structure, positions, and errors that point at the spot. A property-based test feeds
// it random and mutated queries: it returns a program or throws a positioned MqlError, quickly.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { check } from '../../src/mql/checker.js';
import { MqlError } from '../../src/mql/errors.js';
import { parse } from '../../src/mql/parser.js';
import { oktaTypeSchema } from '../../src/resources/typeSchema.js';

const SEED_QUERIES = [
  'okta.organization',
  "okta.users { profile status lastUpdated credentials['provider']['name'] }",
  'okta.applications { status name label signOnMode }',
  'okta.policies {\n    accessPolicy {\n        name\n        rules { status == "ACTIVE" }\n    }\n}',
  'okta.organization.threatInsightSettings.action == "block"',
  'okta.domains { domain validationStatus == "COMPLETED" }',
  "okta.users.where( status == \"SUSPENDED\" ) { profile['email'] status }",
];

const errorOf = (source: string): MqlError => {
  try {
    parse(source);
  } catch (e) {
    if (e instanceof MqlError) return e;
    throw e;
  }
  throw new Error(`parsed: ${source}`);
};

describe('parsing', () => {
  it.each(SEED_QUERIES)('parses the seed query %j as one statement', (q) => {
    const p = parse(q);
    expect(p.statements).toHaveLength(1);
    expect(p.statements[0]!.text).toBe(q);
    expect(check(p, oktaTypeSchema())).toEqual([]);
  });

  it('builds operators with MQL precedence', () => {
    const [s] = parse('a || b && c == d + e * f').statements;
    const e = s!.type === 'expression' ? s.expression : undefined;
    expect(e).toMatchObject({ type: 'binary', op: '||', right: { op: '&&', right: { op: '==', right: { op: '+', right: { op: '*' } } } } });
  });

  it('separates statements by newlines, semicolons, or by simply starting the next one', () => {
    expect(parse('a\nb; c').statements.map((s) => s.text)).toEqual(['a', 'b', 'c']);
    const [block] = parse('x { a b == 1 c["k"] }').statements;
    expect(block!.type === 'expression' && block.expression.type === 'block' && block.expression.body.map((s) => s.text)).toEqual(['a', 'b == 1', 'c["k"]']);
  });

  it('keeps positions for every node', () => {
    const [s] = parse('okta.users.where(status == "A")').statements;
    expect(s!.type === 'expression' && s.expression).toMatchObject({ type: 'call', name: 'where', nameStart: 11, start: 0, end: 31, args: [{ start: 17, end: 30 }] });
  });

  it('tells a regex from a division', () => {
    expect(parse('a / b / c').statements).toHaveLength(1);
    const [s] = parse('x == /a\\/b/i').statements;
    expect(s!.type === 'expression' && s.expression).toMatchObject({ right: { type: 'regex', pattern: 'a\\/b', flags: 'i' } });
  });

  it.each([
    ['okta.users.where(status == )', 1, 28, "unexpected ')'"],
    ['okta.users {\n  name\n', 3, 1, "expected '}' to close the block, but the query ends"],
    ['"unterminated', 1, 1, 'this string is never closed'],
    ['x == /a(/', 1, 6, 'not a valid regular expression'],
    ['x == /[/', 1, 6, 'this regular expression is never closed with /'],
    ['a.', 1, 3, "expected a field or function name after '.', but the query ends"],
    ['a @ b', 1, 3, "unexpected character '@'"],
    ['where(x)', 1, 1, "'where(…)' is not a function; functions are called on a value"],
    ['f(a, b', 1, 1, "'f(…)' is not a function"],
    ['x == /a/q', 1, 9, "'q' are not regular-expression flags"],
    ['{ a: }', 1, 6, "unexpected '}'"],
    ['1abc', 1, 2, 'a number cannot run straight into a name'],
  ])('reports %j at line %i, column %i', (source, line, column, message) => {
    const e = errorOf(source);
    expect(e.position(source)).toEqual({ line, column });
    expect(e.message).toContain(message);
  });

  it('renders the line with a caret under the spot', () => {
    const source = 'okta.users\n  .where(status = "A")';
    expect(errorOf(source).render(source)).toBe(
      ["query:2:17: expected ',' or ')' in the arguments, found '='", '2 |   .where(status = "A")', '                    ^'].join('\n'),
    );
  });

  it('limits nesting instead of overflowing the stack', () => {
    const e = errorOf('('.repeat(5000) + '1' + ')'.repeat(5000));
    expect(e.code).toBe('limit');
  });
});

describe('parsing arbitrary input', () => {
  const outcome = (source: string): 'ok' | 'error' => {
    try {
      const program = parse(source);
      check(program, oktaTypeSchema());
      return 'ok';
    } catch (e) {
      if (!(e instanceof MqlError)) throw e;
      expect(e.start).toBeGreaterThanOrEqual(0);
      expect(e.start).toBeLessThanOrEqual(source.length);
      expect(e.render(source)).toContain('^');
      return 'error';
    }
  };

  it('returns a program or a positioned MqlError for random text', () => {
    fc.assert(fc.property(fc.string({ maxLength: 80, unit: 'binary-ascii' }), (s) => void outcome(s)), { numRuns: 3000 });
  });

  it('returns a program or a positioned MqlError for mutated seed queries, quickly', () => {
    const mutation = fc.record({
      query: fc.constantFrom(...SEED_QUERIES),
      edits: fc.array(fc.record({ at: fc.nat(), cut: fc.nat({ max: 4 }), insert: fc.constantFrom('', '{', '}', '(', ')', '[', ']', '"', "'", '/', '.', '==', '&&', '!', '-', '*', '\n', ' ', 'x', '#', '/*', '1.5', 'where(') }), { maxLength: 6 }),
    });
    fc.assert(
      fc.property(mutation, ({ query, edits }) => {
        let s = query;
        for (const e of edits) {
          const at = e.at % (s.length + 1);
          s = s.slice(0, at) + e.insert + s.slice(at + e.cut);
        }
        const started = performance.now();
        outcome(s);
        expect(performance.now() - started).toBeLessThan(250);
      }),
      { numRuns: 5000 },
    );
  });

  it('handles pathological inputs without hanging', () => {
    for (const s of ['{'.repeat(10_000), '"'.repeat(10_000), '/'.repeat(10_000), 'a.'.repeat(10_000), '!'.repeat(100_000), 'a'.repeat(100_000), '('.repeat(300)]) {
      const started = performance.now();
      outcome(s);
      expect(performance.now() - started).toBeLessThan(2000);
    }
  });
});
