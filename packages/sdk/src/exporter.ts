import { promisify } from "node:util";
import { gzip as gzipCb } from "node:zlib";
import type { Event } from "./events.js";

const gzip = promisify(gzipCb);

/** Time source and timers; injectable so tests can drive time. Handles with `unref()` (Node timers) get it called. */
export type Clock = {
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
};

export type ExporterOptions = {
  /** The Sextant app, e.g. `https://sextant.example.com`. */
  baseUrl: string;
  /** The project's secret key (`sk-…`). */
  secretKey: string;
  /** Events per batch (1..1000); a queue this long is sent at once. Default 100. */
  flushAt?: number;
  /** Otherwise the queue is sent every interval. Default 1000 ms. */
  flushIntervalMs?: number;
  /** Memory bound for queued events (serialised JSON bytes); beyond it the oldest are dropped. Default 16 MiB. */
  maxQueueBytes?: number;
  /** Retries per batch for 429, 5xx, timeouts and network errors. Default 8. */
  maxRetries?: number;
  /** Full-jitter backoff: wait uniform in [0, min(maxBackoffMs, baseBackoffMs·2^attempt)]. Defaults 250 and 30 000 ms. */
  baseBackoffMs?: number;
  maxBackoffMs?: number;
  /** Per request. Default 10 000 ms. */
  requestTimeoutMs?: number;
  /** gzip request bodies. Default true. */
  compress?: boolean;
  /** Told about every loss or failure. Never required; a handler that throws is ignored. */
  onError?: (err: Error) => void;
  fetch?: typeof fetch;
  clock?: Clock;
  random?: () => number;
};

export type ExporterStats = {
  /** Events waiting in the queue (not counting the batch in flight). */
  queued: number;
  queuedBytes: number;
  /** Events the server acknowledged (accepted or duplicate). */
  sent: number;
  /** Retry attempts (requests after the first, per batch). */
  retried: number;
  /** Events lost on our side: queue overflow, retries exhausted, permanent refusal, shutdown deadline, enqueue after shutdown. */
  dropped: number;
  /** Events the server refused as invalid (207 `rejected`). */
  rejected: number;
  /** Batches given up on (each also counted event by event in `dropped`). */
  failedBatches: number;
};

const MAX_BATCH_BYTES = 4 * 1024 * 1024;
const MAX_BATCH_EVENTS = 1000;
const MAX_TIMER_MS = 2_147_483_647;

const systemClock: Clock = {
  now: () => Date.now(),
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (h) => clearTimeout(h as NodeJS.Timeout),
};

type Item = { json: string; bytes: number };
type Batch = { items: Item[]; settled: boolean };
type Outcome =
  | { kind: "ok"; rejected: number }
  | { kind: "retry"; retryAfterMs: number | null; detail: string }
  | { kind: "permanent"; detail: string };

/** `Retry-After` (delta seconds or an HTTP date) → milliseconds to wait; null when absent or unreadable. */
export function retryAfterMs(header: string | null | undefined, now: number): number | null {
  if (header == null) return null;
  const value = header.trim();
  if (value === "") return null;
  if (/^\d+(\.\d+)?$/.test(value)) return Number(value) * 1000;
  const at = Date.parse(value);
  return Number.isFinite(at) ? Math.max(0, at - now) : null;
}

function unref(handle: unknown): void {
  if (typeof handle === "object" && handle !== null && "unref" in handle && typeof handle.unref === "function") handle.unref();
}

function errText(err: unknown): string {
  return err instanceof Error ? `${err.name}: ${err.message}` : String(err);
}

/**
 * Batches events and sends them to `POST /api/v1/ingest`.
 *
 * Runs inside the user's process, so: `enqueue` is synchronous and O(1) and never throws;
 * memory is bounded (oldest events dropped first, and counted); one batch is in flight at a
 * time; a batch is retried with the SAME event ids, so a lost answer becomes a server-side
 * duplicate, never a loss or a double count; every loss is counted in `stats()` and reported
 * to `onError`. No timer of the exporter keeps the process alive, except `shutdown()`'s
 * deadline while it is flushing.
 */
export class Exporter {
  private readonly url: string;
  private readonly secretKey: string;
  private readonly flushAt: number;
  private readonly flushIntervalMs: number;
  private readonly maxQueueBytes: number;
  private readonly maxRetries: number;
  private readonly baseBackoffMs: number;
  private readonly maxBackoffMs: number;
  private readonly requestTimeoutMs: number;
  private readonly compress: boolean;
  private readonly onError: ((err: Error) => void) | undefined;
  private readonly fetchImpl: typeof fetch;
  private readonly clock: Clock;
  private readonly random: () => number;

