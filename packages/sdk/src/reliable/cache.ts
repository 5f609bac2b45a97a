import * as crypto from "node:crypto";

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
  /**
   * Walks the keys oldest first and stays open: a Map iterator skips entries deleted since and
   * sees those added, so it always stands at the oldest entry, instead of each eviction's new
   * iterator scanning past every slot the evictions before it freed.
   */
  private oldest: Iterator<string> | undefined;
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
    if (this.map.size > this.maxEntries) this.map.delete(this.next());
  }

  private next(): string {
    let r = this.oldest?.next();
    if (!r || r.done) r = (this.oldest = this.map.keys()).next();
    return r.value as string;
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
  if (Array.isArray(value)) {
    let out = "[";
    for (let i = 0; i < value.length; i++) out += (i ? "," : "") + stable(value[i]);
    return `${out}]`;
  }
  const keys = Object.keys(value).sort();
  let out = "{";
  for (const k of keys) {
    const v = (value as Record<string, unknown>)[k];
    if (v === undefined || (top && IGNORED.has(k))) continue;
    out += `${out.length > 1 ? "," : ""}${JSON.stringify(k)}:${stable(v)}`;
  }
  return `${out}}`;
}

/** One-shot hashing where the runtime has it (Node ≥ 20.12): the same digest without a `Hash` object per call. */
const oneShot = (crypto as { hash?: (algorithm: string, data: string, encoding: "base64url") => string }).hash;

const digest = (text: string) => (oneShot ? oneShot("sha256", text, "base64url") : crypto.createHash("sha256").update(text).digest("base64url"));

/** Exact-match key: the provider and method plus every request field (model, parameters, messages), in a stable order. */
export function cacheKey(provider: string, params: Record<string, unknown>): string {
  return digest(`${provider}\n${stable(params, true)}`);
}

/** Requests up to this long are their own key in the built-in store (hashing costs more than the call's other steps together). */
const RAW_KEY_CHARS = 1_024;

export type CacheHit = { value: unknown; ageMs: number; stream: boolean };

function hitOf(entry: CacheEntry | undefined, maxAgeMs: number): CacheHit | undefined {
  if (!entry) return undefined;
  const ageMs = Date.now() - entry.storedAt;
  if (ageMs > maxAgeMs) return undefined;
  return { value: JSON.parse(entry.body) as unknown, ageMs, stream: entry.stream === true };
}

/** Answers kept by request key; fresh within `ttlMs`, older ones only when a fallback step allows stale. */
export class ResponseCache {
  readonly ttlMs: number;
  private readonly store: CacheStore;
  /** The store is our own in-memory one: no key leaves the process, so short requests need no hash. */
  private readonly own: boolean;
  constructor(
    o: CacheOptions = {},
    /** How long entries are worth keeping at all (the longest stale allowance of the policy). */
    private readonly keepMs = o.ttlMs ?? 600_000,
  ) {
    this.ttlMs = o.ttlMs ?? 600_000;
    this.store = o.store ?? new LruStore(o.maxEntries);
    this.own = !o.store;
  }

  /** The key a request is stored under: `cacheKey` for a store of yours; in the built-in store, a short request's own text. */
  keyOf(provider: string, params: Record<string, unknown>): string {
    const text = `${provider}\n${stable(params, true)}`;
    return this.own && text.length <= RAW_KEY_CHARS ? text : digest(text);
  }

  /** The stored answer (a fresh copy) when at most `maxAgeMs` old. A failing store counts as a miss. */
  async lookup(key: string, maxAgeMs: number): Promise<CacheHit | undefined> {
    return this.peek(key, maxAgeMs);
  }

  /** `lookup`, answered synchronously when the store is (no turn of the event loop for an in-memory cache). */
  peek(key: string, maxAgeMs: number): CacheHit | undefined | Promise<CacheHit | undefined> {
    let got: CacheEntry | undefined | Promise<CacheEntry | undefined>;
    try {
      got = this.store.get(key);
    } catch {
      return undefined;
    }
    if (got instanceof Promise) return got.then((entry) => hitOf(entry, maxAgeMs), () => undefined);
    return hitOf(got, maxAgeMs);
  }

  /** Keeps an answer (a stream: its chunks, once it completed). Never throws. */
  save(key: string, value: unknown, stream = false): void {
    try {
      const entry: CacheEntry = { body: JSON.stringify(value), storedAt: Date.now() };
      if (stream) entry.stream = true;
      const r = this.store.set(key, entry, Math.max(this.ttlMs, this.keepMs));
      if (r instanceof Promise) r.catch(() => undefined);
    } catch {
      // A cache that cannot store is a cache that misses.
    }
  }
}
