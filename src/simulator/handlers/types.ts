// What a route handler sees and returns. Handlers are pure reads of the org store: paging,
// auth, rate limits and faults are applied around them.
import type { SimResponse } from '../errors.js';
import type { OktaObject } from '../fixture/format.js';
import type { OrgStore } from '../store.js';

export interface HandlerContext {
  readonly store: OrgStore;
  readonly params: Readonly<Record<string, string>>;
  /** The absolute request URL (origin of the simulator). */
  readonly url: URL;
}

/** A list served as one page regardless of the endpoint's paging (Okta's `q` lookups). */
export class Unpaged {
  constructor(readonly items: OktaObject[]) {}
}

export type HandlerResult = OktaObject | OktaObject[] | Unpaged;

export type Handler = (ctx: HandlerContext) => HandlerResult;

/** Thrown by handlers for an Okta error answer (unknown id, bad query). */
export class SimError extends Error {
  constructor(readonly response: SimResponse) {
    super(`simulated error ${response.status}`);
  }
}
