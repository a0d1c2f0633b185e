// The Okta Management API client: the only code that talks to Okta. It reads a catalogued
// endpoint completely (every page), inside the rate limits, retrying what can be retried, and
// answers with a typed outcome. Each distinct read happens once; concurrent callers share it.
import { Redactor } from '../redact.js';
import { VERSION } from '../version.js';
import { errorOutcome } from './answers.js';
import { secretsOf, type Credentials } from './credentials.js';
import { matchEndpoint, type Endpoint } from './endpoints.js';
import { describeStatus, OktaProtocolError, OktaRequestError, type RequestErrorDetails } from './errors.js';
import { nextFromBody, nextFromLinkHeader } from './links.js';
import { AccessTokenSource, type AccessToken } from './oauth.js';
import { adminOriginFromWellKnown, type OrgTarget } from './orgDomain.js';
import type { Outcome } from './outcome.js';
import { bucketFor } from './rateLimitBuckets.js';
import { DeadlineError, readRateHeaders, sleep, Throttle } from './throttle.js';
import { headerValues, Transport, TransportError, type RawResponse, type SendOptions } from './transport.js';

export interface Progress {
  /** The path read, e.g. `/api/v1/users`. */
  resource: string;
  pages: number;
  items: number;
  done: boolean;
}

export interface OktaClientOptions {
  target: OrgTarget;
  credentials: Credentials;
  /** Requests in flight at once, across all buckets (default 8). */
  maxConcurrency?: number;
  /** Per-request header and body timeout (default 30 s). */
  timeoutMs?: number;
  /** Tries per request before giving up (default 8). */
  maxAttempts?: number;
  /** Absolute time (ms) after which no request starts or waits (default: 30 minutes from now). */
  deadline?: number;
  userAgent?: string;
  onProgress?: (progress: Progress) => void;
  redactor?: Redactor;
}

export interface ClientStats {
  /** Requests sent, by endpoint template. */
  requests: Record<string, number>;
  retries: number;
  rateLimitWaitMs: number;
  tokensIssued: number;
}

const RETRY_STATUSES = new Set([500, 502, 503, 504]);


type Fetched = { json: unknown; res: RawResponse };

export class OktaClient {
  readonly target: OrgTarget;
  readonly redactor: Redactor;
  private readonly transport: Transport;
  private readonly throttle: Throttle;
  private readonly tokens?: AccessTokenSource;
  private readonly memo = new Map<string, Promise<Outcome<unknown>>>();
  private readonly counts: Record<string, number> = {};
  private retries = 0;
  private readonly maxAttempts: number;
  private readonly deadline: number;
  private adminOrigin?: Promise<string>;

  constructor(private readonly options: OktaClientOptions) {
    this.target = options.target;
    this.redactor = options.redactor ?? new Redactor();
    this.redactor.add(...secretsOf(options.credentials));
    const maxConcurrency = options.maxConcurrency ?? 8;
    this.maxAttempts = options.maxAttempts ?? 8;
    this.deadline = options.deadline ?? Date.now() + 30 * 60_000;
    this.transport = new Transport({
      allowedOrigins: [...new Set([this.target.origin, this.target.adminOrigin])],
      maxConnections: maxConcurrency,
      timeoutMs: options.timeoutMs ?? 30_000,
      userAgent: options.userAgent ?? `okta-posture/${VERSION} node/${process.versions.node}`,
    });
    this.throttle = new Throttle({ maxConcurrency });
    const app = options.credentials.serviceApp;
    if (app) {
      this.tokens = new AccessTokenSource(this.target.origin, app, (opts) => this.sendWithRetries(opts), (token) => this.redactor.add(token));
    }
  }

  /**
   * Reads a catalogued endpoint: an object, or every item of a list. `path` may carry a query
   * (`/api/v1/policies?type=PASSWORD`). The same path is read once per client.
   */
  read(path: string): Promise<Outcome<unknown>> {
    let pending = this.memo.get(path);
    if (!pending) {
      pending = this.readUncached(path).then((o) => this.scrub(o));
      this.memo.set(path, pending);
    }
    return pending;
  }

  stats(): ClientStats {
    return { requests: { ...this.counts }, retries: this.retries, rateLimitWaitMs: Math.round(this.throttle.waitedMs), tokensIssued: this.tokens?.issued ?? 0 };
  }

  async close(): Promise<void> {
    await this.transport.close();
  }