  // FIFO with a moving head: push and drop-oldest are O(1) amortised (no Array#shift).
  private items: (Item | undefined)[] = [];
  private head = 0;
  private bytes = 0;
  /** Events ever enqueued / ever removed from the queue (taken into a batch or dropped). */
  private enqueuedTotal = 0;
  private removedTotal = 0;
  private counters = { sent: 0, retried: 0, dropped: 0, rejected: 0, failedBatches: 0 };

  private inflight: { batch: Batch; startSeq: number; done: Promise<void> } | null = null;
  private pumping = false;
  /** The background pump sends until `removedTotal` reaches this (set by the interval timer). */
  private drainTo = 0;
  private intervalTimer: unknown = null;
  private kickTimer: unknown = null;
  private closed = false;
  /** Set at the shutdown deadline: in-flight work gives up at once. */
  private stopped = false;
  private abortInflight: (() => void) | null = null;
  private wakeSleeper: (() => void) | null = null;
  private shutdownPromise: Promise<void> | null = null;

  constructor(options: ExporterOptions) {
    const num = (v: number | undefined, d: number, min: number) => (typeof v === "number" && Number.isFinite(v) ? Math.max(min, v) : d);
    this.url = `${String(options.baseUrl).replace(/\/+$/, "")}/api/v1/ingest`;
    this.secretKey = options.secretKey;
    this.flushAt = Math.min(MAX_BATCH_EVENTS, Math.floor(num(options.flushAt, 100, 1)));
    this.flushIntervalMs = num(options.flushIntervalMs, 1000, 1);
    this.maxQueueBytes = num(options.maxQueueBytes, 16 * 1024 * 1024, 0);
    this.maxRetries = Math.floor(num(options.maxRetries, 8, 0));
    this.baseBackoffMs = num(options.baseBackoffMs, 250, 0);
    this.maxBackoffMs = num(options.maxBackoffMs, 30_000, 0);
    this.requestTimeoutMs = num(options.requestTimeoutMs, 10_000, 1);
    this.compress = options.compress ?? true;
    this.onError = options.onError;
    this.fetchImpl = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
    this.clock = options.clock ?? systemClock;
    this.random = options.random ?? Math.random;
    this.scheduleInterval();
  }

  /** Queues one event. Synchronous, O(1), never throws; ignored (and counted as dropped) after `shutdown()`. */
  enqueue(event: Event): void {
    try {
      if (this.closed) {
        this.counters.dropped += 1;
        return;
      }
      let json: string | undefined;
      try {
        json = JSON.stringify(event);
      } catch (err) {
        this.counters.dropped += 1;
        this.report(`Sextant exporter dropped an event it could not serialise: ${errText(err)}`);
        return;
      }
      if (typeof json !== "string") {
        this.counters.dropped += 1;
        this.report("Sextant exporter dropped an event that is not a JSON object");
        return;
      }
      const bytes = Buffer.byteLength(json);
      this.items.push({ json, bytes });
      this.bytes += bytes;
      this.enqueuedTotal += 1;
      let overflow = 0;
      while (this.bytes > this.maxQueueBytes && this.size() > 0) {
        this.takeOldest();
        overflow += 1;
      }
      if (overflow > 0) {
        this.counters.dropped += overflow;
        this.report(`Sextant exporter queue is over ${this.maxQueueBytes} bytes: dropped the ${overflow} oldest event(s)`);
      }
      if (this.size() >= this.flushAt) this.kickSoon();
    } catch (err) {
      this.report(`Sextant exporter enqueue failed: ${errText(err)}`);
    }
  }

  /** Sends everything queued now (events enqueued later are left to the timer). Resolves when done or given up; never rejects. */
  async flush(): Promise<void> {
    try {
      const target = this.enqueuedTotal;
      for (;;) {
        if (this.stopped) return;
        const current = this.inflight;
        if (current) {
          if (current.startSeq >= target) return; // only newer events are in flight
          await current.done;
          continue;
        }
        if (this.removedTotal >= target || this.stopped) return;
        this.startBatch();
      }
    } catch (err) {
      this.report(`Sextant exporter flush failed: ${errText(err)}`);
    }
  }

