// Deterministic Okta-style ids and timestamps for generated orgs: the same org, key and clock
// always give the same objects, so fixtures are reproducible and diffs stay small.

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** A 32-bit string hash (FNV-1a with a final avalanche); fast enough for a million ids. */
function hash32(text: string, seed: number): number {
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b) >>> 0;
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35) >>> 0;
  return (h ^ (h >>> 16)) >>> 0;
}

/** A 20-character id with Okta's type prefix (`00u` users, `00g` groups, `0oa` apps, …). */
export function oktaId(prefix: string, key: string): string {
  let out = prefix;
  for (let round = 0; out.length < 20; round++) {
    // Each round yields five base62 digits (62^5 < 2^32); rounds are independently seeded.
    let h = hash32(key, round * 0x9e3779b1);
    for (let d = 0; d < 5 && out.length < 20; d++) {
      out += BASE62[h % 62];
      h = Math.floor(h / 62);
    }
  }
  return out;
}

/** Timestamps relative to a fixed "now", in Okta's format (milliseconds, Z). */
export class Timeline {
  private readonly cache = new Map<number, string>();

  constructor(readonly now: Date) {}

  ago(days: number, hours = 0): string {
    const offset = (days * 24 + hours) * 3_600_000;
    let text = this.cache.get(offset);
    if (text === undefined) {
      text = new Date(Math.floor((this.now.getTime() - offset) / 1000) * 1000).toISOString();
      this.cache.set(offset, text);
    }
    return text;
  }

  ahead(days: number): string {
    return this.ago(-days);
  }
}
