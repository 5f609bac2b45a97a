/** Time source and timers; injectable so tests can drive time. Handles with `unref()` (Node timers) get it called. */
export type Clock = {
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
};

export type ExporterOptions = {
  /** The Sextant app, e.g. `https://sextant.example.com`. */
  baseUrl: string;
  /** Where batches go: `ingest` (events, the default) or `scores` (`POST /api/v1/scores`). */
  endpoint?: "ingest" | "scores";
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

export const systemClock: Clock = {
  now: () => Date.now(),
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (h) => clearTimeout(h as NodeJS.Timeout),
};

/** Node timers have unref(): the exporter's timers must never keep the process alive. */
export function unref(handle: unknown): void {
  if (typeof handle === "object" && handle !== null && "unref" in handle && typeof handle.unref === "function") handle.unref();
}

const MAX_TIMER_MS = 2_147_483_647;

/** An unref'd wait that `wake()` ends early (the exporter's backoff, cut short at shutdown). */
export function sleepUnlessWoken(clock: Clock, ms: number): { done: Promise<void>; wake: () => void } {
  let wake: () => void = () => undefined;
  const done = new Promise<void>((resolve) => {
    const timer = clock.setTimeout(resolve, Math.min(MAX_TIMER_MS, ms)); // Node fires longer timers after 1 ms
    unref(timer);
    wake = () => {
      clock.clearTimeout(timer);
      resolve();
    };
  });
  return { done, wake };
}
