// What reading one piece of Okta data can come to. Only `data` carries a value; the others say
// why there is none, so that a check built on them errs instead of passing.
import type { OktaRequestError } from './errors.js';

export type Outcome<T> =
  | { kind: 'data'; value: T }
  /** The org does not have this feature or product (404, 410, E0000015, an unknown policy type). */
  | { kind: 'unavailable'; reason: string }
  /** The credentials may not read it; `needs` says which admin role, scope or credential would. */
  | { kind: 'forbidden'; reason: string; needs: string }
  | { kind: 'failed'; error: OktaRequestError };

export const data = <T>(value: T): Outcome<T> => ({ kind: 'data', value });
