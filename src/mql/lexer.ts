// Splits MQL source into tokens with their offsets. A `/` starts a regex only where an operand
// is expected; newlines are kept as tokens because they separate statements.
import { MqlError } from './errors.js';

export type TokenKind = 'ident' | 'number' | 'string' | 'regex' | 'op' | 'newline' | 'eof';

export interface Token {
  kind: TokenKind;
  /** Identifier name, operator text, string contents, or number text. */
  text: string;
  start: number;
  end: number;
  /** Regex flags. */
  flags?: string;
}

const OPERATORS = ['||', '&&', '==', '!=', '=~', '!~', '<=', '>=', '<', '>', '+', '-', '*', '/', '%', '!', '=', '.', ',', ':', '(', ')', '[', ']', '{', '}', ';'];

const ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', '\\': '\\', '"': '"', "'": "'", '/': '/', '0': '\0' };

/** The previous token ends an operand, so a following `/` divides rather than opens a regex. */
function endsOperand(t: Token | undefined): boolean {
  if (!t) return false;
  return t.kind === 'ident' || t.kind === 'number' || t.kind === 'string' || t.kind === 'regex' || (t.kind === 'op' && [')', ']', '}'].includes(t.text));
}

export function tokenize(source: string, maxTokens = 100_000): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  const push = (t: Token) => {
    if (tokens.length >= maxTokens) throw new MqlError('limit', `the query is longer than ${maxTokens} tokens`, t.start);
    tokens.push(t);
  };
  while (i < source.length) {
    const c = source[i]!;
    if (c === '\n') {
      push({ kind: 'newline', text: '\n', start: i, end: i + 1 });
      i++;
    } else if (c === ' ' || c === '\t' || c === '\r') {
      i++;
    } else if (c === '#' || (c === '/' && source[i + 1] === '/')) {
      while (i < source.length && source[i] !== '\n') i++;
    } else if (c === '/' && source[i + 1] === '*') {
      const close = source.indexOf('*/', i + 2);
      if (close < 0) throw new MqlError('syntax', 'this comment is never closed with */', i, i + 2);
      for (let j = i; j < close; j++) if (source[j] === '\n') push({ kind: 'newline', text: '\n', start: j, end: j + 1 });
      i = close + 2;
    } else if (/[A-Za-z_$]/.test(c)) {
      let j = i + 1;
      while (j < source.length && /[\w$]/.test(source[j]!)) j++;
      push({ kind: 'ident', text: source.slice(i, j), start: i, end: j });
      i = j;
    } else if (/\d/.test(c)) {
      const m = /^\d+(\.\d+)?([eE][+-]?\d+)?/.exec(source.slice(i))!;
      push({ kind: 'number', text: m[0], start: i, end: i + m[0].length });
      i += m[0].length;
      if (i < source.length && /[A-Za-z_]/.test(source[i]!)) {
        throw new MqlError('syntax', `a number cannot run straight into a name`, i);
      }
    } else if (c === '"' || c === "'") {
      let j = i + 1;
      let text = '';
      for (;;) {
        if (j >= source.length || source[j] === '\n') throw new MqlError('syntax', 'this string is never closed', i, Math.min(j, i + 1));
        const d = source[j]!;
        if (d === c) break;
        if (d === '\\') {
          const e = source[j + 1];
          if (e === undefined) throw new MqlError('syntax', 'this string is never closed', i);
          text += ESCAPES[e] ?? e;
          j += 2;
          continue;
        }
        text += d;
        j++;
      }
      push({ kind: 'string', text, start: i, end: j + 1 });
      i = j + 1;
    } else if (c === '/' && !endsOperand(tokens.at(-1))) {
      let j = i + 1;
      let inClass = false;
      while (j < source.length && (inClass || source[j] !== '/')) {
        if (source[j] === '\n') throw new MqlError('syntax', 'this regular expression is never closed with /', i);
        if (source[j] === '\\') j++;
        else if (source[j] === '[') inClass = true;
        else if (source[j] === ']') inClass = false;
        j++;
      }
      if (j >= source.length) throw new MqlError('syntax', 'this regular expression is never closed with /', i);
      const pattern = source.slice(i + 1, j);
      let k = j + 1;
      while (k < source.length && /[a-z]/.test(source[k]!)) k++;
      const flags = source.slice(j + 1, k);
      if (/[^imsu]/.test(flags)) throw new MqlError('syntax', `'${flags}' are not regular-expression flags (use i, m, s or u)`, j + 1, k);
      try {
        new RegExp(pattern, flags);
      } catch (error) {
        throw new MqlError('syntax', `not a valid regular expression: ${(error as Error).message}`, i, k);
      }
      push({ kind: 'regex', text: pattern, flags, start: i, end: k });
      i = k;
    } else {
      const op = OPERATORS.find((o) => source.startsWith(o, i));
      if (!op) throw new MqlError('syntax', `unexpected character '${c}'`, i);
      push({ kind: 'op', text: op, start: i, end: i + op.length });
      i += op.length;
    }
  }
  push({ kind: 'eof', text: '', start: source.length, end: source.length });
  return tokens;
}
