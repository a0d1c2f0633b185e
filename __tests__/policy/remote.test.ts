// Bundles fetched by URL, against real HTTPS servers started here with a certificate made by
// openssl for this run: https only on every hop, the size limit enforced while the body streams,
// one timeout over the whole exchange, nothing but a user agent and an accept header sent (no
// Okta credential, whatever the environment holds), and lint naming the URL.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer as createPlainServer, type IncomingHttpHeaders, type Server as PlainServer, type ServerResponse } from 'node:http';
import { createServer as createTlsServer, type Server } from 'node:https';
import type { AddressInfo, LookupFunction } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import tls from 'node:tls';
import { Agent } from 'undici';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../../src/policy/bundle.js';
import { lintBundle } from '../../src/policy/lint.js';
import { loadBundleTexts } from '../../src/policy/load.js';
import { BundleFetchError, displayUrl, fetchBundle, fetchBundles, isBundleUrl, type FetchBundleOptions } from '../../src/policy/remote.js';
import { VERSION } from '../../src/version.js';

const FIXTURES = join(import.meta.dirname, '../fixtures/bundles');
const GOOD = readFileSync(join(FIXTURES, 'cnspec-example.mql.yaml'), 'utf8');
const MISTAKES = readFileSync(join(FIXTURES, 'mistakes.mql.yaml'), 'utf8');

type Route = (res: ServerResponse, path: string) => void;

let dir: string;
let cert: Buffer;
let key: Buffer;
let server: Server;
let plain: PlainServer;
let liar: tls.Server;
let port: number;
let plainPort: number;
let liarPort: number;
let agent: Agent;
const received: Array<{ path: string; headers: IncomingHttpHeaders }> = [];
const plainReceived: string[] = [];
const waiting = new Map<string, () => void>();

/** An https URL on the test server, under a name the test agent resolves to it. */
const at = (path: string, host = 'bundles.test') => `https://${host}:${port}${path}`;
const paths = () => received.map((r) => r.path);

const routes: Record<string, Route> = {
  '/good.mql.yaml': (res) => res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' }).end(GOOD),
  '/mistakes.mql.yaml': (res) => res.writeHead(200, { 'content-type': 'text/plain' }).end(MISTAKES),
  '/missing': (res) => res.writeHead(404, { 'content-type': 'text/plain' }).end('internal note: the token is in /etc/secret'),
  '/large-declared': (res) => res.writeHead(200, { 'content-length': 4096 }).end('a'.repeat(4096)),
  '/large-streamed': (res) => {
    // No Content-Length: chunked, 512 bytes at a time.
    res.writeHead(200, { 'content-type': 'text/plain' });
    for (let i = 0; i < 16; i++) res.write('b'.repeat(512));
    res.end();
  },
  '/just-under': (res) => res.writeHead(200).end('c'.repeat(1024)),
  '/no-headers': () => {},
  '/stalled-body': (res) => {
    res.writeHead(200, { 'content-type': 'text/plain' });
    res.write('policies:\n');
  },
  '/trickle': (res) => {
    // Each piece comes quickly, the whole never does: the timeout is for the whole fetch.
    res.writeHead(200, { 'content-type': 'text/plain' });
    const timer = setInterval(() => res.write('# more\n'), 30);
    res.on('close', () => clearInterval(timer));
  },
  '/to-mirror': (res) => res.writeHead(302, { location: at('/good.mql.yaml', 'mirror.test') }).end(),
  '/relative': (res) => res.writeHead(301, { location: '/good.mql.yaml' }).end(),
  '/to-http': (res) => res.writeHead(302, { location: `http://bundles.test:${plainPort}/good.mql.yaml` }).end(),
  '/to-ip': (res) => res.writeHead(307, { location: `https://127.0.0.1:${port}/good.mql.yaml` }).end(),
  '/to-userinfo': (res) => res.writeHead(308, { location: `https://okta:00secret@bundles.test:${port}/good.mql.yaml` }).end(),
  '/loop': (res) => res.writeHead(302, { location: '/loop' }).end(),
  '/nowhere': (res) => res.writeHead(302).end(),
  '/with-cookie': (res) => res.writeHead(302, { location: '/good.mql.yaml', 'set-cookie': 'session=abc123; Secure' }).end(),
  '/html': (res) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end('<!doctype html><title>GitHub</title>'),
  '/binary': (res) => res.writeHead(200, { 'content-type': 'application/octet-stream' }).end(Buffer.from([0x1f, 0x8b, 0x08, 0x00, 0x00])),
  '/latin1': (res) => res.writeHead(200, { 'content-type': 'text/plain' }).end(Buffer.from('title: caf\xe9\n', 'latin1')),
};

