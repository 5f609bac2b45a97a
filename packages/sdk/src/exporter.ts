import { promisify } from "node:util";
import { gzip as gzipCb } from "node:zlib";
import type { Event, Score } from "./events.js";
import { BoundedQueue, type QueuedEvent } from "./exporter-queue.js";
import { sleepUnlessWoken, systemClock, unref, type Clock, type ExporterOptions, type ExporterStats } from "./exporter-options.js";
import { errText, fullJitterMs, postBatch, type Outcome } from "./exporter-transport.js";

export type { Clock, ExporterOptions, ExporterStats } from "./exporter-options.js";

export { retryAfterMs } from "./exporter-transport.js";

const gzip = promisify(gzipCb);

const MAX_BATCH_BYTES = 4 * 1024 * 1024;
const MAX_BATCH_EVENTS = 1000;

type Batch = { items: QueuedEvent[]; settled: boolean };

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
  private readonly field: "events" | "scores";
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

  private readonly queue: BoundedQueue;
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
    this.field = options.endpoint === "scores" ? "scores" : "events";
    this.url = `${String(options.baseUrl).replace(/\/+$/, "")}/api/v1/${options.endpoint === "scores" ? "scores" : "ingest"}`;
    this.secretKey = options.secretKey;
    this.flushAt = Math.min(MAX_BATCH_EVENTS, Math.floor(num(options.flushAt, 100, 1)));
    this.flushIntervalMs = num(options.flushIntervalMs, 1000, 1);
    this.maxQueueBytes = num(options.maxQueueBytes, 16 * 1024 * 1024, 0);
    this.queue = new BoundedQueue(this.maxQueueBytes);
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
  enqueue(event: Event | Score): void {
    try {
      if (this.closed) return void (this.counters.dropped += 1);
      let json: string | undefined;
      let why = "it is not a JSON object";
      try {
        json = JSON.stringify(event);
      } catch (err) {
        why = `it could not be serialised: ${errText(err)}`;
      }
      if (typeof json !== "string") {
        this.counters.dropped += 1;
        return this.report(`Sextant exporter dropped an event: ${why}`);
      }
      const overflow = this.queue.push({ json, bytes: Buffer.byteLength(json) });
      if (overflow > 0) {
        this.counters.dropped += overflow;
        this.report(`Sextant exporter queue is over ${this.maxQueueBytes} bytes: dropped the ${overflow} oldest event(s)`);
      }
      if (this.queue.size >= this.flushAt) this.kickSoon();
    } catch (err) {
      this.report(`Sextant exporter enqueue failed: ${errText(err)}`);
    }
  }

  /** Sends everything queued now (events enqueued later are left to the timer). Resolves when done or given up; never rejects. */
  async flush(): Promise<void> {
    try {
      const target = this.queue.addedTotal;
      for (;;) {
        if (this.stopped) return;
        const current = this.inflight;
        if (current) {
          if (current.startSeq >= target) return; // only newer events are in flight
          await current.done;
          continue;
        }
        if (this.queue.removedTotal >= target || this.stopped) return;
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
    return { queued: this.queue.size, queuedBytes: this.queue.bytes, ...this.counters };
  }

  /** The wait before retry `attempt` (0-based): full jitter, capped, never shorter than `retryAfter`. */
  backoffMs(attempt: number, retryAfter: number | null = null): number {
    return fullJitterMs(attempt, this.baseBackoffMs, this.maxBackoffMs, this.random(), retryAfter);
  }

  // ---- scheduling ----

  private scheduleInterval(): void {
    if (this.closed) return;
    this.intervalTimer = this.clock.setTimeout(() => {
      this.intervalTimer = null;
      try {
        this.drainTo = Math.max(this.drainTo, this.queue.addedTotal);
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
          if (this.queue.size === 0 || (this.queue.size < this.flushAt && this.queue.removedTotal >= this.drainTo)) break;
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
    const startSeq = this.queue.removedTotal;
    const items: QueuedEvent[] = [];
    let bytes = 0;
    while (this.queue.size > 0 && items.length < this.flushAt) {
      const next = this.queue.peek()!;
      if (items.length > 0 && bytes + next.bytes > MAX_BATCH_BYTES) break;
      items.push(this.queue.takeOldest());
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
    const raw = `{"${this.field}":[${batch.items.map((i) => i.json).join(",")}]}`;
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
      const nap = sleepUnlessWoken(this.clock, this.backoffMs(attempt, outcome.retryAfterMs));
      this.wakeSleeper = nap.wake;
      await nap.done;
      this.wakeSleeper = null;
    }
  }

  private async post(body: Buffer): Promise<Outcome> {
    const controller = new AbortController();
    const timer = this.clock.setTimeout(() => controller.abort(new Error(`timed out after ${this.requestTimeoutMs} ms`)), this.requestTimeoutMs);
    unref(timer);
    this.abortInflight = () => controller.abort(new Error("exporter shut down"));
    try {
      return await postBatch({ fetch: this.fetchImpl, url: this.url, secretKey: this.secretKey, body, gzipped: this.compress, signal: controller.signal, now: () => this.clock.now() });
    } finally {
      this.clock.clearTimeout(timer);
      this.abortInflight = null;
    }
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
      const left = this.queue.clear();
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