  private async readUncached(path: string): Promise<Outcome<unknown>> {
    const relative = new URL(path, 'http://path.invalid');
    const match = matchEndpoint(relative.pathname);
    if (!match) throw new Error(`${relative.pathname} is not in the endpoint catalogue`);
    const { endpoint } = match;
    const origin = endpoint.adminHost ? await this.resolveAdminOrigin() : this.target.origin;
    const url = new URL(relative.pathname + relative.search, origin);
    const label = `GET ${relative.pathname}${relative.search}`;
    const paging = endpoint.paging;
    if (paging.kind === 'link' && paging.maxLimit !== undefined && !url.searchParams.has('limit')) {
      url.searchParams.set('limit', String(paging.maxLimit));
    }

    const items: unknown[] = [];
    const seen = new Set<string>();
    let pages = 0;
    for (let next: URL | undefined = url; next; ) {
      const current: URL = next;
      seen.add(current.toString());
      const got = await this.fetchJson(endpoint, current, label);
      if ('kind' in got) return got;
      pages++;
      if (paging.kind === 'object') return { kind: 'data', value: got.json };
      const list = paging.kind === 'link' || paging.kind === 'none' ? got.json : (got.json as Record<string, unknown> | null)?.[paging.listKey];
      if (!Array.isArray(list)) {
        return this.failed(new OktaProtocolError(`${label}: Okta answered with ${describeJson(list)} where a list was expected`, { request: label }));
      }
      items.push(...list);
      const href = paging.kind === 'link' ? nextFromLinkHeader(got.res.headers.link) : paging.kind === 'body' ? nextFromBody(got.json) : undefined;
      next = undefined;
      if (href !== undefined) {
        let candidate: URL;
        try {
          candidate = new URL(href, current);
        } catch {
          return this.failed(new OktaProtocolError(`${label}: the next-page link is not a URL`, { request: label }));
        }
        if (candidate.origin !== url.origin) {
          return this.failed(new OktaProtocolError(`${label}: the next-page link points to ${candidate.origin}, not the org; it was not followed and no credentials were sent`, { request: label }));
        }
        if (seen.has(candidate.toString())) {
          return this.failed(new OktaProtocolError(`${label}: page ${pages + 1} repeats the cursor of an earlier page; stopped to avoid reading the same data forever`, { request: label }));
        }
        next = candidate;
      }
      this.options.onProgress?.({ resource: label.slice(4), pages, items: items.length, done: next === undefined });
    }
    return { kind: 'data', value: items };
  }

  /** Where Okta serves its internal Admin Console APIs; for a custom domain, asked of Okta. */
  private resolveAdminOrigin(): Promise<string> {
    if (this.target.kind !== 'custom') return Promise.resolve(this.target.adminOrigin);
    this.adminOrigin ??= (async () => {
      const res = await this.sendWithRetries({ method: 'GET', url: new URL('/.well-known/okta-organization', this.target.origin), headers: {} });
      const admin = adminOriginFromWellKnown(res.body);
      this.transport.allow(admin);
      return admin;
    })();
    return this.adminOrigin;
  }

  private async authorization(endpoint: Endpoint, url: URL): Promise<{ headers: Record<string, string>; token?: AccessToken } | Outcome<never>> {
    const { apiToken } = this.options.credentials;
    if (endpoint.scope === null && !endpoint.sswsOnly) return { headers: {} };
    if (endpoint.sswsOnly || !this.tokens) {
      if (apiToken) return { headers: { authorization: `SSWS ${apiToken}` } };
      return {
        kind: 'forbidden',
        reason: `GET ${url.pathname}: Okta serves this only to API tokens, and only a service app was given`,
        needs: 'an Okta API token (SSWS) as well as the service app; it is used for this endpoint only',
      };
    }
    const token = await this.tokens.get();
    const proof = this.tokens.proof(token, 'GET', url);
    return { headers: { authorization: `${token.scheme} ${token.value}`, ...(proof ? { dpop: proof } : {}) }, token };
  }

