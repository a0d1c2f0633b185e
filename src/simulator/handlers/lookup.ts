// Shared helpers for handlers: find-or-404, and filtered lists that keep their identity across
// pages so that a cursor taken on page one still points into the same list on page two.
import { notFound, oktaError } from '../errors.js';
import type { OktaObject } from '../fixture/format.js';
import { compileFilter, FilterSyntaxError } from '../scimFilter.js';
import type { OrgStore } from '../store.js';
import { SimError } from './types.js';

export function mustFind<T>(map: ReadonlyMap<string, T>, id: string, type: string): T {
  const found = map.get(id);
  if (found === undefined) throw new SimError(notFound(id, type));
  return found;
}

const listCaches = new WeakMap<OrgStore, Map<string, OktaObject[]>>();

/** `list` filtered by `predicate`, memoized per store under `key`. */
export function cachedList(store: OrgStore, key: string, compute: () => OktaObject[]): OktaObject[] {
  let cache = listCaches.get(store);
  if (!cache) listCaches.set(store, (cache = new Map()));
  let list = cache.get(key);
  if (!list) cache.set(key, (list = compute()));
  return list;
}

/** Applies an Okta `filter` or `search` expression; a bad expression is Okta's 400 E0000031. */
export function applyExpression(
  items: readonly OktaObject[],
  expression: string,
  attributes?: readonly string[],
): OktaObject[] {
  try {
    const predicate = compileFilter(expression, attributes);
    return items.filter(predicate);
  } catch (error) {
    if (error instanceof FilterSyntaxError) throw new SimError(oktaError('E0000031', '', [error.message]));
    throw error;
  }
}

export const byPriority = (a: OktaObject, b: OktaObject): number => Number(a.priority ?? 0) - Number(b.priority ?? 0);
