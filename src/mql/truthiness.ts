// The two verdicts MQL draws from a value. `isTruthy` decides [ok]/[failed] in the shell and
// `run`; `isSuccess` decides how a check scores, where only booleans carry a verdict and an
// empty list carries none.
import { BlockValue, ErrorValue, isResource, MqlDuration, MqlTime, type Value } from './values.js';

export function isTruthy(v: Value): boolean {
  if (v === null || v instanceof ErrorValue) return false;
  if (typeof v === 'boolean') return v;
  if (typeof v === 'number') return v !== 0;
  if (typeof v === 'string') return v.length > 0;
  if (v instanceof RegExp) return v.source.length > 0 && v.source !== '(?:)';
  if (v instanceof MqlTime || v instanceof MqlDuration) return v.ms !== 0;
  if (Array.isArray(v)) return v.length > 0 && v.every(isTruthy);
  if (v instanceof BlockValue) return blockVerdict(v).success ?? v.entries.every((e) => isTruthy(e.value));
  if (isResource(v)) return true;
  return Object.values(v).every(isTruthy);
}

export type Success =
  | { valid: false }
  | { valid: true; success: boolean }
  | { valid: true; error: ErrorValue };

/** A scoring verdict: booleans count, lists count through their elements, blocks through their assertions. */
export function isSuccess(v: Value): Success {
  if (v instanceof ErrorValue) return { valid: true, error: v };
  if (typeof v === 'boolean') return { valid: true, success: v };
  if (Array.isArray(v)) return combine(v.map(isSuccess));
  if (v instanceof BlockValue) return combine(v.entries.map((e) => isSuccess(e.value)));
  return { valid: false };
}

function combine(parts: Success[]): Success {
  const error = parts.find((p): p is Extract<Success, { error: ErrorValue }> => p.valid && 'error' in p);
  if (error) return error;
  const valid = parts.filter((p): p is Extract<Success, { success: boolean }> => p.valid);
  if (valid.length === 0) return { valid: false };
  return { valid: true, success: valid.every((p) => p.success) };
}

/** A block's verdict from its assertion entries, if it has any. */
export function blockVerdict(b: BlockValue): { success?: boolean } {
  const s = isSuccess(b);
  return s.valid && 'success' in s ? { success: s.success } : {};
}
