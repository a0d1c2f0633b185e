// The HTTP front of the simulator: every request goes through latency, the concurrency ceiling,
// routing, authentication, the rate limiter, fault injection and authorization, in that order,
// and every answer carries Okta's headers (Date, X-Okta-Request-Id, X-Rate-Limit-*).
import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { bucketFor, type RateLimitBucket } from '../okta/rateLimitBuckets.js';
import { authenticate, authorize, type Principal } from './auth.js';
import type { DpopVerifier } from './dpopProof.js';
import { oktaError, type SimResponse } from './errors.js';
import type { FaultKind, FaultPlan } from './faults.js';
import { SimError } from './handlers/types.js';
import type { OAuthServer } from './oauthServer.js';
import type { RateLimiter } from './rateLimiter.js';
import { shapeResponse } from './respond.js';
import { matchRoute } from './routes.js';
import type { OrgStore } from './store.js';

/** Deliberate protocol misbehaviour, for testing how a client copes. */
export interface Quirks {
  /** Endpoint paths whose `next` link repeats the first page's cursor forever. */
  repeatCursor?: string[];
  /** Endpoint paths whose `next` link points at another origin. */
  foreignNextLink?: string[];
  /** The origin those links point at (default https://attacker.example). */
  foreignOrigin?: string;
  /** Leave out the `Date` header. */
  omitDate?: boolean;
  /** Send each `X-Rate-Limit-*` header twice (two buckets), as some Okta endpoints do. */
  duplicateRateLimitHeaders?: boolean;
}

export interface ServerSettings {
  latencyMs: number;
  concurrency: number;
  stallMs: number;
  quirks: Quirks;
  now: () => number;
}

