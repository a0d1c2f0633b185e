// Policy bundles given by URL. They are fetched anonymously: over https only, through a dispatcher
// of their own (never the Okta client's), with a user agent and an accept header and nothing else,
// so no Authorization header, cookie or Okta credential can ride along. The size limit is enforced
// while the body streams, one timeout covers the whole exchange, and redirects are followed by hand
// so that every hop is checked like the first.
import { isIP } from 'node:net';
import { Agent, request, type Dispatcher } from 'undici';
import { VERSION } from '../version.js';

export const DEFAULT_MAX_BYTES = 2 * 1024 * 1024;
export const DEFAULT_TIMEOUT_MS = 20_000;
export const DEFAULT_MAX_REDIRECTS = 3;

const ACCEPTED = 'okta-posture fetches https:// URLs with a host name and no user name or password';
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
const REQUEST_HEADERS = {
  'user-agent': `okta-posture/${VERSION}`,
  accept: 'application/yaml, text/yaml, text/plain;q=0.9, */*;q=0.5',
} as const;

/** What went wrong: the URL itself, a redirect, the HTTP status, the size, the time, the content, the network. */
export type BundleFetchFailure = 'url' | 'redirect' | 'status' | 'size' | 'timeout' | 'content' | 'network';

export class BundleFetchError extends Error {
  override name = 'BundleFetchError';
  constructor(
    message: string,
    /** The URL as shown to people: without user name, password or query. */
    readonly url: string,
    readonly reason: BundleFetchFailure,
    /** The HTTP status, for `status`. */
    readonly status?: number,
  ) {
    super(message);
  }
}

export interface FetchBundleOptions {
  /** Largest body accepted, in bytes (default 2 MiB). */
  maxBytes?: number;
  /** Time for the whole fetch, redirects, connecting and body included (default 20 s). */
  timeoutMs?: number;
  /** Where requests go; by default an Agent of this fetch's own, verifying certificates. */
  dispatcher?: Dispatcher;
  /** Redirects followed before giving up (default 3). */
  maxRedirects?: number;
}

export interface FetchedBundle {
  /** The URL as given, shown without user name, password or query: lint diagnostics name it. */
  file: string;
  text: string;
}

/**
 * Whether a `policies` entry is meant as a URL rather than a file or glob. Any scheme counts, so
 * that `http://…` is refused as a URL instead of being looked for as a file.
 */
export function isBundleUrl(entry: string): boolean {
  const s = entry.trim();
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(s) || /^(https?|file|ftp):/i.test(s);
}

/**
 * A URL as it may appear in messages and reports: no user name or password, and no query (signed
 * links carry their token there); a query is marked with `?…`.
 */
export function displayUrl(url: URL): string {
  return `${url.protocol}//${url.host}${url.pathname}${url.search ? '?…' : ''}`;
}

function displayText(text: string): string {
  try {
    return displayUrl(new URL(text));
  } catch {
    return text.replace(/\/\/[^/]*@/, '//…@').slice(0, 200);
  }
}

/** The URL, if okta-posture will fetch it; otherwise why not. */
function acceptUrl(text: string, base: URL | undefined, origin: string): URL {
  let url: URL;
  try {
    url = new URL(text, base);
  } catch {
    const shown = displayText(text);
    throw base
      ? new BundleFetchError(`the bundle at ${origin} redirected to '${shown}', which is not a valid URL`, origin, 'redirect')
      : new BundleFetchError(`the bundle URL '${shown}' is not a valid URL; ${ACCEPTED}`, shown, 'url');
  }
  const shown = displayUrl(url);
  const refuse = (why: string) =>
    base
      ? new BundleFetchError(`the bundle at ${origin} redirected to ${shown}, ${why}; every redirect must meet the same rules as the URL given`, origin, 'redirect')
      : new BundleFetchError(`the bundle URL ${shown} ${why}; ${ACCEPTED}`, shown, 'url');
  if (url.protocol !== 'https:') throw refuse(`uses ${url.protocol.slice(0, -1)}, not https`);
  if (url.username || url.password) throw refuse('holds a user name or password');
  if (isIP(url.hostname.replace(/^\[|\]$/g, ''))) throw refuse('names its host by IP address');
  url.hash = '';
  return url;
}

