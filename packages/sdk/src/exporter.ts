import { promisify } from "node:util";
import { gzip as gzipCb } from "node:zlib";
import type { Event } from "./events.js";

const gzip = promisify(gzipCb);

export type Clock = {
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
};

export type ExporterOptions = {
  baseUrl: string;
  secretKey: string;
  /** Events per batch (≤ 1000); reaching it triggers a send. */
  flushAt?: number;
  flushIntervalMs?: number;
  /** Memory bound for queued events; beyond it the oldest are dropped and counted. */
  maxQueueBytes?: number;
  maxRetries?: number;
  baseBackoffMs?: number;
  maxBackoffMs?: number;
  requestTimeoutMs?: number;
  compress?: boolean;
  onError?: (err: unknown) => void;
  fetch?: typeof fetch;
  clock?: Clock;
  random?: () => number;
};

export type ExporterStats = { queued: number; queuedBytes: number; sent: number; retried: number; dropped: number; rejected: number; failedBatches: number };

const realClock: Clock = {
  now: () => Date.now(),
  setTimeout: (fn, ms) => {
    const t = setTimeout(fn, ms);
    t.unref?.();
    return t;
  },
  clearTimeout: (h) => clearTimeout(h as NodeJS.Timeout),
};

type Queued = { json: string; bytes: number };

/** Seconds or an HTTP date → milliseconds to wait; null when absent or unreadable. */
export function retryAfterMs(header: string | null, now: number): number | null {
  if (!header) return null;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const at = Date.parse(header);
  return Number.isFinite(at) ? Math.max(0, at - now) : null;
}

/**
 * Batches events and sends them to `/api/v1/ingest`. Never throws into the caller,
 * never blocks it, keeps memory bounded, and retries a batch with the same event
 * ids so the server's idempotency turns a lost answer into a duplicate, not a loss.
 */
export class Exporter {
  private readonly o: Required<Omit<ExporterOptions, "onError" | "fetch" | "clock" | "random">> & Pick<ExporterOptions, "onError">;
  private readonly fetchImpl: typeof fetch;
  private readonly clock: Clock;
  private readonly random: () => number;
  private queue: Queued[] = [];
  private queuedBytes = 0;
  private counters = { sent: 0, retried: 0, dropped: 0, rejected: 0, failedBatches: 0 };
  private timer: unknown = null;
  private sending: Promise<void> | null = null;
  private closed = false;

  constructor(options: ExporterOptions) {
    this.o = {
      flushAt: Math.min(1000, Math.max(1, options.flushAt ?? 100)),
      flushIntervalMs: options.flushIntervalMs ?? 1000,
      maxQueueBytes: options.maxQueueBytes ?? 16 * 1024 * 1024,
      maxRetries: options.maxRetries ?? 8,
      baseBackoffMs: options.baseBackoffMs ?? 250,
      maxBackoffMs: options.maxBackoffMs ?? 30_000,
      requestTimeoutMs: options.requestTimeoutMs ?? 10_000,
      compress: options.compress ?? true,
      baseUrl: options.baseUrl.replace(/\/+$/, ""),
      secretKey: options.secretKey,
      onError: options.onError,
    };
    this.fetchImpl = options.fetch ?? fetch;
    this.clock = options.clock ?? realClock;
    this.random = options.random ?? Math.random;
    this.schedule(this.o.flushIntervalMs);
  }

  /** Queues one event; O(1), never throws. */
  enqueue(event: Event): void {
    try {
      if (this.closed) {
        this.counters.dropped += 1;
        return;
      }
      const json = JSON.stringify(event);
      const bytes = Buffer.byteLength(json);
      this.queue.push({ json, bytes });
      this.queuedBytes += bytes;
      while (this.queuedBytes > this.o.maxQueueBytes && this.queue.length > 0) {
        const oldest = this.queue.shift()!;
        this.queuedBytes -= oldest.bytes;
        this.counters.dropped += 1;
      }
      if (this.queue.length >= this.o.flushAt) this.schedule(0);
    } catch (err) {
      this.report(err);
    }
  }

  stats(): ExporterStats {
    return { queued: this.queue.length, queuedBytes: this.queuedBytes, ...this.counters };
  }

  /** Sends everything queued now; resolves when sent or given up, never rejects. */
  async flush(deadline = Infinity): Promise<void> {
    try {
      while (this.queue.length > 0 && this.clock.now() < deadline) {
        if (!this.sending) this.sending = this.sendOne(deadline).finally(() => (this.sending = null));
        await this.sending;
      }
      if (this.sending) await this.sending;
    } catch (err) {
      this.report(err);
    }
  }

