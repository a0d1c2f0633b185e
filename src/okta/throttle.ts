// Keeps the client inside Okta's rate limits. Each bucket's limit, remaining count and reset time
// are learnt from X-Rate-Limit-* and Date (the server's clock); a request waits when its bucket
// has nothing left beyond what is already in flight, and the first request to a bucket goes alone
// until the bucket is known. Concurrency rejections (429 with limit 0) halve the parallelism,
// which then grows back one step per run of successes.

export interface BucketView {
  limit: number;
  remaining: number;
  /** Client-clock milliseconds when the window resets. */
  resetAt: number;
}

export interface ThrottleOptions {
  maxConcurrency: number;
  now?: () => number;
  /** Upper bound on random delay added to waits, so that retries do not arrive together. */
  jitterMs?: number;
}

interface BucketState {
  known?: BucketView;
  inFlight: number;
}

export interface RateHeaders {
  limit?: number;
  remaining?: number;
  /** Epoch seconds. */
  reset?: number;
  /** Server time from `Date`, ms. */
  serverNow?: number;
}

const SUCCESSES_TO_GROW = 20;

export class Throttle {
  private readonly buckets = new Map<string, BucketState>();
  private active = 0;
  private concurrency: number;
  private successes = 0;
  private waiters: Array<() => void> = [];
  private readonly now: () => number;
  private readonly jitterMs: number;
  /** Time spent waiting for rate limits, for statistics. */
  waitedMs = 0;

  constructor(private readonly options: ThrottleOptions) {
    this.concurrency = options.maxConcurrency;
    this.now = options.now ?? Date.now;
    this.jitterMs = options.jitterMs ?? 250;
  }

  get currentConcurrency(): number {
    return this.concurrency;
  }

  bucket(id: string): Readonly<BucketState> {
    return this.state(id);
  }

  private state(id: string): BucketState {
    let s = this.buckets.get(id);
    if (!s) this.buckets.set(id, (s = { inFlight: 0 }));
    return s;
  }

  jitter(): number {
    return Math.random() * this.jitterMs;
  }

  /** Waits until a request to `bucketId` may go; call the returned function when it has answered. */
  async acquire(bucketId: string, deadline: number): Promise<() => void> {
    const s = this.state(bucketId);
    for (;;) {
      const now = this.now();
      if (s.known && now >= s.known.resetAt) s.known = undefined; // a new window: learn it again
      const globalFree = this.active < this.concurrency;
      const probing = !s.known && s.inFlight > 0;
      const dry = s.known !== undefined && s.known.remaining - s.inFlight <= 0;
      if (globalFree && !probing && !dry) break;
      if (dry) {
        const wait = s.known!.resetAt - now + this.jitter();
        if (now + wait > deadline) throw new DeadlineError(wait);
        const started = this.now();
        await this.changed(wait);
        this.waitedMs += this.now() - started;
      } else {
        if (now > deadline) throw new DeadlineError(0);
        await this.changed();
      }
    }
    s.inFlight++;
    this.active++;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      s.inFlight--;
      this.active--;
      this.notify();
    };
  }

  /** Learns the bucket's state from an answer's rate-limit headers. */
  observe(bucketId: string, h: RateHeaders): void {
    if (h.limit === undefined || h.remaining === undefined || h.reset === undefined) return;
    if (h.limit === 0) return; // a concurrency answer says nothing about the bucket
    const serverNow = h.serverNow ?? this.now();
    const resetAt = this.now() + Math.max(0, h.reset * 1000 - serverNow);
    const s = this.state(bucketId);
    const known = s.known;
    // Answers to concurrent requests arrive out of order: within one window, the lowest count wins.
    if (known && Math.abs(known.resetAt - resetAt) < 1500) known.remaining = Math.min(known.remaining, h.remaining);
    else s.known = { limit: h.limit, remaining: h.remaining, resetAt };
    this.notify();
  }

  /** The bucket ran dry (a 429): nothing more until its reset. Returns how long to wait. */
  exhausted(bucketId: string, h: RateHeaders): number {
    const serverNow = h.serverNow ?? this.now();
    const wait = h.reset !== undefined ? Math.max(0, h.reset * 1000 - serverNow) + 1000 : 5_000;
    const s = this.state(bucketId);
    s.known = { limit: h.limit ?? s.known?.limit ?? 1, remaining: 0, resetAt: this.now() + wait };
    return wait + this.jitter();
  }

  /** Okta refused a request for too many in flight: halve the parallelism. */
  concurrencyRejected(): void {
    this.concurrency = Math.max(1, Math.floor(this.concurrency / 2));
    this.successes = 0;
  }

  succeeded(): void {
    if (this.concurrency >= this.options.maxConcurrency) return;
    if (++this.successes >= SUCCESSES_TO_GROW) {
      this.concurrency++;
      this.successes = 0;
      this.notify();
    }
  }

  /** Resolves at the next release or observation, or after `timeoutMs`. */
  private changed(timeoutMs?: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = timeoutMs === undefined ? undefined : setTimeout(resolve, Math.max(0, timeoutMs));
      this.waiters.push(() => {
        clearTimeout(timer);
        resolve();
      });
    });
  }

  private notify(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const w of waiters) w();
  }
}

export class DeadlineError extends Error {
  override name = 'DeadlineError';
  constructor(readonly waitMs: number) {
    super(`the scan's deadline would pass while waiting ${Math.round(waitMs / 1000)} s for the rate limit to reset`);
  }
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, Math.max(0, ms)));

/** Reads X-Rate-Limit-* and Date. Duplicated headers (two buckets) resolve to the strictest. */
export function readRateHeaders(values: (name: string) => string[], date: string | undefined): RateHeaders {
  const nums = (name: string) => values(name).map(Number).filter((n) => Number.isFinite(n));
  const limit = nums('x-rate-limit-limit');
  const remaining = nums('x-rate-limit-remaining');
  const reset = nums('x-rate-limit-reset');
  const serverNow = date ? Date.parse(date) : Number.NaN;
  return {
    limit: limit.length ? Math.min(...limit) : undefined,
    remaining: remaining.length ? Math.min(...remaining) : undefined,
    reset: reset.length ? Math.max(...reset) : undefined,
    serverNow: Number.isFinite(serverNow) ? serverNow : undefined,
  };
}
