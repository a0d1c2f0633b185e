// Small Markdown pieces shared by the job summary and other GitHub-facing text: the marker and
// words for a rating, a date, a check's cell. Values from Okta or bundles go through escape.ts.
import type { Rating } from '../policy/scoring.js';
import { mdCode, mdText } from './escape.js';

export type RatingOrUnrated = Rating | 'unrated';

const MARKERS: Record<RatingOrUnrated, string> = { critical: '🔴', high: '🟠', medium: '🟡', low: '🔵', none: '🟢', unrated: '⚪' };

/** A coloured circle standing in for a badge: GitHub shows emoji in every Markdown view. */
export const ratingMarker = (rating: RatingOrUnrated): string => MARKERS[rating];

/** `🔴 CRITICAL 90`: a marker, the rating in capitals, and the number. */
export const ratingCell = (rating: RatingOrUnrated, value: number): string => `${ratingMarker(rating)} ${rating.toUpperCase()} ${value}`;

/** An ISO timestamp as `2026-12-04 12:00 UTC`; anything else escaped as it is. */
export function utcMinute(iso: string): string {
  const t = Date.parse(iso);
  return Number.isNaN(t) ? mdText(iso) : `${new Date(t).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/** A check as a table cell: its title, and its uid (what a waiver names) under it. */
export const checkCell = (c: { uid: string; title: string }): string =>
  c.title && c.title !== c.uid ? `${mdText(c.title, 200)}<br>${mdCode(c.uid)}` : mdCode(c.uid);

/** A Markdown table from a header and rows of already escaped cells. */
export function tableLines(header: readonly string[], rows: ReadonlyArray<readonly string[]>, align?: readonly ('l' | 'r')[]): string[] {
  const rule = header.map((_, i) => (align?.[i] === 'r' ? '---:' : '---'));
  return [`| ${header.join(' | ')} |`, `|${rule.join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')} |`)];
}

/** `1 check`, `2 checks`. */
export const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;
