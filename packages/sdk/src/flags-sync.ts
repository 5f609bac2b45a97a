import { errText, fullJitterMs, retryAfterMs } from "./exporter-transport.js";
import { openSse } from "./flags-sse.js";

export type FlagSyncOptions = {
  baseUrl: string;
  key: string;
  environment: string;
  /** 0: no polling. */
  pollIntervalMs: number;
  stream: boolean;
  requestTimeoutMs: number;
  /** Reconnect backoff of the stream: full jitter between these. */
  streamBackoffMs: { base: number; max: number };
  /** The stream counts as dead after this long without a byte (the server sends a heartbeat every 15 s). */
  streamIdleTimeoutMs: number;
  fetch?: typeof fetch;
  /** The revision being served, and its ETag (sent as If-None-Match). */
  current(): { revision: number | null; etag: string | null };
  /** A 200 answer: a new config to compile and serve. */
  onConfig(body: unknown, etag: string | null): void;
  /** Called after every fetch: null when it worked (200 or 304), else why not. */
  onFetched(problem: string | null): void;
  onStreaming(connected: boolean): void;
  report(message: string): void;
};

/** A server without the stream route (or a key it refuses) is asked again this rarely; polling goes on. */
const STREAM_UNAVAILABLE_RETRY_MS = 5 * 60_000;
/** A stream that lasted this long resets the backoff: its end was routine, not a failure. */
const STREAM_HEALTHY_MS = 30_000;

/**
 * Keeps the served config current: fetches `/api/v1/flags/config` with If-None-Match (at
 * start, every poll interval, and whenever the stream announces another revision) and keeps
 * one `/api/v1/flags/stream` connection open, reconnecting with backoff. Polling runs even
 * while the stream is up: it costs a 304, and covers a stream that is silently stuck.
 * Every timer and socket is unref'd; nothing here throws.
 */
export class FlagSync {
  private inFlight: Promise<void> | null = null;
  private again = false;
  private pollTimer: NodeJS.Timeout | null = null;
  private closeStream: (() => void) | null = null;
  private wake: (() => void) | null = null;
  private closed = false;

  constructor(private readonly o: FlagSyncOptions) {}

  /** Starts polling and the stream; resolves after the first fetch (however it went). */
  start(): Promise<void> {
    const first = this.refresh();
    if (this.o.pollIntervalMs > 0) this.schedulePoll();
    if (this.o.stream) void this.streamLoop();
    return first;
  }

  /** Fetches the config now (one at a time; a call during a fetch makes one more after it). */
  refresh(): Promise<void> {
    if (this.closed) return Promise.resolve();
    if (this.inFlight) {
      this.again = true;
      return this.inFlight;
    }
    this.inFlight = this.fetchConfig().finally(() => {
      this.inFlight = null;
      if (this.again && !this.closed) {
        this.again = false;
        void this.refresh();
      }
    });
    return this.inFlight;
  }

  close(): void {
    this.closed = true;
    if (this.pollTimer) clearTimeout(this.pollTimer);
    this.closeStream?.();
    this.wake?.();
  }

  private url(path: string): string {
    return `${this.o.baseUrl.replace(/\/+$/, "")}/api/v1/flags/${path}?environment=${encodeURIComponent(this.o.environment)}`;
  }

  private schedulePoll(): void {
    if (this.closed) return;
    this.pollTimer = setTimeout(() => {
      void this.refresh().finally(() => this.schedulePoll());
    }, this.o.pollIntervalMs);
    this.pollTimer.unref();
  }

  /** A network failure is tried once more at once: a kept-alive socket the server closed fails the first try. */
  private async fetchConfig(): Promise<void> {
    const problem = await this.fetchOnce();
    if (problem?.network && !this.closed) this.o.onFetched((await this.fetchOnce())?.detail ?? null);
    else this.o.onFetched(problem?.detail ?? null);
  }

  private async fetchOnce(): Promise<{ detail: string; network: boolean } | null> {
    const headers: Record<string, string> = { authorization: `Bearer ${this.o.key}`, accept: "application/json" };
    const { etag } = this.o.current();
    if (etag) headers["if-none-match"] = etag;
    try {
      const res = await (this.o.fetch ?? fetch)(this.url("config"), { headers, signal: AbortSignal.timeout(this.o.requestTimeoutMs) });
      if (res.status === 304) {
        await res.body?.cancel();
        return null;
      }
      const text = await res.text();
      if (res.status !== 200) return { detail: `HTTP ${res.status}${text ? ` ${text.slice(0, 200)}` : ""}`, network: false };
      this.o.onConfig(JSON.parse(text), res.headers.get("etag"));
      return null;
    } catch (err) {
      return { detail: errText(err), network: !(err instanceof SyntaxError) };
    }
  }

  /** One connection at a time, for the client's life; the first event of each says the current revision. */
  private async streamLoop(): Promise<void> {
    let attempt = 0;
    while (!this.closed) {
      const started = Date.now();
      const sse = openSse({
        url: this.url("stream"),
        headers: { authorization: `Bearer ${this.o.key}` },
        idleTimeoutMs: this.o.streamIdleTimeoutMs,
        onEvent: (event, data) => {
          if (event !== "revision") return;
          this.o.onStreaming(true);
          const revision = readRevision(data);
          if (revision === null || revision !== this.o.current().revision) void this.refresh();
        },
      });
      this.closeStream = sse.close;
      const end = await sse.done;
      this.closeStream = null;
      this.o.onStreaming(false);
      if (this.closed) return;
      let waitMs: number;
      if (end.kind === "http" && [401, 403, 404, 405].includes(end.status)) {
        // No stream here (an older server) or the key may not use it: polling carries on alone.
        this.o.report(`Sextant flags stream unavailable (${end.detail}); polling every ${this.o.pollIntervalMs} ms instead`);
        waitMs = STREAM_UNAVAILABLE_RETRY_MS;
      } else {
        if (end.kind !== "ended" || Date.now() - started < STREAM_HEALTHY_MS) attempt += 1;
        else attempt = 0;
        if (end.kind !== "ended" && attempt === 1) this.o.report(`Sextant flags stream lost (${end.detail}); reconnecting with backoff, polling meanwhile`);
        const retryAfter = end.kind === "http" ? retryAfterMs(end.retryAfter, Date.now()) : null;
        waitMs = attempt === 0 ? 0 : fullJitterMs(attempt - 1, this.o.streamBackoffMs.base, this.o.streamBackoffMs.max, Math.random(), retryAfter);
      }
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, waitMs);
        t.unref();
        this.wake = () => (clearTimeout(t), resolve());
      });
      this.wake = null;
    }
  }
}

function readRevision(data: string): number | null {
  try {
    const r = (JSON.parse(data) as { revision?: unknown }).revision;
    return typeof r === "number" ? r : null;
  } catch {
    return null;
  }
}
