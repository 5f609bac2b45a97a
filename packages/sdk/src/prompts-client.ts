import { errText } from "./exporter-transport.js";
import { parsePrompt, Prompt, type PromptBody, type PromptFallback } from "./prompts.js";

export type PromptClientOptions = {
  baseUrl: string;
  /** The project's secret key, or its public key (prompts are readable with either). */
  key: string | undefined;
  /** How long a fetched prompt is fresh. Default 60 s. */
  cacheTtlMs?: number;
  /** Per request. Default 5 s. */
  timeoutMs?: number;
  fetch?: typeof fetch;
  /** Told about every failed fetch (the cached or fallback prompt is used instead). */
  onError?: (err: Error) => void;
};

export type GetPromptOptions = {
  /** Which label to follow (default `production`; `latest` is the newest version). */
  label?: string;
  /** A fixed version instead of a label. */
  version?: number;
  /** Fresh for this long; after that the cached prompt is still returned at once while a background fetch refreshes it. */
  cacheTtlMs?: number;
  /** Used when the server cannot be reached (or refuses) and nothing is cached. */
  fallback?: PromptFallback;
};

/** Thrown by `get` only when there is nothing to return: no cached copy and no fallback. */
export class PromptUnavailableError extends Error {
  constructor(readonly promptName: string, readonly status: number | null, detail: string) {
    super(`Prompt "${promptName}" could not be fetched (${detail}) and there is no cached copy or fallback.`);
    this.name = "PromptUnavailableError";
  }
}

type Entry = { prompt: Prompt; etag: string | null; fetchedAt: number };
type Fetched = { ok: true; prompt: Prompt } | { ok: false; status: number | null; detail: string };

/** After a network failure, uncached reads with a fallback answer at once for this long instead of waiting again. */
const DOWN_MS = 10_000;

/**
 * Fetches prompts with an in-memory cache: fresh hits never touch the network, stale hits
 * return at once and refresh in the background (with If-None-Match, so an unchanged prompt
 * costs a 304), and a fallback stands in when the server is unreachable. Network trouble is
 * reported through `onError`, never thrown while there is something to return.
 */
export class PromptClient {
  private readonly cache = new Map<string, Entry>();
  private readonly inFlight = new Map<string, Promise<Fetched>>();
  private downUntil = 0;

  constructor(private readonly o: PromptClientOptions) {}

  /**
   * The prompt version for a label (default production) or a fixed version. `B` narrows the
   * template's type when you know it: `get<ChatMessage[]>("support")`.
   */
  async get<B extends PromptBody = PromptBody>(name: string, options: GetPromptOptions = {}): Promise<Prompt<B>> {
    return (await this.getAny(name, options)) as Prompt<B>;
  }

  private async getAny(name: string, options: GetPromptOptions): Promise<Prompt> {
    const key = cacheKey(name, options);
    const entry = this.cache.get(key);
    const now = Date.now();
    if (entry) {
      if (now - entry.fetchedAt >= (options.cacheTtlMs ?? this.o.cacheTtlMs ?? 60_000)) void this.fetch(name, options, key);
      return entry.prompt;
    }
    if (options.fallback && now < this.downUntil) return Prompt.fromFallback(name, options.fallback);
    const got = await this.fetch(name, options, key);
    if (got.ok) return got.prompt;
    if (options.fallback) return Prompt.fromFallback(name, options.fallback);
    throw new PromptUnavailableError(name, got.status, got.detail);
  }

  /** Forgets cached prompts (all, or one name's), e.g. after you moved a label yourself. */
  invalidate(name?: string): void {
    if (name === undefined) return this.cache.clear();
    for (const k of this.cache.keys()) if (k.startsWith(`${name}\u0000`)) this.cache.delete(k);
  }

  /** One fetch per key at a time; it updates the cache and never rejects. */
  private fetch(name: string, options: GetPromptOptions, key: string): Promise<Fetched> {
    const running = this.inFlight.get(key);
    if (running) return running;
    const job = this.request(name, options, key).finally(() => this.inFlight.delete(key));
    this.inFlight.set(key, job);
    return job;
  }

  private async request(name: string, options: GetPromptOptions, key: string): Promise<Fetched> {
    const entry = this.cache.get(key);
    const query = options.version !== undefined ? `version=${options.version}` : `label=${encodeURIComponent(options.label ?? "production")}`;
    const url = `${this.o.baseUrl.replace(/\/+$/, "")}/api/v1/prompts/${encodeURIComponent(name)}?${query}`;
    const headers: Record<string, string> = { accept: "application/json" };
    if (this.o.key) headers.authorization = `Bearer ${this.o.key}`;
    if (entry?.etag) headers["if-none-match"] = entry.etag;
    const abort = new AbortController();
    const timer = setTimeout(() => abort.abort(new Error(`timed out after ${this.o.timeoutMs ?? 5000} ms`)), this.o.timeoutMs ?? 5000);
    timer.unref?.();
    try {
      const res = await (this.o.fetch ?? fetch)(url, { headers, signal: abort.signal });
      if (res.status === 304 && entry) {
        entry.fetchedAt = Date.now();
        return { ok: true, prompt: entry.prompt };
      }
      const text = await res.text();
      if (res.status !== 200) return this.failed(name, res.status, `HTTP ${res.status}${text ? ` ${text.slice(0, 200)}` : ""}`, res.status >= 500 || res.status === 429);
      const prompt = parsePrompt(JSON.parse(text));
      if (!prompt) return this.failed(name, res.status, "the answer is not a prompt", false);
      this.cache.set(key, { prompt, etag: res.headers.get("etag"), fetchedAt: Date.now() });
      this.downUntil = 0;
      return { ok: true, prompt };
    } catch (err) {
      return this.failed(name, null, errText(abort.signal.aborted ? abort.signal.reason : err), true);
    } finally {
      clearTimeout(timer);
    }
  }

  private failed(name: string, status: number | null, detail: string, down: boolean): Fetched {
    if (down) this.downUntil = Date.now() + DOWN_MS;
    try {
      const err = new Error(`Sextant could not fetch prompt "${name}": ${detail}`);
      if (this.o.onError) this.o.onError(err);
      else console.warn(err.message);
    } catch {
      // A throwing onError must not reach the app.
    }
    return { ok: false, status, detail };
  }
}

function cacheKey(name: string, o: GetPromptOptions): string {
  return `${name}\u0000${o.version !== undefined ? `v${o.version}` : `l${o.label ?? "production"}`}`;
}
