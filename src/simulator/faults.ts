// Reproducible fault injection. Whether the n-th request for a given URL fails, and how, depends
// only on the seed, the URL and n, so a run replays identically whatever order requests arrive in.

export const FAULT_KINDS = ['rate-limit', 'server-error', 'bad-gateway', 'unavailable', 'reset', 'stall', 'truncated'] as const;

export type FaultKind = (typeof FAULT_KINDS)[number];

export interface FaultOptions {
  /** Probability in [0, 1] that a request fails. */
  rate: number;
  seed: number;
  kinds?: readonly FaultKind[];
}

/** 32-bit FNV-1a, then a final avalanche: a fast, well-spread hash for the fault lottery. */
function hash32(text: string, seed: number): number {
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b) >>> 0;
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35) >>> 0;
  return (h ^ (h >>> 16)) >>> 0;
}

export class FaultPlan {
  private readonly seen = new Map<string, number>();
  private readonly kinds: readonly FaultKind[];
  readonly injected: Record<FaultKind, number> = Object.fromEntries(FAULT_KINDS.map((k) => [k, 0])) as Record<FaultKind, number>;

  constructor(private readonly options: FaultOptions) {
    if (!(options.rate >= 0 && options.rate <= 1)) throw new Error(`the fault rate must be between 0 and 1, got ${options.rate}`);
    this.kinds = options.kinds?.length ? options.kinds : FAULT_KINDS;
  }

  /** The fault for this request, if any. `key` is the method and URL path with query. */
  decide(key: string): FaultKind | undefined {
    if (this.options.rate === 0) return undefined;
    const n = (this.seen.get(key) ?? 0) + 1;
    this.seen.set(key, n);
    const roll = hash32(`${n}\u0000${key}`, this.options.seed) / 2 ** 32;
    if (roll >= this.options.rate) return undefined;
    const kind = this.kinds[hash32(`kind\u0000${n}\u0000${key}`, this.options.seed) % this.kinds.length]!;
    this.injected[kind]++;
    return kind;
  }
}
