// One HTTP exchange with Okta over undici: keep-alive connections, header and body timeouts, no
// redirects followed, and a guard that refuses any origin but the org's before a byte is sent.
import { Agent, errors as undiciErrors, request, type Dispatcher } from 'undici';

export interface RawResponse {
  status: number;
  /** Lower-case names; repeated headers keep every value. */
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

export interface SendOptions {
  method: 'GET' | 'POST';
  url: URL;
  headers: Record<string, string>;
  body?: string;
}

/** A failure below HTTP: the connection dropped, a timeout fired, the host is unknown. */
export class TransportError extends Error {
  override name = 'TransportError';
  constructor(
    message: string,
    readonly code: string,
    /** Whether another try may succeed (a reset or timeout may; an unknown host will not). */
    readonly retryable: boolean,
  ) {
    super(message);
  }
}

export interface TransportOptions {
  /** Origins requests may go to (the org's, and its Admin Console host). */
  allowedOrigins: readonly string[];
  maxConnections: number;
  timeoutMs: number;
  userAgent: string;
  dispatcher?: Dispatcher;
}

const RETRYABLE_CODES = new Set([
  'ECONNRESET', 'ECONNREFUSED', 'EPIPE', 'ETIMEDOUT', 'EAI_AGAIN', 'UND_ERR_SOCKET', 'UND_ERR_CLOSED',
  'UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT', 'UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_ABORTED',
]);

export class Transport {
  private readonly dispatcher: Dispatcher;
  private readonly ownsDispatcher: boolean;
  private readonly allowed: Set<string>;

  constructor(private readonly options: TransportOptions) {
    this.allowed = new Set(options.allowedOrigins);
    this.ownsDispatcher = !options.dispatcher;
    this.dispatcher =
      options.dispatcher ??
      new Agent({
        connections: options.maxConnections,
        keepAliveTimeout: 30_000,
        headersTimeout: options.timeoutMs,
        bodyTimeout: options.timeoutMs,
        connect: { timeout: Math.min(options.timeoutMs, 15_000) },
      });
  }

  isAllowed(url: URL): boolean {
    return this.allowed.has(url.origin);
  }

  /** Adds an origin learnt from the org itself (the Admin Console host of a custom domain). */
  allow(origin: string): void {
    this.allowed.add(origin);
  }

  async send(opts: SendOptions): Promise<RawResponse> {
    if (!this.isAllowed(opts.url)) {
      // A programming error or a hostile link: never reached with credentials attached.
      throw new Error(`refusing to send a request to ${opts.url.origin}, which is not the org`);
    }
    try {
      const res = await request(opts.url, {
        dispatcher: this.dispatcher,
        method: opts.method,
        headers: { 'user-agent': this.options.userAgent, accept: 'application/json', ...opts.headers },
        body: opts.body,
        headersTimeout: this.options.timeoutMs,
        bodyTimeout: this.options.timeoutMs,
      });
      const body = await res.body.text();
      return { status: res.statusCode, headers: res.headers as RawResponse['headers'], body };
    } catch (error) {
      const code = errorCode(error);
      throw new TransportError(describeTransportError(code), code, RETRYABLE_CODES.has(code) || error instanceof undiciErrors.UndiciError);
    }
  }

  async close(): Promise<void> {
    if (this.ownsDispatcher) await this.dispatcher.close();
  }
}

function errorCode(error: unknown): string {
  const e = error as { code?: string; cause?: { code?: string } };
  return e?.code ?? e?.cause?.code ?? 'UNKNOWN';
}

function describeTransportError(code: string): string {
  switch (code) {
    case 'UND_ERR_HEADERS_TIMEOUT':
      return 'no answer within the timeout';
    case 'UND_ERR_BODY_TIMEOUT':
      return 'the answer stalled within the timeout';
    case 'UND_ERR_CONNECT_TIMEOUT':
      return 'could not connect within the timeout';
    case 'ECONNREFUSED':
      return 'the connection was refused';
    case 'EAI_AGAIN':
    case 'ENOTFOUND':
      return 'the host name could not be resolved';
    default:
      return `the connection failed (${code})`;
  }
}

/** A comma-free header's values, however the server sent them (repeated lines or comma-joined). */
export function headerValues(headers: RawResponse['headers'], name: string): string[] {
  const v = headers[name];
  if (v === undefined) return [];
  return (Array.isArray(v) ? v : [v]).flatMap((s) => s.split(',')).map((s) => s.trim()).filter(Boolean);
}
