import type { Event, Score } from "./events.js";
import { Exporter, type ExporterStats } from "./exporter.js";
import type { ResolvedOptions } from "./config.js";
import { errText } from "./exporter-transport.js";

export type SextantStats = ExporterStats & { scores: ExporterStats };

const EMPTY: ExporterStats = { queued: 0, queuedBytes: 0, sent: 0, retried: 0, dropped: 0, rejected: 0, failedBatches: 0 };

/**
 * Where finished spans and model calls go. `record` only appends to an array; the
 * serialising, redaction and queueing happen on a later turn of the event loop, so the
 * wrapped call returns to the app first.
 */
export class Recorder {
  readonly active: boolean;
  private readonly events: Exporter | null;
  private readonly scores: Exporter | null;
  private pending: Event[] = [];
  private drainScheduled = false;
  private readonly onBeforeExit = () => {
    if (this.pending.length > 0 || (this.events?.stats().queued ?? 0) > 0 || (this.scores?.stats().queued ?? 0) > 0) void this.flush();
  };

  constructor(private readonly o: ResolvedOptions) {
    this.active = o.enabled && !!o.secretKey;
    if (o.enabled && !o.secretKey) this.report("Sextant: no secret key (option secretKey or SEXTANT_SECRET_KEY); nothing will be recorded");
    if (!this.active) {
      this.events = this.scores = null;
      return;
    }
    const common = { baseUrl: o.baseUrl, secretKey: o.secretKey!, maxRetries: o.maxRetries, requestTimeoutMs: o.requestTimeoutMs, fetch: o.fetch, onError: o.onError };
    this.events = new Exporter({ ...common, flushAt: o.flushAt, flushIntervalMs: o.flushIntervalMs, maxQueueBytes: o.maxQueueBytes });
    this.scores = new Exporter({ ...common, endpoint: "scores", flushIntervalMs: o.flushIntervalMs, maxQueueBytes: 1024 * 1024 });
    if (o.exitHooks) process.on("beforeExit", this.onBeforeExit);
  }

  /** Whether a new trace is kept (sampling is decided once, at its root). */
  sampleNew(): boolean {
    return this.active && (this.o.sampleRate >= 1 || Math.random() < this.o.sampleRate);
  }

  record(event: Event): void {
    if (!this.active) return;
    this.pending.push(event);
    if (!this.drainScheduled) {
      this.drainScheduled = true;
      setImmediate(() => this.drain());
    }
  }

  score(score: Score): void {
    this.scores?.enqueue(score);
  }

  private drain(): void {
    this.drainScheduled = false;
    const batch = this.pending;
    this.pending = [];
    for (let event of batch) {
      try {
        if (this.o.environment !== undefined && event.environment === undefined) event.environment = this.o.environment;
        if (this.o.release !== undefined && event.release === undefined) event.release = this.o.release;
        if (!this.o.captureContent) {
          delete event.input;
          delete event.output;
        }
        if (this.o.redact) {
          const next = this.o.redact(event);
          if (!next) continue;
          event = next;
        }
        this.events!.enqueue(event);
      } catch (err) {
        this.report(`Sextant dropped an event: redact failed: ${errText(err)}`);
      }
    }
  }

  /** Sends everything recorded so far. Never rejects. */
  async flush(): Promise<void> {
    this.drain();
    await Promise.all([this.events?.flush(), this.scores?.flush()]);
  }

  /** Flushes for at most `timeoutMs`, then stops; later records are dropped and counted. Never rejects. */
  async shutdown(timeoutMs = 5000): Promise<void> {
    process.off("beforeExit", this.onBeforeExit);
    this.drain();
    await Promise.all([this.events?.shutdown(timeoutMs), this.scores?.shutdown(timeoutMs)]);
  }

  stats(): SextantStats {
    return { ...(this.events?.stats() ?? EMPTY), queued: (this.events?.stats().queued ?? 0) + this.pending.length, scores: this.scores?.stats() ?? EMPTY };
  }

  report(message: string): void {
    try {
      if (this.o.onError) this.o.onError(new Error(message));
      else console.warn(message);
    } catch {
      // A throwing onError must not reach the app.
    }
  }
}