export interface RequestStats {
  /** Requests per URL path (query excluded). */
  byPath: Record<string, number>;
  /** Requests per endpoint template. */
  byEndpoint: Record<string, number>;
  byStatus: Record<string, number>;
  total: number;
  maxInFlight: number;
  /** Requests refused because too many were in flight. */
  concurrencyRejections: number;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export class SimulatorServer {
  readonly requests: RequestStats = { byPath: {}, byEndpoint: {}, byStatus: {}, total: 0, maxInFlight: 0, concurrencyRejections: 0 };
  private inFlight = 0;

  constructor(
    private readonly store: OrgStore,
    private readonly limiter: RateLimiter,
    private readonly faults: FaultPlan,
    private readonly oauth: OAuthServer,
    private readonly dpop: DpopVerifier,
    readonly settings: ServerSettings,
    private readonly extraStats: () => unknown,
  ) {}

  readonly listener = (req: IncomingMessage, res: ServerResponse): void => {
    res.sendDate = false; // The Date header is ours to send (or, with the omitDate quirk, to leave out).
    this.handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) this.write(res, { status: 500, body: oktaError('E0000009').body }, undefined);
      else res.destroy();
      console.error('simulator: internal error', error);
    });
  };

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', this.store.origin);
    const method = req.method ?? 'GET';
    this.requests.total++;
    this.requests.byPath[url.pathname] = (this.requests.byPath[url.pathname] ?? 0) + 1;

    if (url.pathname === '/__sim/stats' && method === 'GET') {
      return this.write(res, { status: 200, body: { requests: this.requests, ...(this.extraStats() as object) } }, undefined);
    }

    if (this.inFlight >= this.settings.concurrency) {
      // Over the concurrency limit: Okta answers at once, reporting a zero limit and an estimated reset.
      this.requests.concurrencyRejections++;
      return this.write(res, oktaError('E0000047'), { limit: 0, remaining: 0, reset: Math.ceil(this.settings.now() / 1000) + 1 });
    }
    this.inFlight++;
    this.requests.maxInFlight = Math.max(this.requests.maxInFlight, this.inFlight);
    res.once('close', () => this.inFlight--);
    if (this.settings.latencyMs > 0) await sleep(this.settings.latencyMs);

    const bucket = bucketFor(method, url.pathname);

    if (url.pathname === '/oauth2/v1/token') {
      const decision = this.limiter.take('token-endpoint', bucket);
      if (method !== 'POST') return this.write(res, oktaError('E0000022'), decision);
      if (!decision.allowed) return this.reject(res, 'token-endpoint', bucket, decision);
      const form = new URLSearchParams(await readBody(req));
      return this.write(res, this.oauth.token(form, req.headers.dpop), decision);
    }

    const route = matchRoute(url.pathname);
    if (!route || method !== 'GET') {
      const decision = this.limiter.take('anonymous', bucket);
      if (!route) return this.write(res, oktaError('E0000007', `Resource not found: ${url.pathname} (Path)`), decision);
      return this.write(res, oktaError('E0000022'), decision);
    }
    this.requests.byEndpoint[route.endpoint.path] = (this.requests.byEndpoint[route.endpoint.path] ?? 0) + 1;

    let principal: Principal | undefined;
    if (route.endpoint.scope !== null || route.endpoint.sswsOnly) {
      const auth = authenticate(
        { method, url, authorization: req.headers.authorization, dpop: req.headers.dpop },
        this.store,
        this.oauth,
        this.dpop,
        this.settings.now(),
      );
      if ('status' in auth) return this.write(res, auth, this.limiter.take('anonymous', bucket));
      principal = auth;
    }

    const key = principal?.key ?? 'anonymous';
    const decision = this.limiter.take(key, bucket);
    if (!decision.allowed) return this.reject(res, key, bucket, decision);

    const fault = this.faults.decide(`${method} ${url.pathname}${url.search}`);
    if (fault && fault !== 'stall' && fault !== 'truncated') return this.injectFault(res, fault, key, bucket, decision);

    if (principal) {
      const denied = authorize(principal, route.endpoint, this.store, url.pathname);
      if (denied) return this.write(res, denied, decision);
    }

    let response: SimResponse;
    try {
      response = shapeResponse(route.endpoint, route.handler({ store: this.store, params: route.params, url }), url);
    } catch (error) {
      if (error instanceof SimError) response = error.response;
      else throw error;
    }
    response = this.applyQuirks(route.endpoint.path, url, response);
    if (fault === 'stall' || fault === 'truncated') return this.writeDamaged(res, fault, response, decision);
    return this.write(res, response, decision);
  }

  private reject(res: ServerResponse, principal: string, bucket: RateLimitBucket, decision: RateDecision): void {
    this.write(res, oktaError('E0000047'), decision);
    res.once('finish', () => this.limiter.rejectionSent(principal, bucket));
  }

  private injectFault(res: ServerResponse, fault: FaultKind, principal: string, bucket: RateLimitBucket, decision: RateDecision): void {
    switch (fault) {
      case 'rate-limit':
        return this.reject(res, principal, bucket, { ...decision, remaining: 0 });
      case 'server-error':
        return this.write(res, oktaError('E0000009'), decision);
      case 'bad-gateway':
        return this.write(res, { status: 502, body: '<html><body><h1>502 Bad Gateway</h1></body></html>', headers: { 'content-type': 'text/html' } }, decision);
      case 'unavailable':
        return this.write(res, oktaError('E0000010'), decision);
      case 'reset':
        res.socket?.resetAndDestroy();
        return;
      default:
        return;
    }
  }

  private applyQuirks(endpointPath: string, url: URL, response: SimResponse): SimResponse {
    const { repeatCursor, foreignNextLink } = this.settings.quirks;
    const links = response.headers?.link;
    if (!Array.isArray(links)) return response;
    const rewrite = (line: string): string => {
      if (!line.endsWith('rel="next"')) return line;
      const next = new URL(line.slice(1, line.indexOf('>')));
      const after = url.searchParams.get('after');
      // A server bug seen in the wild: from page two on, `next` repeats the cursor just used.
      if (repeatCursor?.includes(endpointPath) && after !== null) next.searchParams.set('after', after);
      if (foreignNextLink?.includes(endpointPath)) {
        return `<${this.settings.quirks.foreignOrigin ?? 'https://attacker.example'}${next.pathname}${next.search}>; rel="next"`;
      }
      return `<${next.toString()}>; rel="next"`;
    };
    return { ...response, headers: { ...response.headers, link: links.map(rewrite) } };
  }

  private writeDamaged(res: ServerResponse, fault: 'stall' | 'truncated', response: SimResponse, decision: RateDecision): void {
    const body = Buffer.from(serializeBody(response.body, this.store.origin));
    const half = body.subarray(0, Math.max(1, Math.floor(body.length / 2)));
    res.writeHead(response.status, this.headers(response, decision));
    res.write(half);
    if (fault === 'truncated') {
      res.end();
      return;
    }
    const timer = setTimeout(() => {
      if (!res.destroyed) res.end(body.subarray(half.length));
    }, this.settings.stallMs);
    res.once('close', () => clearTimeout(timer));
  }

  private headers(response: SimResponse, decision: RateDecision | undefined): Record<string, string | string[]> {
    const headers: Record<string, string | string[]> = {
      'x-okta-request-id': randomBytes(15).toString('base64url'),
    };
    if (!this.settings.quirks.omitDate) headers.date = new Date(this.settings.now()).toUTCString();
    if (decision) {
      const dup = this.settings.quirks.duplicateRateLimitHeaders;
      const value = (v: number) => (dup ? [String(v), String(v)] : String(v));
      headers['x-rate-limit-limit'] = value(decision.limit);
      headers['x-rate-limit-remaining'] = value(decision.remaining);
      headers['x-rate-limit-reset'] = value(decision.reset);
    }
    if (response.body !== undefined) headers['content-type'] = 'application/json';
    return { ...headers, ...response.headers };
  }

  private write(res: ServerResponse, response: SimResponse, decision: RateDecision | undefined): void {
    this.requests.byStatus[response.status] = (this.requests.byStatus[response.status] ?? 0) + 1;
    if (res.destroyed) return;
    const body = serializeBody(response.body, this.store.origin);
    const headers = this.headers(response, decision);
    headers['content-length'] = String(Buffer.byteLength(body));
    res.writeHead(response.status, headers);
    res.end(body);
  }
}

/** JSON text of a body, with fixture-relative hrefs (`"href":"/api/…"`) made absolute. */
function serializeBody(body: unknown, origin: string): string {
  if (body === undefined) return '';
  if (typeof body === 'string') return body;
  return JSON.stringify(body).replaceAll('"href":"/', `"href":"${origin}/`);
}

type RateDecision = { allowed?: boolean; limit: number; remaining: number; reset: number };

async function readBody(req: IncomingMessage, limit = 64 * 1024): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new Error('request body too large');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}
