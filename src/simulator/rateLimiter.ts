// Per-minute rate limits as Okta applies them: one counter per (credential, bucket), a window
// that starts with the first request in it, the per-token share of the org limit, and an
// org-wide ceiling on requests in flight. Keeps per-window statistics for tests.
import { PER_TOKEN_SHARE, type RateLimitBucket } from '../okta/rateLimitBuckets.js';

export interface RateLimitOptions {
  /** Requests per minute for every bucket, overriding Okta's published limits. */
  perMinute?: number;
  /** Window length; Okta's is 60 s. */
  windowMs?: number;
  now?: () => number;
}

export interface RateDecision {
  allowed: boolean;
  limit: number;
  remaining: number;
  /** Epoch seconds when the window resets. */
  reset: number;
}

export interface WindowStats {
  bucket: string;
  principal: string;
  start: number;
  limit: number;
  allowed: number;
  rejected: number;
  /** Rejections that arrived after the first rejection's answer had been sent. */
  rejectedAfterFirst: number;
}

interface Window {
  stats: WindowStats;
  firstRejectionSentAt?: number;
}

export class RateLimiter {
  private readonly windows = new Map<string, Window>();
  private readonly history: WindowStats[] = [];
  private readonly windowMs: number;
  private readonly now: () => number;

  constructor(private readonly options: RateLimitOptions = {}) {
    this.windowMs = options.windowMs ?? 60_000;
    this.now = options.now ?? Date.now;
  }

  limitFor(bucket: RateLimitBucket): number {
    return this.options.perMinute ?? Math.max(1, Math.floor(bucket.orgLimit * PER_TOKEN_SHARE));
  }

  /** Counts one request against the bucket and says whether it may proceed. */
  take(principal: string, bucket: RateLimitBucket): RateDecision {
    const key = `${principal}\u0000${bucket.id}`;
    const now = this.now();
    let window = this.windows.get(key);
    if (!window || now >= window.stats.start + this.windowMs) {
      window = {
        stats: { bucket: bucket.id, principal, start: now, limit: this.limitFor(bucket), allowed: 0, rejected: 0, rejectedAfterFirst: 0 },
      };
      this.windows.set(key, window);
      this.history.push(window.stats);
    }
    const { stats } = window;
    const reset = Math.ceil((stats.start + this.windowMs) / 1000);
    if (stats.allowed < stats.limit) {
      stats.allowed++;
      return { allowed: true, limit: stats.limit, remaining: stats.limit - stats.allowed, reset };
    }
    stats.rejected++;
    if (window.firstRejectionSentAt !== undefined && now > window.firstRejectionSentAt) stats.rejectedAfterFirst++;
    return { allowed: false, limit: stats.limit, remaining: 0, reset };
  }

  /** Records that a rejection's answer has left, so later rejections in the window can be told apart. */
  rejectionSent(principal: string, bucket: RateLimitBucket): void {
    const window = this.windows.get(`${principal}\u0000${bucket.id}`);
    if (window && window.firstRejectionSentAt === undefined) window.firstRejectionSentAt = this.now();
  }

  /** Every window so far, oldest first. */
  stats(): WindowStats[] {
    return this.history.map((w) => ({ ...w }));
  }
}