/** Fetches one bundle; throws a BundleFetchError saying what went wrong, naming the URL. */
export async function fetchBundle(url: string, options: FetchBundleOptions = {}): Promise<FetchedBundle> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const maxRedirects = options.maxRedirects ?? DEFAULT_MAX_REDIRECTS;
  const first = acceptUrl(url.trim(), undefined, '');
  const file = displayUrl(first);
  const dispatcher = options.dispatcher ?? ownAgent(timeoutMs);
  const timeout = new AbortController();
  const timer = setTimeout(() => timeout.abort(), timeoutMs);
  try {
    let current = first;
    for (let redirects = 0; ; redirects++) {
      const res = await request(current, { dispatcher, method: 'GET', headers: { ...REQUEST_HEADERS }, signal: timeout.signal });
      if (REDIRECT_STATUSES.has(res.statusCode)) {
        discard(res.body);
        const location = res.headers.location;
        if (typeof location !== 'string' || !location) {
          throw new BundleFetchError(`the bundle at ${file} answered HTTP ${res.statusCode} without saying where to go`, file, 'status', res.statusCode);
        }
        if (redirects >= maxRedirects) throw new BundleFetchError(`the bundle at ${file} redirected more than ${maxRedirects} times`, file, 'redirect');
        current = acceptUrl(location, current, file);
        continue;
      }
      if (res.statusCode < 200 || res.statusCode > 299) {
        // The body of an error page is not read: it could be large, and is not ours to repeat.
        discard(res.body);
        throw new BundleFetchError(`the bundle at ${file} answered HTTP ${res.statusCode}`, file, 'status', res.statusCode);
      }
      const type = String(res.headers['content-type'] ?? '').toLowerCase();
      if (type.startsWith('text/html')) {
        discard(res.body);
        throw new BundleFetchError(
          `the bundle at ${file} is an HTML page, not a YAML bundle (for a file on GitHub, give its raw address, https://raw.githubusercontent.com/…)`,
          file,
          'content',
        );
      }
      const bytes = await readAtMost(res, maxBytes, file);
      return { file, text: decode(bytes, file) };
    }
  } catch (error) {
    if (error instanceof BundleFetchError) throw error;
    if (timeout.signal.aborted) throw new BundleFetchError(`the bundle at ${file} did not arrive within ${seconds(timeoutMs)}`, file, 'timeout');
    throw new BundleFetchError(`the bundle at ${file} could not be fetched: ${describeNetworkError(error)}`, file, 'network');
  } finally {
    clearTimeout(timer);
    if (!options.dispatcher) await dispatcher.destroy();
  }
}

export interface FetchBundlesResult {
  /** The bundles fetched, in the order of their URLs. */
  files: FetchedBundle[];
  /** One error for each URL that could not be fetched, in the order of the URLs. */
  errors: BundleFetchError[];
}

/** Fetches bundles in parallel; one URL failing does not stop the others. */
export async function fetchBundles(urls: readonly string[], options: FetchBundleOptions = {}): Promise<FetchBundlesResult> {
  const dispatcher = options.dispatcher ?? ownAgent(options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
  try {
    const unique = [...new Set(urls)];
    const settled = await Promise.allSettled(unique.map((url) => fetchBundle(url, { ...options, dispatcher })));
    const files: FetchedBundle[] = [];
    const errors: BundleFetchError[] = [];
    for (const [i, s] of settled.entries()) {
      if (s.status === 'fulfilled') files.push(s.value);
      else if (s.reason instanceof BundleFetchError) errors.push(s.reason);
      else {
        const shown = displayText(unique[i]);
        errors.push(new BundleFetchError(`the bundle at ${shown} could not be fetched: ${describeNetworkError(s.reason)}`, shown, 'network'));
      }
    }
    return { files, errors };
  } finally {
    if (!options.dispatcher) await dispatcher.destroy();
  }
}

function ownAgent(timeoutMs: number): Agent {
  return new Agent({ connections: 4, headersTimeout: timeoutMs, bodyTimeout: timeoutMs, connect: { timeout: timeoutMs } });
}

/** The body, refused as soon as it passes `maxBytes`, whatever Content-Length said. */
async function readAtMost(res: Dispatcher.ResponseData, maxBytes: number, file: string): Promise<Buffer> {
  const tooLarge = () => new BundleFetchError(`the bundle at ${file} is larger than ${size(maxBytes)}`, file, 'size');
  const declared = Number(res.headers['content-length']);
  if (Number.isFinite(declared) && declared > maxBytes) {
    discard(res.body);
    throw tooLarge();
  }
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of res.body as AsyncIterable<Buffer>) {
    total += chunk.length;
    if (total > maxBytes) {
      discard(res.body);
      throw tooLarge();
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks, total);
}

/** Drops a body not to be read; the error undici raises for it has no one to reach. */
function discard(body: Dispatcher.ResponseData['body']): void {
  body.on('error', () => {});
  body.destroy();
}

function decode(bytes: Buffer, file: string): string {
  if (bytes.includes(0)) throw new BundleFetchError(`the bundle at ${file} is binary, not YAML text`, file, 'content');
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new BundleFetchError(`the bundle at ${file} is not UTF-8 text`, file, 'content');
  }
}

function size(bytes: number): string {
  if (bytes % (1024 * 1024) === 0) return `${bytes / (1024 * 1024)} MiB`;
  if (bytes % 1024 === 0) return `${bytes / 1024} KiB`;
  return `${bytes} bytes`;
}

function seconds(ms: number): string {
  return `${ms / 1000} s`;
}

const CERTIFICATE_CODES = /CERT|SELF_SIGNED|UNABLE_TO_(GET|VERIFY)|ERR_TLS/;

function describeNetworkError(error: unknown): string {
  const e = error as { code?: string; cause?: { code?: string } };
  const code = e?.code ?? e?.cause?.code ?? 'UNKNOWN';
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return 'the host name could not be resolved';
  if (code === 'ECONNREFUSED') return 'the connection was refused';
  if (code === 'UND_ERR_RES_CONTENT_LENGTH_MISMATCH') return "the answer's Content-Length did not match its body";
  if (CERTIFICATE_CODES.test(code)) return `the server's certificate was not accepted (${code})`;
  return `the connection failed (${code})`;
}
