// Recursive-descent parser for MQL. Precedence follows MQL's (which follows JavaScript's):
// `||` < `&&` < `== != =~ !~` < `< <= > >=` < `+ -` < `* / %` < unary < postfix. Statements are
// separated by newlines, `;` or simply by starting a new expression (`{ name status }`).
import type { BinaryOp, Node, Program, Statement } from './ast.js';
import { MqlError } from './errors.js';
import { tokenize, type Token } from './lexer.js';

const MAX_DEPTH = 200;

const PRECEDENCE: ReadonlyArray<readonly BinaryOp[]> = [
  ['||'],
  ['&&'],
  ['==', '!=', '=~', '!~'],
  ['<', '<=', '>', '>='],
  ['+', '-'],
  ['*', '/', '%'],
];

/** Operators that may begin the next line and still continue the expression. */
const CONTINUES_ACROSS_LINES = new Set(['||', '&&', '==', '!=', '=~', '!~', '<', '<=', '>', '>=', '*', '/', '%']);

const KEYWORDS: Record<string, Node['type']> = { true: 'literal', false: 'literal', null: 'literal', empty: 'literal' };

export function parse(source: string): Program {
  return new Parser(source).program();
}

class Parser {
  private readonly tokens: Token[];
  private pos = 0;
  private depth = 0;

  constructor(private readonly source: string) {
    this.tokens = tokenize(source);
  }

  program(): Program {
    const statements = this.statements(undefined);
    const t = this.peek();
    if (t.kind !== 'eof') throw this.unexpected(t);
    return { source: this.source, statements };
  }

  private peek(offset = 0): Token {
    return this.tokens[Math.min(this.pos + offset, this.tokens.length - 1)]!;
  }

  private next(): Token {
    const t = this.peek();
    if (t.kind !== 'eof') this.pos++;
    return t;
  }

  private isOp(t: Token, text: string): boolean {
    return t.kind === 'op' && t.text === text;
  }

  private skipNewlines(): void {
    while (this.peek().kind === 'newline') this.pos++;
  }

  /** The first token after any newlines, without consuming them. */
  private peekPastNewlines(): Token {
    let i = 0;
    while (this.peek(i).kind === 'newline') i++;
    return this.peek(i);
  }

  private expect(text: string, what: string): Token {
    const t = this.peek();
    if (!this.isOp(t, text)) throw new MqlError('syntax', `expected ${what}${describeFound(t)}`, t.start, Math.max(t.end, t.start + 1));
    return this.next();
  }

  private unexpected(t: Token): MqlError {
    if (t.kind === 'eof') return new MqlError('syntax', 'the query ends too early', t.start);
    const what = t.kind === 'op' ? `'${t.text}'` : t.kind === 'string' ? 'a string' : t.kind === 'number' ? `the number ${t.text}` : `'${t.text}'`;
    return new MqlError('syntax', `unexpected ${what}`, t.start, t.end);
  }

  private enter(at: number): void {
    if (++this.depth > MAX_DEPTH) throw new MqlError('limit', `the query nests deeper than ${MAX_DEPTH} levels`, at);
  }

  private leave(): void {
    this.depth--;
  }

  /** Statements until `closer` (a `}`) or the end of input. */
  private statements(closer: string | undefined): Statement[] {
    const out: Statement[] = [];
    for (;;) {
      while (this.peek().kind === 'newline' || this.isOp(this.peek(), ';') || (closer && this.isOp(this.peek(), ','))) this.pos++;
      const t = this.peek();
      if (t.kind === 'eof' || (closer && this.isOp(t, closer))) return out;
      out.push(this.statement());
    }
  }

  private statement(): Statement {
    const first = this.peek();
    if (first.kind === 'ident' && this.isOp(this.peek(1), '=') && !(first.text in KEYWORDS)) {
      this.pos += 2;
      this.skipNewlines();
      const value = this.expression();
      return { type: 'assignment', name: first.text, value, start: first.start, end: value.end, text: this.source.slice(first.start, value.end) };
    }
    const expression = this.expression();
    return { type: 'expression', expression, start: expression.start, end: expression.end, text: this.source.slice(expression.start, expression.end) };
  }

  private expression(level = 0): Node {
    if (level === PRECEDENCE.length) return this.unary();
    let left = this.expression(level + 1);
    for (;;) {
      let t = this.peek();
      if (t.kind === 'newline') {
        const after = this.peekPastNewlines();
        if (after.kind === 'op' && CONTINUES_ACROSS_LINES.has(after.text) && PRECEDENCE[level]!.includes(after.text as BinaryOp)) {
          this.skipNewlines();
          t = this.peek();
        } else break;
      }
      if (t.kind !== 'op' || !PRECEDENCE[level]!.includes(t.text as BinaryOp)) break;
      this.next();
      this.skipNewlines();
      const right = this.expression(level + 1);
      left = { type: 'binary', op: t.text as BinaryOp, left, right, start: left.start, end: right.end };
    }
    return left;
  }

  private unary(): Node {
    const t = this.peek();
    if (this.isOp(t, '!') || this.isOp(t, '-')) {
      this.next();
      this.enter(t.start);
      const operand = this.unary();
      this.leave();
      return { type: 'unary', op: t.text as '!' | '-', operand, start: t.start, end: operand.end };
    }
    return this.postfix(this.primary());
  }