  /**
   * Stops the timers, ignores later events, and flushes for at most `timeoutMs` (default 5 s).
   * What is still unsent at the deadline is dropped, counted and reported. Never rejects.
   */
  shutdown(timeoutMs = 5000): Promise<void> {
    if (!this.shutdownPromise) this.shutdownPromise = this.doShutdown(timeoutMs);
    return this.shutdownPromise;
  }

  stats(): ExporterStats {
    return { queued: this.size(), queuedBytes: this.bytes, ...this.counters };
  }

  /** The wait before retry `attempt` (0-based): full jitter, capped, never shorter than `retryAfter`. */
  backoffMs(attempt: number, retryAfter: number | null = null): number {
    const ceiling = Math.min(this.maxBackoffMs, this.baseBackoffMs * 2 ** attempt);
    const r = this.random();
    const jitter = (Number.isFinite(r) ? Math.min(1, Math.max(0, r)) : 0.5) * ceiling;
    return Math.max(retryAfter ?? 0, jitter);
  }

  // ---- queue ----

  private size(): number {
    return this.items.length - this.head;
  }

  private takeOldest(): Item {
    const item = this.items[this.head]!;
    this.items[this.head] = undefined;
    this.head += 1;
    this.bytes -= item.bytes;
    this.removedTotal += 1;
    if (this.head >= 1024 && this.head * 2 >= this.items.length) {
      this.items = this.items.slice(this.head);
      this.head = 0;
    }
    return item;
  }

  // ---- scheduling ----

  private scheduleInterval(): void {
    if (this.closed) return;
    this.intervalTimer = this.clock.setTimeout(() => {
      this.intervalTimer = null;
      try {
        this.drainTo = Math.max(this.drainTo, this.enqueuedTotal);
        this.pump();
      } catch (err) {
        this.report(`Sextant exporter timer failed: ${errText(err)}`);
      }
      this.scheduleInterval();
    }, this.flushIntervalMs);
    unref(this.intervalTimer);
  }

  /** A full batch is waiting: send it on the next turn of the event loop, not inside `enqueue`. */
  private kickSoon(): void {
    if (this.pumping || this.kickTimer !== null || this.closed) return;
    this.kickTimer = this.clock.setTimeout(() => {
      this.kickTimer = null;
      try {
        this.pump();
      } catch (err) {
        this.report(`Sextant exporter timer failed: ${errText(err)}`);
      }
    }, 0);
    unref(this.kickTimer);
  }

  /** The single background sender: full batches, plus everything up to `drainTo`. */
  private pump(): void {
    if (this.pumping || this.stopped) return;
    this.pumping = true;
    void (async () => {
      try {
        while (!this.stopped) {
          if (this.inflight) {
            await this.inflight.done;
            continue;
          }
          if (this.size() === 0 || (this.size() < this.flushAt && this.removedTotal >= this.drainTo)) break;
          this.startBatch();
        }
      } catch (err) {
        this.report(`Sextant exporter send loop failed: ${errText(err)}`);
      } finally {
        this.pumping = false;
      }
    })();
  }

  // ---- sending ----

  private startBatch(): void {
    const startSeq = this.removedTotal;
    const items: Item[] = [];
    let bytes = 0;
    while (this.size() > 0 && items.length < this.flushAt) {
      const next = this.items[this.head]!;
      if (items.length > 0 && bytes + next.bytes > MAX_BATCH_BYTES) break;
      items.push(this.takeOldest());
      bytes += next.bytes;
    }
    const batch: Batch = { items, settled: false };
    const done = this.send(batch)
      .catch((err: unknown) => this.giveUp(batch, `unexpected error: ${errText(err)}`))
      .finally(() => {
        if (this.inflight?.batch === batch) this.inflight = null;
      });
    this.inflight = { batch, startSeq, done };
  }

  private async send(batch: Batch): Promise<void> {
    const raw = `{"events":[${batch.items.map((i) => i.json).join(",")}]}`;
    const body = this.compress ? await gzip(raw) : Buffer.from(raw);
    for (let attempt = 0; ; attempt++) {
      if (this.stopped || batch.settled) return;
      const outcome = await this.post(body);
      if (batch.settled) return; // abandoned at the shutdown deadline
      if (outcome.kind === "ok") {
        batch.settled = true;
        const rejected = Math.min(outcome.rejected, batch.items.length);
        this.counters.sent += batch.items.length - rejected;
        this.counters.rejected += rejected;
        if (rejected > 0) this.report(`Sextant rejected ${rejected} of ${batch.items.length} events as invalid (HTTP 207)`);
        return;
      }
      if (outcome.kind === "permanent") return this.giveUp(batch, `refused: ${outcome.detail}`);
      if (attempt >= this.maxRetries) return this.giveUp(batch, `${attempt + 1} attempts failed, last: ${outcome.detail}`);
      this.counters.retried += 1;
      await this.sleep(this.backoffMs(attempt, outcome.retryAfterMs));
    }
  }

