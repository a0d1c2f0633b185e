// A minimal HTTP client for tests, on undici over real sockets: status, raw headers (repeated
// headers stay arrays, as `Link` lines must) and the parsed JSON body.
import { request } from 'undici';

export interface TestResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  json: any;
}

export async function get(url: string, headers: Record<string, string> = {}): Promise<TestResponse> {
  const res = await request(url, { method: 'GET', headers });
  const text = await res.body.text();
  let json: unknown;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  return { status: res.statusCode, headers: res.headers as TestResponse['headers'], text, json };
}

export const ssws = (token: string) => ({ authorization: `SSWS ${token}` });

/** The `Link` header lines of a response, always as an array. */
export function linkLines(r: TestResponse): string[] {
  const link = r.headers.link;
  return link === undefined ? [] : Array.isArray(link) ? link : [link];
}

export function nextLink(r: TestResponse): string | undefined {
  const line = linkLines(r).find((l) => l.endsWith('rel="next"'));
  return line ? line.slice(1, line.indexOf('>')) : undefined;
}

/** Follows `next` links from `url` and returns every item, with the number of pages. */
export async function readAll(url: string, token: string): Promise<{ items: any[]; pages: number }> {
  const items: any[] = [];
  let pages = 0;
  for (let next: string | undefined = url; next; ) {
    const r = await get(next, ssws(token));
    if (r.status !== 200) throw new Error(`GET ${next} answered ${r.status}: ${r.text}`);
    items.push(...r.json);
    pages++;
    next = nextLink(r);
  }
  return { items, pages };
}