  private postfix(node: Node): Node {
    for (;;) {
      const t = this.peek();
      const continued = t.kind === 'newline' && this.isOp(this.peekPastNewlines(), '.');
      if (continued) this.skipNewlines();
      const u = this.peek();
      if (this.isOp(u, '.')) {
        this.next();
        this.skipNewlines();
        const name = this.peek();
        if (name.kind !== 'ident') throw new MqlError('syntax', `expected a field or function name after '.'${describeFound(name)}`, name.start, Math.max(name.end, name.start + 1));
        this.next();
        if (this.isOp(this.peek(), '(')) {
          const { args, end } = this.arguments();
          node = { type: 'call', target: node, name: name.text, nameStart: name.start, args, start: node.start, end };
        } else {
          node = { type: 'member', target: node, name: name.text, nameStart: name.start, start: node.start, end: name.end };
        }
      } else if (this.isOp(u, '[')) {
        this.next();
        this.skipNewlines();
        this.enter(u.start);
        const index = this.expression();
        this.leave();
        this.skipNewlines();
        const close = this.expect(']', "']' to close the index");
        node = { type: 'index', target: node, index, start: node.start, end: close.end };
      } else if (this.isOp(u, '{')) {
        node = this.block(node);
      } else if (this.isOp(u, '(') && node.type === 'identifier') {
        throw new MqlError('syntax', `'${node.name}(…)' is not a function; functions are called on a value, as in list.where(…)`, node.start, u.end);
      } else {
        return node;
      }
    }
  }

  private arguments(): { args: Node[]; end: number } {
    const open = this.expect('(', "'('");
    this.enter(open.start);
    const args: Node[] = [];
    this.skipNewlines();
    while (!this.isOp(this.peek(), ')')) {
      args.push(this.expression());
      this.skipNewlines();
      if (this.isOp(this.peek(), ',')) {
        this.next();
        this.skipNewlines();
      } else if (!this.isOp(this.peek(), ')')) {
        const t = this.peek();
        throw new MqlError('syntax', `expected ',' or ')' in the arguments${describeFound(t)}`, t.start, Math.max(t.end, t.start + 1));
      }
    }
    const close = this.next();
    this.leave();
    return { args, end: close.end };
  }

  private block(target: Node): Node {
    const open = this.expect('{', "'{'");
    this.enter(open.start);
    this.skipNewlines();
    let star = false;
    let body: Statement[] = [];
    if (this.isOp(this.peek(), '*')) {
      this.next();
      this.skipNewlines();
      star = true;
    } else {
      body = this.statements('}');
    }
    const close = this.expect('}', star ? "'}' after '*'" : "'}' to close the block");
    this.leave();
    return { type: 'block', target, body, star, start: target.start, end: close.end };
  }

  private primary(): Node {
    const t = this.next();
    switch (t.kind) {
      case 'number':
        return { type: 'literal', value: Number(t.text), start: t.start, end: t.end };
      case 'string':
        return { type: 'literal', value: t.text, start: t.start, end: t.end };
      case 'regex':
        return { type: 'regex', pattern: t.text, flags: t.flags ?? '', start: t.start, end: t.end };
      case 'ident':
        if (t.text === 'true' || t.text === 'false') return { type: 'literal', value: t.text === 'true', start: t.start, end: t.end };
        if (t.text === 'null') return { type: 'literal', value: null, start: t.start, end: t.end };
        if (t.text === 'empty') return { type: 'literal', value: null, empty: true, start: t.start, end: t.end };
        return { type: 'identifier', name: t.text, start: t.start, end: t.end };
      case 'op':
        if (t.text === '(') {
          this.enter(t.start);
          this.skipNewlines();
          const inner = this.expression();
          this.skipNewlines();
          this.expect(')', "')' to close the parenthesis");
          this.leave();
          return inner;
        }
        if (t.text === '[') return this.listLiteral(t);
        if (t.text === '{') return this.mapLiteral(t);
        throw this.unexpected(t);
      default:
        throw this.unexpected(t);
    }
  }

  private listLiteral(open: Token): Node {
    this.enter(open.start);
    const items: Node[] = [];
    this.skipNewlines();
    while (!this.isOp(this.peek(), ']')) {
      items.push(this.expression());
      this.skipNewlines();
      if (this.isOp(this.peek(), ',')) {
        this.next();
        this.skipNewlines();
      } else if (!this.isOp(this.peek(), ']')) {
        const t = this.peek();
        throw new MqlError('syntax', `expected ',' or ']' in the list${describeFound(t)}`, t.start, Math.max(t.end, t.start + 1));
      }
    }
    const close = this.next();
    this.leave();
    return { type: 'list', items, start: open.start, end: close.end };
  }

  private mapLiteral(open: Token): Node {
    this.enter(open.start);
    const entries: Array<{ key: string; value: Node }> = [];
    this.skipNewlines();
    while (!this.isOp(this.peek(), '}')) {
      const key = this.next();
      if (key.kind !== 'string' && key.kind !== 'ident') {
        throw new MqlError('syntax', `expected a key (a name or a string) in the map${describeFound(key)}`, key.start, Math.max(key.end, key.start + 1));
      }
      this.expect(':', "':' after the map key");
      this.skipNewlines();
      entries.push({ key: key.text, value: this.expression() });
      this.skipNewlines();
      if (this.isOp(this.peek(), ',')) {
        this.next();
        this.skipNewlines();
      } else if (!this.isOp(this.peek(), '}')) {
        const t = this.peek();
        throw new MqlError('syntax', `expected ',' or '}' in the map${describeFound(t)}`, t.start, Math.max(t.end, t.start + 1));
      }
    }
    const close = this.next();
    this.leave();
    return { type: 'map', entries, start: open.start, end: close.end };
  }
}

function describeFound(t: Token): string {
  if (t.kind === 'eof') return ', but the query ends';
  if (t.kind === 'newline') return ', but the line ends';
  return `, found '${t.kind === 'string' ? `"${t.text}"` : t.text}'`;
}