function route(path: string): Route | undefined {
  const hops = /^\/hops\/(\d+)$/.exec(path);
  if (hops) {
    const n = Number(hops[1]);
    return (res) => res.writeHead(302, { location: n > 0 ? `/hops/${n - 1}` : '/good.mql.yaml' }).end();
  }
  const meet = /^\/meet\/(\w+)\/(\w+)$/.exec(path);
  if (meet) {
    // Answers only once the other request has arrived too: passes only if both are in flight at once.
    const [, self, other] = meet;
    return (res) => {
      const answer = () => res.writeHead(200, { 'content-type': 'text/plain' }).end(GOOD);
      const partner = waiting.get(other!);
      if (partner) {
        waiting.delete(other!);
        partner();
        answer();
      } else waiting.set(self!, answer);
    };
  }
  return routes[path];
}

/** A raw TLS server for answers Node's HTTP server will not write: headers that lie. */
const RAW: Record<string, string> = {
  '/short-length': `HTTP/1.1 200 OK\r\nContent-Length: 100\r\nConnection: close\r\n\r\n${'d'.repeat(8192)}`,
  '/length-and-chunked': `HTTP/1.1 200 OK\r\nContent-Length: 100\r\nTransfer-Encoding: chunked\r\n\r\n2000\r\n${'e'.repeat(8192)}\r\n0\r\n\r\n`,
  '/until-close': `HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nConnection: close\r\n\r\n${'f'.repeat(8192)}`,
};

function listen(s: Server | PlainServer | tls.Server): Promise<AddressInfo> {
  return new Promise((resolve) => s.listen(0, 'localhost', () => resolve(s.address() as AddressInfo)));
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'okta-posture-remote-'));
  execFileSync('/usr/bin/openssl', [
    'req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '1',
    '-subj', '/CN=bundles.test', '-addext', 'subjectAltName=DNS:bundles.test,DNS:mirror.test,DNS:localhost,IP:127.0.0.1,IP:::1',
    '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem'),
  ], { stdio: 'ignore' });
  cert = readFileSync(join(dir, 'cert.pem'));
  key = readFileSync(join(dir, 'key.pem'));

  server = createTlsServer({ key, cert }, (req, res) => {
    received.push({ path: req.url!, headers: req.headers });
    const handler = route(new URL(req.url!, 'https://x').pathname);
    if (handler) handler(res, req.url!);
    else res.writeHead(404).end();
  });
  plain = createPlainServer((req, res) => {
    plainReceived.push(req.url!);
    res.writeHead(200).end(GOOD);
  });
  liar = tls.createServer({ key, cert, ALPNProtocols: ['http/1.1'] }, (socket) => {
    socket.on('error', () => {});
    socket.once('data', (head) => {
      const path = /^GET (\S+)/.exec(head.toString('latin1'))?.[1] ?? '';
      socket.end(RAW[path] ?? 'HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n');
    });
  });
  const address = await listen(server);
  port = address.port;
  plainPort = (await listen(plain)).port;
  liarPort = (await listen(liar)).port;

  // bundles.test and mirror.test are this machine; the test certificate is the only one trusted.
  const lookup = ((_host: string, options: { all?: boolean }, callback: (...args: unknown[]) => void) => {
    const family = address.family === 'IPv6' ? 6 : 4;
    if (options.all) callback(null, [{ address: address.address, family }]);
    else callback(null, address.address, family);
  }) as unknown as LookupFunction;
  agent = new Agent({ connect: { ca: cert, lookup } });
});

afterAll(async () => {
  await agent?.destroy();
  for (const s of [server, plain, liar]) {
    if (!s) continue;
    if ('closeAllConnections' in s) s.closeAllConnections();
    await new Promise((resolve) => s.close(resolve));
  }
  rmSync(dir, { recursive: true, force: true });
});

afterEach(() => {
  received.length = 0;
  plainReceived.length = 0;
  waiting.clear();
});

