import { classifyError, retryAfterOf } from "../classify.js";
import { fullJitterMs } from "../exporter-transport.js";

export type RetryOptions = {
  /** Attempts in all, the first included. Default 3. */
  maxAttempts?: number;
  /** Backoff ceiling doubles from this each attempt. Default 200 ms. */
  baseDelayMs?: number;
  /** Longest backoff. Default 5 000 ms. */
  maxDelayMs?: number;
  /** No new attempt starts (and no wait is begun) past this much time since the first. Default none. */
  deadlineMs?: number;
  /** Which errors are worth another attempt. Default: the transient ones (429, 5xx, timeouts, network). */
  retryOn?: (err: unknown) => boolean;
  /** Test seam for the jitter. */
  random?: () => number;
};

/** Transient: a later attempt may well succeed (429, 408, 5xx, timeouts, dropped connections, broken streams). */
export function isTransient(err: unknown): boolean {
  return classifyError(err).retryable;
}

/** How long to wait before attempt `attempt + 1`: full jitter, never shorter than the provider's Retry-After. */
export function backoffMs(attempt: number, o: RetryOptions, err: unknown, random = o.random ?? Math.random): number {
  return fullJitterMs(attempt - 1, o.baseDelayMs ?? 200, o.maxDelayMs ?? 5_000, random(), retryAfterOf(err) ?? null);
}

/** Resolves after `ms`, or rejects with the signal's reason when it aborts first. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  if (ms <= 0 && !signal?.aborted) return Promise.resolve();
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal!.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}

/**
 * Runs `fn` until it succeeds, the error is not worth retrying, attempts run out, or the
 * next wait would pass the deadline (then the last error is thrown at once rather than
 * after a wait that cannot help). `fn` gets the attempt number, from 1.
 */
export async function retry<T>(fn: (attempt: number) => Promise<T>, o: RetryOptions = {}, signal?: Cancel): Promise<T> {
  const max = Math.max(1, o.maxAttempts ?? 3);
  const deadline = deadlineOf(o.deadlineMs);
  try {
    return await fn(1);
  } catch (err) {
    return retryAfter(err, fn, o, max, deadline, signal);
  }
}

type Cancel = AbortSignal | { readonly aborted: boolean; readonly reason?: unknown };

/** When no new attempt may start (epoch ms), taken before the first attempt. */
export const deadlineOf = (deadlineMs: number | undefined): number => (deadlineMs !== undefined ? Date.now() + deadlineMs : Infinity);

/**
 * `retry` after its first attempt failed with `err`: the caller awaited that attempt itself,
 * so an answer on the first try passes through one async layer fewer.
 */
export async function retryAfter<T>(err: unknown, fn: (attempt: number) => Promise<T>, o: RetryOptions, max: number, deadline: number, signal?: Cancel): Promise<T> {
  const worth = o.retryOn ?? isTransient;
  for (let attempt = 1; ; attempt++) {
    if (attempt >= max || signal?.aborted || !worth(err)) throw err;
    const wait = backoffMs(attempt, o, err);
    if (Date.now() + wait >= deadline) throw err;
    await sleep(wait, signal instanceof AbortSignal ? signal : undefined);
    if (signal?.aborted) throw signal.reason;
    try {
      return await fn(attempt + 1);
    } catch (next) {
      err = next;
    }
  }
}
