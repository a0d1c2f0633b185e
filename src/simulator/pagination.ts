// Okta-style cursor paging: `limit` clamped to the endpoint's maximum, an opaque `after` cursor
// (the id of the last item served), and `self`/`next` links that keep the other query parameters.
import type { Paging } from '../okta/endpoints.js';
import { oktaError, type SimResponse } from './errors.js';
import type { OktaObject } from './fixture/format.js';

export interface Page {
  items: OktaObject[];
  /** Absolute URL of the next page, when there is one. */
  next?: string;
  self: string;
}

export function cursorOf(item: OktaObject, index: number): string {
  return typeof item.id === 'string' ? item.id : String(index);
}

const cursorIndexes = new WeakMap<readonly OktaObject[], Map<string, number>>();

/** Position of every cursor in a list, computed once per list (lists are immutable once served). */
function cursorIndex(items: readonly OktaObject[]): Map<string, number> {
  let index = cursorIndexes.get(items);
  if (!index) {
    index = new Map(items.map((item, i) => [cursorOf(item, i), i]));
    cursorIndexes.set(items, index);
  }
  return index;
}

/** Reads `limit`; undefined means "the endpoint's default". */
export function parseLimit(raw: string | null): number | undefined | SimResponse {
  if (raw === null || raw === '') return undefined;
  if (!/^-?\d+$/.test(raw)) return oktaError('E0000001', 'limit', ['limit: must be an integer']);
  const n = Number(raw);
  if (n === -1) return undefined;
  if (n < 1) return oktaError('E0000001', 'limit', ['limit: must be at least 1']);
  return n;
}

/**
 * Slices one page out of `items`. `url` is the request URL (absolute); `after` is the cursor.
 * A cursor that names no item is a client error, as Okta answers for a stale or forged cursor.
 */
export function pageOf(
  items: readonly OktaObject[],
  url: URL,
  paging: Extract<Paging, { kind: 'link' | 'body' }>,
): Page | SimResponse {
  const requested = parseLimit(url.searchParams.get('limit'));
  if (typeof requested === 'object') return requested;
  const defaultLimit = paging.kind === 'link' ? paging.defaultLimit : paging.pageSize;
  const maxLimit = paging.kind === 'link' ? paging.maxLimit : paging.pageSize;
  let limit = requested ?? defaultLimit ?? Number.POSITIVE_INFINITY;
  if (maxLimit !== undefined) limit = Math.min(limit, maxLimit);

  let start = 0;
  const after = url.searchParams.get('after');
  if (after !== null) {
    const index = cursorIndex(items).get(after) ?? -1;
    if (index < 0) return oktaError('E0000001', 'after', [`after: the cursor '${after}' is not valid`]);
    start = index + 1;
  }
  const end = Math.min(items.length, start + limit);
  const page = items.slice(start, end);
  const self = url.toString();
  if (end >= items.length) return { items: page, self };
  const nextUrl = new URL(url);
  nextUrl.searchParams.set('after', cursorOf(items[end - 1]!, end - 1));
  if (requested !== undefined) nextUrl.searchParams.set('limit', String(limit));
  return { items: page, self, next: nextUrl.toString() };
}

/** `Link` header lines: `self` always, `next` when there is a next page; each its own header line. */
export function linkHeaders(page: Page): string[] {
  const lines = [`<${page.self}>; rel="self"`];
  if (page.next) lines.push(`<${page.next}>; rel="next"`);
  return lines;
}
