import { createHash } from "node:crypto";

/** What a store keeps per request: the answer as JSON (so any store can hold it) and when it was stored. */
export type CacheEntry = { body: string; storedAt: number; stream?: boolean };

/** The small interface a cache store implements (Redis, a database, a file …). May be sync or async. */
export interface CacheStore {
  get(key: string): CacheEntry | undefined | Promise<CacheEntry | undefined>;
  /** `keepMs`: how long the entry is worth keeping (TTL plus any stale allowance), for stores that expire on their own. */
  set(key: string, entry: CacheEntry, keepMs: number): void | Promise<void>;
}

/** The default store: in memory, least recently used out first, bounded by entry count. */
export class LruStore implements CacheStore {
  private readonly map = new Map<string, CacheEntry>();
  constructor(private readonly maxEntries = 1_000) {}

  get(key: string): CacheEntry | undefined {
    const e = this.map.get(key);
    if (e) {
      this.map.delete(key);
      this.map.set(key, e);
    }
    return e;
  }

  set(key: string, entry: CacheEntry): void {
    this.map.delete(key);
    this.map.set(key, entry);
    if (this.map.size > this.maxEntries) this.map.delete(this.map.keys().next().value!);
  }

  get size(): number {
    return this.map.size;
  }
}

export type CacheOptions = {
  /** A stored answer is served as fresh this long. Default 10 minutes. */
  ttlMs?: number;
  /** Default an in-memory `LruStore` of `maxEntries` (default 1 000). */
  store?: CacheStore;
  maxEntries?: number;
};

/** Request fields that do not change the answer. */
const IGNORED = new Set(["stream_options", "signal"]);

function stable(value: unknown, top = false): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value) ?? "null";
  if (Array.isArray(value)) return `[${value.map((v) => stable(v)).join(",")}]`;
  const keys = Object.keys(value).sort();
  let out = "{";
  for (const k of keys) {
    const v = (value as Record<string, unknown>)[k];
    if (v === undefined || (top && IGNORED.has(k))) continue;
    out += `${out.length > 1 ? "," : ""}${JSON.stringify(k)}:${stable(v)}`;
  }
  return `${out}}`;
}

/** Exact-match key: the provider and method plus every request field (model, parameters, messages), in a stable order. */
export function cacheKey(provider: string, params: Record<string, unknown>): string {
  return createHash("sha256").update(provider).update("\n").update(stable(params, true)).digest("base64url");
}

/** Answers kept by request key; fresh within `ttlMs`, older ones only when a fallback step allows stale. */
export class ResponseCache {
  readonly ttlMs: number;
  private readonly store: CacheStore;
  constructor(
    o: CacheOptions = {},
    /** How long entries are worth keeping at all (the longest stale allowance of the policy). */
    private readonly keepMs = o.ttlMs ?? 600_000,
  ) {
    this.ttlMs = o.ttlMs ?? 600_000;
    this.store = o.store ?? new LruStore(o.maxEntries);
  }

  /** The stored answer (a fresh copy) when at most `maxAgeMs` old. A failing store counts as a miss. */
  async lookup(key: string, maxAgeMs: number): Promise<{ value: unknown; ageMs: number; stream: boolean } | undefined> {
    let entry: CacheEntry | undefined;
    try {
      const got = this.store.get(key);
      entry = got instanceof Promise ? await got : got;
    } catch {
      return undefined;
    }
    if (!entry) return undefined;
    const ageMs = Date.now() - entry.storedAt;
    if (ageMs > maxAgeMs) return undefined;
    return { value: JSON.parse(entry.body) as unknown, ageMs, stream: entry.stream === true };
  }

  /** Keeps an answer (a stream: its chunks, once it completed). Never throws. */
  save(key: string, value: unknown, stream = false): void {
    try {
      const r = this.store.set(key, { body: JSON.stringify(value), storedAt: Date.now(), ...(stream ? { stream } : {}) }, Math.max(this.ttlMs, this.keepMs));
      if (r instanceof Promise) r.catch(() => undefined);
    } catch {
      // A cache that cannot store is a cache that misses.
    }
  }
}
