// Okta's per-minute rate-limit buckets for management reads: a request counts against the
// bucket whose template matches it exactly, else the one with the longest matching prefix.
// Limits are the last published Workforce figures (requests per minute, whole org).

export interface RateLimitBucket {
  /** Stable name, e.g. `GET /api/v1/users/{id}`. */
  readonly id: string;
  readonly method: string;
  /** Path template; `{x}` matches one segment. */
  readonly template: string;
  /** `exact` matches the whole path; `prefix` matches the path and anything below it. */
  readonly match: 'exact' | 'prefix';
  /** Org-wide requests per minute. */
  readonly orgLimit: number;
}

const bucket = (method: string, template: string, match: 'exact' | 'prefix', orgLimit: number): RateLimitBucket => ({
  id: `${method} ${template}${match === 'prefix' ? '*' : ''}`,
  method,
  template,
  match,
  orgLimit,
});

export const RATE_LIMIT_BUCKETS: readonly RateLimitBucket[] = [
  bucket('GET', '/api/v1/users', 'exact', 600),
  bucket('GET', '/api/v1/users/{id}', 'exact', 2000),
  bucket('GET', '/api/v1/apps/{id}', 'exact', 500),
  bucket('GET', '/api/v1/apps', 'prefix', 100),
  bucket('GET', '/api/v1/groups/{id}', 'exact', 1000),
  bucket('GET', '/api/v1/groups', 'prefix', 500),
  bucket('GET', '/api/v1/logs', 'prefix', 120),
  bucket('GET', '/api/v1/events', 'prefix', 100),
  bucket('GET', '/api/v1/devices', 'prefix', 100),
  bucket('GET', '/oauth2/v1/clients', 'prefix', 100),
  bucket('POST', '/oauth2/v1/token', 'exact', 600),
  // "Most other /api/v1 actions", and everything else a scanner reads.
  bucket('GET', '/', 'prefix', 1200),
];

/** By default each API token or OAuth app may use half of a bucket (Okta's per-token ceiling). */
export const PER_TOKEN_SHARE = 0.5;

/** Simultaneous in-flight requests an org allows (Workforce). */
export const ORG_CONCURRENCY_LIMIT = 75;

function segmentsMatch(template: readonly string[], path: readonly string[]): boolean {
  return template.every((t, i) => t.startsWith('{') || t === path[i]);
}

const split = (p: string) => p.split('/').filter(Boolean);
const compiled = RATE_LIMIT_BUCKETS.map((b) => ({ bucket: b, segments: split(b.template) }));

/** The bucket a request counts against. Every GET has one (the catch-all). */
export function bucketFor(method: string, path: string): RateLimitBucket {
  const segments = split(path);
  const candidates = compiled.filter((c) => c.bucket.method === method.toUpperCase());
  const exact = candidates.find(
    (c) => c.bucket.match === 'exact' && c.segments.length === segments.length && segmentsMatch(c.segments, segments),
  );
  if (exact) return exact.bucket;
  let best: (typeof compiled)[number] | undefined;
  for (const c of candidates) {
    if (c.bucket.match !== 'prefix' || c.segments.length > segments.length) continue;
    if (!segmentsMatch(c.segments, segments)) continue;
    if (!best || c.segments.length > best.segments.length) best = c;
  }
  return (best ?? compiled[compiled.length - 1]!).bucket;
}
