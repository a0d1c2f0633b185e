// Turns a handler's result into Okta's response shape for the endpoint: a single object, a bare
// list, a `Link`-paged list, or a list wrapped (and possibly paged) in an object.
import type { Endpoint } from '../okta/endpoints.js';
import type { SimResponse } from './errors.js';
import type { OktaObject } from './fixture/format.js';
import { Unpaged, type HandlerResult } from './handlers/types.js';
import { linkHeaders, pageOf } from './pagination.js';

/**
 * The response for a handler's result. `whole` serves a list as one page with no next link
 * (for validating everything an endpoint can return in one go).
 */
export function shapeResponse(endpoint: Endpoint, result: HandlerResult, url: URL, whole = false): SimResponse {
  const paging = endpoint.paging;
  if (paging.kind === 'object') return { status: 200, body: result };
  const items: OktaObject[] = result instanceof Unpaged ? result.items : (result as OktaObject[]);
  if (whole) result = new Unpaged(items);
  if (!Array.isArray(items)) throw new Error(`the handler for ${endpoint.path} returned an object for a list endpoint`);

  switch (paging.kind) {
    case 'none':
      return { status: 200, body: items };
    case 'wrapped':
      return { status: 200, body: { [paging.listKey]: items } };
    case 'link': {
      if (result instanceof Unpaged) return { status: 200, body: items, headers: { link: linkHeaders({ items, self: url.toString() }) } };
      const page = pageOf(items, url, paging);
      if (!('items' in page)) return page;
      return { status: 200, body: page.items, headers: { link: linkHeaders(page) } };
    }
    case 'body': {
      if (result instanceof Unpaged) return { status: 200, body: { [paging.listKey]: items, _links: {} } };
      const page = pageOf(items, url, paging);
      if (!('items' in page)) return page;
      // Okta's wrapped lists carry only a `next` link, and only when there is a next page.
      const links: Record<string, { href: string }> = {};
      if (page.next) links.next = { href: page.next };
      return { status: 200, body: { [paging.listKey]: page.items, _links: links } };
    }
  }
}
