// Errors a user can cause in MQL carry a stable code and the span they refer to, and render with
// the offending line and a caret under the column.

export type MqlErrorCode =
  | 'syntax'
  | 'unknown-resource'
  | 'unknown-field'
  | 'unknown-function'
  | 'bad-arguments'
  | 'type'
  | 'limit'
  | 'runtime';

export class MqlError extends Error {
  override name = 'MqlError';
  constructor(
    readonly code: MqlErrorCode,
    message: string,
    readonly start: number,
    readonly end: number = start + 1,
  ) {
    super(message);
  }

  /** 1-based line and column of the error's start in `source`. */
  position(source: string): { line: number; column: number } {
    const before = source.slice(0, Math.min(this.start, source.length));
    const line = before.split('\n').length;
    return { line, column: this.start - before.lastIndexOf('\n') };
  }

  /** The message, then the source line and a caret (or underline) under the spot. */
  render(source: string, origin = 'query'): string {
    const { line, column } = this.position(source);
    const text = source.split('\n')[line - 1] ?? '';
    const width = Math.max(1, Math.min(this.end, this.start + text.length - column + 1) - this.start);
    const gutter = `${line} | `;
    return [
      `${origin}:${line}:${column}: ${this.message}`,
      `${gutter}${text}`,
      `${' '.repeat(gutter.length + column - 1)}${'^'.repeat(width)}`,
    ].join('\n');
  }
}

/** Closest candidates by edit distance, for "did you mean" hints. */
export function suggest(name: string, candidates: Iterable<string>, max = 2): string[] {
  const scored: Array<[string, number]> = [];
  const lower = name.toLowerCase();
  for (const c of candidates) {
    const d = distance(lower, c.toLowerCase());
    const limit = Math.max(2, Math.floor(name.length / 3));
    // Close in spelling, or a longer name that holds what was typed ('user' → 'users').
    if (d <= limit || (lower.length >= 3 && c.toLowerCase().includes(lower))) scored.push([c, d]);
  }
  return scored.sort((a, b) => a[1] - b[1] || a[0].localeCompare(b[0])).slice(0, max).map(([c]) => c);
}

function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return row[b.length]!;
}

export function didYouMean(name: string, candidates: Iterable<string>): string {
  const close = suggest(name, candidates);
  return close.length ? ` (did you mean ${close.map((c) => `'${c}'`).join(' or ')}?)` : '';
}