  /** Stops the timer, flushes within the deadline, then ignores further events. */
  async shutdown(timeoutMs = 5000): Promise<void> {
    if (this.timer !== null) this.clock.clearTimeout(this.timer);
    this.timer = null;
    await this.flush(this.clock.now() + timeoutMs);
    this.closed = true;
  }

  private schedule(ms: number): void {
    if (this.closed) return;
    if (this.timer !== null) this.clock.clearTimeout(this.timer);
    this.timer = this.clock.setTimeout(() => {
      this.timer = null;
      void this.flush().finally(() => this.schedule(this.o.flushIntervalMs));
    }, ms);
  }

  private takeBatch(): Queued[] {
    const batch: Queued[] = [];
    let bytes = 0;
    while (this.queue.length > 0 && batch.length < this.o.flushAt && (batch.length === 0 || bytes + this.queue[0]!.bytes < 4 * 1024 * 1024)) {
      const item = this.queue.shift()!;
      this.queuedBytes -= item.bytes;
      bytes += item.bytes;
      batch.push(item);
    }
    return batch;
  }

  /** Full jitter: uniform in [0, min(cap, base·2^attempt)], but never before Retry-After. */
  backoffMs(attempt: number, retryAfter: number | null): number {
    const ceiling = Math.min(this.o.maxBackoffMs, this.o.baseBackoffMs * 2 ** attempt);
    return Math.max(retryAfter ?? 0, this.random() * ceiling);
  }

  private async sendOne(deadline: number): Promise<void> {
    const batch = this.takeBatch();
    if (batch.length === 0) return;
    const raw = `{"events":[${batch.map((b) => b.json).join(",")}]}`;
    const body = this.o.compress ? await gzip(raw) : Buffer.from(raw);
    for (let attempt = 0; ; attempt++) {
      const outcome = await this.post(body);
      if (outcome.kind === "ok") {
        this.counters.sent += batch.length - outcome.rejected;
        this.counters.rejected += outcome.rejected;
        if (outcome.rejected) this.report(new Error(`Sextant rejected ${outcome.rejected} of ${batch.length} events: ${outcome.detail}`));
        return;
      }
      const wait = outcome.kind === "retry" ? this.backoffMs(attempt, outcome.retryAfter) : 0;
      if (outcome.kind === "permanent" || attempt >= this.o.maxRetries || this.clock.now() + wait > deadline) {
        this.counters.dropped += batch.length;
        this.counters.failedBatches += 1;
        this.report(new Error(`Sextant ingest gave up on ${batch.length} events: ${outcome.detail}`));
        return;
      }
      this.counters.retried += 1;
      await new Promise<void>((resolve) => this.clock.setTimeout(resolve, wait));
    }
  }

  private async post(body: Buffer): Promise<{ kind: "ok"; rejected: number; detail: string } | { kind: "retry"; retryAfter: number | null; detail: string } | { kind: "permanent"; detail: string }> {
    const controller = new AbortController();
    const timer = this.clock.setTimeout(() => controller.abort(), this.o.requestTimeoutMs);
    try {
      const headers: Record<string, string> = { authorization: `Bearer ${this.o.secretKey}`, "content-type": "application/json" };
      if (this.o.compress) headers["content-encoding"] = "gzip";
      const res = await this.fetchImpl(`${this.o.baseUrl}/api/v1/ingest`, { method: "POST", headers, body: new Uint8Array(body), signal: controller.signal });
      const text = await res.text().catch(() => "");
      if (res.ok) {
        const rejected = res.status === 207 ? ((JSON.parse(text) as { rejected?: unknown[] }).rejected?.length ?? 0) : 0;
        return { kind: "ok", rejected, detail: text.slice(0, 300) };
      }
      if (res.status === 429 || res.status >= 500) return { kind: "retry", retryAfter: retryAfterMs(res.headers.get("retry-after"), this.clock.now()), detail: `HTTP ${res.status}` };
      return { kind: "permanent", detail: `HTTP ${res.status} ${text.slice(0, 300)}` };
    } catch (err) {
      return { kind: "retry", retryAfter: null, detail: err instanceof Error ? err.message : String(err) };
    } finally {
      this.clock.clearTimeout(timer);
    }
  }

  private report(err: unknown): void {
    try {
      this.o.onError?.(err);
    } catch {
      // An onError that throws must not take the exporter (or the app) down.
    }
  }
}