  private async post(body: Buffer): Promise<Outcome> {
    const controller = new AbortController();
    const timer = this.clock.setTimeout(() => controller.abort(new Error(`timed out after ${this.requestTimeoutMs} ms`)), this.requestTimeoutMs);
    unref(timer);
    this.abortInflight = () => controller.abort(new Error("exporter shut down"));
    try {
      const headers: Record<string, string> = { authorization: `Bearer ${this.secretKey}`, "content-type": "application/json" };
      if (this.compress) headers["content-encoding"] = "gzip";
      const res = await this.fetchImpl(this.url, { method: "POST", headers, body: new Uint8Array(body), signal: controller.signal });
      const text = await res.text().catch(() => "");
      if (res.status >= 200 && res.status < 300) return { kind: "ok", rejected: countRejected(text) };
      const detail = `HTTP ${res.status}${text ? ` ${text.slice(0, 300)}` : ""}`;
      if (res.status === 429 || res.status >= 500) {
        return { kind: "retry", retryAfterMs: retryAfterMs(res.headers.get("retry-after"), this.clock.now()), detail };
      }
      return { kind: "permanent", detail };
    } catch (err) {
      const reason = controller.signal.aborted ? controller.signal.reason : err;
      return { kind: "retry", retryAfterMs: null, detail: errText(reason) };
    } finally {
      this.clock.clearTimeout(timer);
      this.abortInflight = null;
    }
  }

  private sleep(ms: number): Promise<void> {
    return new Promise<void>((resolve) => {
      const timer = this.clock.setTimeout(() => {
        this.wakeSleeper = null;
        resolve();
      }, Math.min(MAX_TIMER_MS, ms)); // Node fires longer timers after 1 ms
      unref(timer);
      this.wakeSleeper = () => {
        this.clock.clearTimeout(timer);
        this.wakeSleeper = null;
        resolve();
      };
    });
  }

  private giveUp(batch: Batch, why: string): void {
    if (batch.settled) return;
    batch.settled = true;
    this.counters.dropped += batch.items.length;
    this.counters.failedBatches += 1;
    this.report(`Sextant exporter dropped a batch of ${batch.items.length} events: ${why}`);
  }

  private async doShutdown(timeoutMs: number): Promise<void> {
    try {
      this.closed = true;
      for (const t of [this.intervalTimer, this.kickTimer]) if (t !== null) this.clock.clearTimeout(t);
      this.intervalTimer = this.kickTimer = null;
      let deadlineTimer: unknown = null;
      // Deliberately NOT unref'd: the process stays alive until the flush ends or the deadline passes.
      const deadline = new Promise<void>((resolve) => (deadlineTimer = this.clock.setTimeout(resolve, Math.max(0, timeoutMs))));
      await Promise.race([this.flush(), deadline]);
      this.clock.clearTimeout(deadlineTimer);
      this.stopped = true;
      const current = this.inflight;
      if (current) this.giveUp(current.batch, "shutdown deadline passed (it may have been delivered)");
      this.abortInflight?.();
      this.wakeSleeper?.();
      let left = 0;
      while (this.size() > 0) {
        this.takeOldest();
        left += 1;
      }
      if (left > 0) {
        this.counters.dropped += left;
        this.report(`Sextant exporter shut down with ${left} unsent event(s): dropped`);
      }
    } catch (err) {
      this.report(`Sextant exporter shutdown failed: ${errText(err)}`);
    }
  }

  private report(message: string): void {
    try {
      this.onError?.(new Error(message));
    } catch {
      // A throwing onError must not take the exporter, or the app, down.
    }
  }
}

/** Number of entries in a 2xx answer's `rejected` array; 0 when absent or unreadable. */
function countRejected(text: string): number {
  try {
    const body: unknown = JSON.parse(text);
    if (typeof body === "object" && body !== null && "rejected" in body && Array.isArray(body.rejected)) return body.rejected.length;
  } catch {
    // A 2xx without a readable body still means the batch was stored.
  }
  return 0;
}