const options = (more: FetchBundleOptions = {}): FetchBundleOptions => ({ dispatcher: agent, timeoutMs: 2_000, ...more });

/** The BundleFetchError a fetch fails with. */
async function failure(url: string, more: FetchBundleOptions = {}): Promise<BundleFetchError> {
  const error = await fetchBundle(url, options(more)).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(BundleFetchError);
  return error as BundleFetchError;
}

describe('isBundleUrl', () => {
  it.each(['https://raw.githubusercontent.com/mondoohq/cnspec/refs/heads/main/content/mondoo-okta-organization-security.mql.yaml', 'http://example.com/x.yaml', 'file:///etc/passwd', 'FILE:/etc/passwd', '  https://a.example/b  '])(
    'takes %s for a URL',
    (s) => expect(isBundleUrl(s)).toBe(true),
  );
  it.each(['policies/okta.mql.yaml', 'policies/**/*.mql.yaml', './https.mql.yaml', 'C:/policies/x.yaml', '/abs/path.yaml'])('takes %s for a file', (s) =>
    expect(isBundleUrl(s)).toBe(false),
  );
});

describe('fetchBundle', () => {
  it('returns the text, named by its URL', async () => {
    const url = at('/good.mql.yaml');
    await expect(fetchBundle(url, options())).resolves.toEqual({ file: url, text: GOOD });
  });

  it('sends a user agent and an accept header, and no credential even with Okta secrets in the environment', async () => {
    const secrets = { OKTA_API_TOKEN: '00envTokenSecret', OKTA_CLIENT_ID: '0oaEnvClient', OKTA_PRIVATE_KEY: 'envPrivateKey', OKTA_ORG_URL: 'https://dev-1.okta.com' };
    const saved = Object.fromEntries(Object.keys(secrets).map((k) => [k, process.env[k]]));
    Object.assign(process.env, secrets);
    try {
      await fetchBundle(at('/good.mql.yaml'), options());
    } finally {
      for (const [k, v] of Object.entries(saved)) {
        if (v === undefined) delete process.env[k];
        else process.env[k] = v;
      }
    }
    expect(received).toHaveLength(1);
    const headers = received[0]!.headers;
    expect(headers['user-agent']).toBe(`okta-posture/${VERSION}`);
    expect(headers.accept).toBeTruthy();
    expect(headers.authorization).toBeUndefined();
    expect(headers.cookie).toBeUndefined();
    expect(headers['proxy-authorization']).toBeUndefined();
    expect(Object.keys(headers).filter((h) => !['host', 'connection', 'user-agent', 'accept'].includes(h))).toEqual([]);
    const sent = JSON.stringify(headers);
    for (const secret of Object.values(secrets)) expect(sent).not.toContain(secret);
  });

  it('says which HTTP status answered, without the body of the error page', async () => {
    const error = await failure(at('/missing'));
    expect(error.message).toBe(`the bundle at ${at('/missing')} answered HTTP 404`);
    expect(error).toMatchObject({ reason: 'status', status: 404, url: at('/missing') });
  });

  it('names the URL without its query, which may hold a token', async () => {
    const url = at('/good.mql.yaml?token=GHSAT0AAA');
    const fetched = await fetchBundle(url, options());
    expect(fetched.file).toBe(`${at('/good.mql.yaml')}?…`);
    expect(received[0]!.path).toBe('/good.mql.yaml?token=GHSAT0AAA');
    const error = await failure(at('/missing?token=GHSAT0AAA'));
    expect(error.message).not.toContain('GHSAT0AAA');
  });

  describe('size limit', () => {
    const limit = { maxBytes: 1024 };

    it('accepts a body of exactly the limit', async () => {
      await expect(fetchBundle(at('/just-under'), options(limit))).resolves.toMatchObject({ text: 'c'.repeat(1024) });
    });

    it('refuses a body whose Content-Length is above the limit', async () => {
      const error = await failure(at('/large-declared'), limit);
      expect(error.message).toBe(`the bundle at ${at('/large-declared')} is larger than 1 KiB`);
      expect(error.reason).toBe('size');
    });

    it('refuses a streamed body without Content-Length once it passes the limit', async () => {
      expect((await failure(at('/large-streamed'), limit)).reason).toBe('size');
    });

    it('refuses a body delimited by the connection closing', async () => {
      expect((await failure(`https://bundles.test:${liarPort}/until-close`, limit)).message).toMatch(/is larger than 1 KiB$/);
    });

    it('does not let a lying Content-Length carry more than the limit', async () => {
      // Content-Length under the limit with a larger chunked body: refused.
      const smuggled = await failure(`https://bundles.test:${liarPort}/length-and-chunked`, limit);
      expect(smuggled.message).toMatch(/could not be fetched: the answer's Content-Length did not match its body$/);
      // Content-Length under the limit with more bytes after it: only what was declared is read.
      const short = await fetchBundle(`https://bundles.test:${liarPort}/short-length`, options(limit));
      expect(short.text).toBe('d'.repeat(100));
    });

    it('is 2 MiB by default', async () => {
      const big = 'x'.repeat(2 * 1024 * 1024 + 1);
      routes['/default-limit'] = (res) => res.writeHead(200).end(big);
      try {
        expect((await failure(at('/default-limit'))).message).toBe(`the bundle at ${at('/default-limit')} is larger than 2 MiB`);
      } finally {
        delete routes['/default-limit'];
      }
    });
  });

  describe('timeout', () => {
    it('covers waiting for the answer', async () => {
      const error = await failure(at('/no-headers'), { timeoutMs: 200 });
      expect(error.message).toBe(`the bundle at ${at('/no-headers')} did not arrive within 0.2 s`);
      expect(error.reason).toBe('timeout');
    });

    it('covers a body that stops', async () => {
      expect((await failure(at('/stalled-body'), { timeoutMs: 200 })).reason).toBe('timeout');
    });

    it('covers the whole body, even when each piece comes in time', async () => {
      const started = Date.now();
      expect((await failure(at('/trickle'), { timeoutMs: 250 })).reason).toBe('timeout');
      expect(Date.now() - started).toBeLessThan(2_000);
    });
  });

  describe('redirects', () => {
    it('follows an https redirect to another host, still naming the URL given', async () => {
      await expect(fetchBundle(at('/to-mirror'), options())).resolves.toEqual({ file: at('/to-mirror'), text: GOOD });
      expect(received.map((r) => r.headers.host)).toEqual([`bundles.test:${port}`, `mirror.test:${port}`]);
    });

    it('follows a relative redirect', async () => {
      await expect(fetchBundle(at('/relative'), options())).resolves.toMatchObject({ text: GOOD });
    });

    it('refuses a redirect to http, without requesting it', async () => {
      const error = await failure(at('/to-http'));
      expect(error.reason).toBe('redirect');
      expect(error.message).toBe(
        `the bundle at ${at('/to-http')} redirected to http://bundles.test:${plainPort}/good.mql.yaml, uses http, not https; every redirect must meet the same rules as the URL given`,
      );
      expect(plainReceived).toEqual([]);
    });

    it('refuses a redirect to an IP address or to a URL with a password', async () => {
      expect((await failure(at('/to-ip'))).message).toMatch(/redirected to https:\/\/127\.0\.0\.1:\d+\/good\.mql\.yaml, names its host by IP address/);
      const error = await failure(at('/to-userinfo'));
      expect(error.message).toMatch(/holds a user name or password/);
      expect(error.message).not.toContain('00secret');
      expect(paths()).toEqual(['/to-ip', '/to-userinfo']);
    });

    it('follows at most 3 by default, and as many as asked', async () => {
      await expect(fetchBundle(at('/hops/2'), options())).resolves.toMatchObject({ text: GOOD });
      expect((await failure(at('/hops/3'))).message).toBe(`the bundle at ${at('/hops/3')} redirected more than 3 times`);
      expect((await failure(at('/hops/1'), { maxRedirects: 1 })).reason).toBe('redirect');
      await expect(fetchBundle(at('/hops/0'), options({ maxRedirects: 1 }))).resolves.toMatchObject({ text: GOOD });
    });

    it('stops a loop', async () => {
      const error = await failure(at('/loop'));
      expect(error.reason).toBe('redirect');
      expect(paths()).toEqual(['/loop', '/loop', '/loop', '/loop']);
    });

    it('refuses a redirect that does not say where to', async () => {
      expect((await failure(at('/nowhere'))).message).toBe(`the bundle at ${at('/nowhere')} answered HTTP 302 without saying where to go`);
    });

    it('sends no cookie the server set', async () => {
      await fetchBundle(at('/with-cookie'), options());
      expect(received.map((r) => [r.path, r.headers.cookie])).toEqual([
        ['/with-cookie', undefined],
        ['/good.mql.yaml', undefined],
      ]);
    });
  });

  describe('URLs refused before any request', () => {
    it.each([
      ['http', 'http://bundles.test/good.mql.yaml', 'the bundle URL http://bundles.test/good.mql.yaml uses http, not https'],
      ['file', 'file:///etc/passwd', 'the bundle URL file:///etc/passwd uses file, not https'],
      ['a user name and password', 'https://okta:00secret@bundles.test/good.mql.yaml', 'the bundle URL https://bundles.test/good.mql.yaml holds a user name or password'],
      ['an IPv4 address', 'https://127.0.0.1/good.mql.yaml', 'the bundle URL https://127.0.0.1/good.mql.yaml names its host by IP address'],
      ['an IPv6 address', 'https://[::1]/good.mql.yaml', 'the bundle URL https://[::1]/good.mql.yaml names its host by IP address'],
      ['text that is no URL', 'https://', "the bundle URL 'https://' is not a valid URL"],
    ])('refuses %s', async (_what, url, message) => {
      const error = await failure(url);
      expect(error.reason).toBe('url');
      expect(error.message).toBe(`${message}; okta-posture fetches https:// URLs with a host name and no user name or password`);
      expect(error.message).not.toContain('00secret');
      expect(received).toEqual([]);
      expect(plainReceived).toEqual([]);
    });
  });

  describe('content', () => {
    it('refuses an HTML page, pointing at the raw address', async () => {
      const error = await failure(at('/html'));
      expect(error.reason).toBe('content');
      expect(error.message).toMatch(/is an HTML page, not a YAML bundle .*raw\.githubusercontent\.com/);
    });

    it('refuses binary content', async () => {
      expect((await failure(at('/binary'))).message).toBe(`the bundle at ${at('/binary')} is binary, not YAML text`);
    });

    it('refuses text that is not UTF-8', async () => {
      expect((await failure(at('/latin1'))).message).toBe(`the bundle at ${at('/latin1')} is not UTF-8 text`);
    });
  });

  it('without a dispatcher, uses an agent of its own that verifies certificates', async () => {
    const url = `https://localhost:${port}/good.mql.yaml`;
    const error = await fetchBundle(url, { timeoutMs: 2_000 }).then(
      () => undefined,
      (e: unknown) => e as BundleFetchError,
    );
    expect(error).toBeInstanceOf(BundleFetchError);
    expect(error!.reason).toBe('network');
    expect(error!.message).toMatch(/^the bundle at https:\/\/localhost:\d+\/good\.mql\.yaml could not be fetched: the server's certificate was not accepted/);
    expect(received).toEqual([]);
  });
});

describe('fetchBundles', () => {
  it('fetches in parallel and reports each failure with its URL, in order', async () => {
    const urls = [at('/meet/a/b'), at('/missing'), 'http://bundles.test/x.mql.yaml', at('/meet/b/a'), at('/meet/a/b')];
    const { files, errors } = await fetchBundles(urls, options());
    expect(files).toEqual([
      { file: at('/meet/a/b'), text: GOOD },
      { file: at('/meet/b/a'), text: GOOD },
    ]);
    expect(errors.map((e) => [e.url, e.reason])).toEqual([
      [at('/missing'), 'status'],
      ['http://bundles.test/x.mql.yaml', 'url'],
    ]);
  });
});

describe('a fetched bundle in lint', () => {
  it('names the URL and the line in every diagnostic', async () => {
    const url = at('/mistakes.mql.yaml');
    const fetched = await fetchBundle(url, options());
    const loaded = loadBundleTexts([fetched]);
    const diagnostics = [...loaded.diagnostics, ...lintBundle(loaded.bundle)];
    expect(diagnostics.length).toBeGreaterThan(3);
    for (const d of diagnostics) expect(d.at.file).toBe(url);
    const line = MISTAKES.split('\n').findIndex((l) => l.includes('most important')) + 1;
    expect(diagnostics.map(formatDiagnostic)).toContainEqual(expect.stringMatching(new RegExp(`^${literal(url)}:${line}:\\d+: error: .*'most important'`)));
    expect(displayUrl(new URL(url))).toBe(url);
  });
});

function literal(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
