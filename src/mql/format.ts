// Prints results the way the cnspec shell does: `label: value`, lists with indexed items, blocks
// with one entry per line, small dicts inline, times as `2023-01-20 23:49:58 +0000 UTC`, and
// assertions as `[ok] value: …` or `[failed] …` with what was expected and what was found.
import type { Display } from './display.js';

const pad = (n: number) => '  '.repeat(n);

export function formatTime(ms: number): string {
  const iso = new Date(ms).toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)} +0000 UTC`;
}

export function formatDuration(ms: number): string {
  const abs = Math.abs(ms);
  const units: Array<[number, string]> = [
    [86_400_000, 'day'],
    [3_600_000, 'hour'],
    [60_000, 'minute'],
    [1000, 'second'],
  ];
  for (const [size, name] of units) {
    if (abs >= size && abs % size === 0) {
      const n = ms / size;
      return `${n} ${name}${Math.abs(n) === 1 ? '' : 's'}`;
    }
  }
  return `${ms} ms`;
}

function scalar(v: string | number | boolean | null): string {
  return typeof v === 'string' ? JSON.stringify(v) : String(v);
}

/** A one-line rendering, used inline (dict values, [ok] lines, resources in lists). */
export function inline(d: Display): string {
  switch (d.kind) {
    case 'scalar':
      return scalar(d.value);
    case 'time':
      return formatTime(d.ms);
    case 'duration':
      return formatDuration(d.ms);
    case 'regex':
      return `/${d.source}/${d.flags}`;
    case 'error':
      return `error: ${d.message}`;
    case 'list':
      return `[${d.items.map(inline).join(', ')}]`;
    case 'dict':
      return `{${d.entries.map(([k, v]) => `${k}: ${inline(v)}`).join(', ')}}`;
    case 'block':
      return `{${d.entries.map(([k, v]) => `${k}: ${inline(v)}`).join(' ')}}`;
    case 'resource':
      return `${d.type}${d.fields.map(([k, v]) => ` ${k}=${inline(v)}`).join('')}`;
  }
}

/** A multi-line rendering starting at indentation `level` (the first line is not indented). */
export function block(d: Display, level = 0): string {
  switch (d.kind) {
    case 'list':
      if (d.items.length === 0) return '[]';
      return `[\n${d.items.map((item, i) => `${pad(level + 1)}${i}: ${item.kind === 'resource' ? inline(item) : block(item, level + 1)}`).join('\n')}\n${pad(level)}]`;
    case 'block':
    case 'resource': {
      const entries = d.kind === 'block' ? d.entries : d.fields;
      if (entries.length === 0) return '{}';
      return `{\n${entries.map(([k, v]) => `${pad(level + 1)}${k}: ${block(v, level + 1)}`).join('\n')}\n${pad(level)}}`;
    }
    case 'dict': {
      const one = inline(d);
      // Flat dicts (a profile) stay on one line however long; nested ones unfold when long.
      const flat = d.entries.every(([, v]) => v.kind !== 'dict' && v.kind !== 'list');
      if (flat || one.length <= 160) return one;
      return `{\n${d.entries.map(([k, v]) => `${pad(level + 1)}${k}: ${block(v, level + 1)}`).join('\n')}\n${pad(level)}}`;
    }
    default:
      return inline(d);
  }
}

/** Resources inside lists print compactly, as cnspec does; blocks and top-level resources expand. */
export function formatResult(label: string, d: Display): string {
  return `${label}: ${block(d)}`;
}

export interface AssertionView {
  text: string;
  ok: boolean;
  value: Display;
  /** For comparisons: the operator and the right-hand side as written. */
  expected?: string;
  error?: { message: string };
}

export function formatAssertion(a: AssertionView): string {
  if (a.error) return `[error] ${a.text}\n  error: ${a.error.message}`;
  if (a.ok) return `[ok] value: ${inline(a.value)}`;
  const lines = [`[failed] ${a.text}`];
  if (a.expected) lines.push(`  expected: ${a.expected}`);
  lines.push(`  actual:   ${block(a.value, 2).replace(/^\s+/, '')}`);
  return lines.join('\n');
}

/** JSON for `--json`: times as ISO strings, durations in seconds, resources as their default fields. */
export function toJson(d: Display): unknown {
  switch (d.kind) {
    case 'scalar':
      return d.value;
    case 'time':
      return new Date(d.ms).toISOString();
    case 'duration':
      return { seconds: d.ms / 1000 };
    case 'regex':
      return `/${d.source}/${d.flags}`;
    case 'error':
      return { error: d.message, ...(d.needs ? { needs: d.needs } : {}) };
    case 'list':
      return d.items.map(toJson);
    case 'dict':
    case 'block':
      return Object.fromEntries(d.entries.map(([k, v]) => [k, toJson(v)]));
    case 'resource':
      return Object.fromEntries(d.fields.map(([k, v]) => [k, toJson(v)]));
  }
}