  private async fetchJson(endpoint: Endpoint, url: URL, label: string): Promise<Fetched | Outcome<never>> {
    const bucket = bucketFor('GET', url.pathname).id;
    let renewed = false;
    for (let attempt = 1; ; attempt++) {
      let release: (() => void) | undefined;
      let res: RawResponse;
      let auth: Awaited<ReturnType<OktaClient['authorization']>>;
      try {
        release = await this.throttle.acquire(bucket, this.deadline);
        auth = await this.authorization(endpoint, url);
        if ('kind' in auth) return auth;
        this.counts[endpoint.path] = (this.counts[endpoint.path] ?? 0) + 1;
        res = await this.transport.send({ method: 'GET', url, headers: auth.headers });
      } catch (error) {
        if (error instanceof TransportError && error.retryable && (await this.backoff(attempt))) continue;
        return this.failed(this.asRequestError(error, label, attempt));
      } finally {
        release?.();
      }

      const rate = readRateHeaders((n) => headerValues(res.headers, n), first(res.headers.date));
      this.throttle.observe(bucket, rate);
      const details: RequestErrorDetails = { request: label, status: res.status, requestId: first(res.headers['x-okta-request-id']), attempts: attempt };
      if (res.status === 429) {
        const concurrency = rate.limit === 0;
        if (concurrency) this.throttle.concurrencyRejected();
        const wait = concurrency ? this.backoffDelay(attempt) : this.throttle.exhausted(bucket, rate);
        if (attempt < this.maxAttempts && Date.now() + wait < this.deadline) {
          this.retries++;
          await sleep(wait);
          continue;
        }
        return this.failed(new OktaRequestError(`${label} was still rate-limited after ${attempt} tries (${describeStatus({ ...details, errorCode: 'E0000047' })})`, details));
      }
      if (RETRY_STATUSES.has(res.status)) {
        if (await this.backoff(attempt)) continue;
        return this.failed(new OktaRequestError(`${label} kept failing on Okta's side after ${attempt} tries (${describeStatus(details)})`, details));
      }
      if (res.status === 401 && auth.token && !renewed) {
        // An access token can be revoked or expire early: fetch a new one, once.
        this.tokens!.invalidate(auth.token);
        renewed = true;
        attempt--;
        continue;
      }
      if (res.status === 200) {
        try {
          const json = JSON.parse(res.body) as unknown;
          this.throttle.succeeded();
          return { json, res };
        } catch {
          if (await this.backoff(attempt)) continue;
          return this.failed(new OktaRequestError(`${label} answered with JSON that does not parse, ${attempt} times (${describeStatus(details)})`, details));
        }
      }
      return errorOutcome(endpoint, label, res, auth.token !== undefined);
    }
  }

  /** POSTs and GETs outside the paging path (token requests, discovery), with the same retries. */
  private async sendWithRetries(opts: SendOptions): Promise<RawResponse> {
    const label = `${opts.method} ${opts.url.pathname}`;
    for (let attempt = 1; ; attempt++) {
      try {
        const res = await this.transport.send(opts);
        if ((RETRY_STATUSES.has(res.status) || res.status === 429) && (await this.backoff(attempt))) continue;
        return res;
      } catch (error) {
        if (error instanceof TransportError && error.retryable && (await this.backoff(attempt))) continue;
        throw this.asRequestError(error, label, attempt);
      }
    }
  }

  private backoffDelay(attempt: number): number {
    const base = Math.min(20_000, 400 * 2 ** (attempt - 1));
    return base / 2 + Math.random() * (base / 2);
  }

  /** Sleeps before another try; false when the tries or the deadline are used up. */
  private async backoff(attempt: number): Promise<boolean> {
    const wait = this.backoffDelay(attempt);
    if (attempt >= this.maxAttempts || Date.now() + wait > this.deadline) return false;
    this.retries++;
    await sleep(wait);
    return true;
  }

  private asRequestError(error: unknown, label: string, attempts: number): OktaRequestError {
    if (error instanceof OktaRequestError) return error;
    if (error instanceof DeadlineError) return new OktaRequestError(`${label}: ${error.message}`, { request: label, attempts });
    if (error instanceof TransportError) {
      return new OktaRequestError(`${label} failed: ${error.message}${error.retryable ? ` (after ${attempts} tries)` : ''}`, { request: label, attempts });
    }
    return new OktaRequestError(`${label} failed: ${error instanceof Error ? error.message : String(error)}`, { request: label, attempts });
  }

  private failed(error: OktaRequestError): Outcome<never> {
    return { kind: 'failed', error };
  }

  /** Nothing that leaves the client may carry a credential. */
  private scrub(outcome: Outcome<unknown>): Outcome<unknown> {
    if (outcome.kind === 'failed') outcome.error.message = this.redactor.redact(outcome.error.message);
    else if (outcome.kind !== 'data') outcome.reason = this.redactor.redact(outcome.reason);
    return outcome;
  }
}

const first = (v: string | string[] | undefined): string | undefined => (Array.isArray(v) ? v[0] : v);

function describeJson(v: unknown): string {
  return v === null ? 'null' : Array.isArray(v) ? 'a list' : typeof v === 'object' ? 'an object' : `a ${typeof v}`;
}

