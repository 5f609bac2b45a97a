import { TimeoutError } from "./errors.js";

export type TimeoutOptions = {
  /** Each attempt: until the answer (or, for a stream, its first byte) arrives. */
  attemptMs?: number;
  /** The whole call: every attempt, wait and fallback, and the reading of a stream. */
  totalMs?: number;
};

function race<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) {
    work.catch(() => undefined);
    return Promise.reject(signal.reason);
  }
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener("abort", onAbort, { once: true });
    work.then(
      (v) => {
        signal.removeEventListener("abort", onAbort);
        resolve(v);
      },
      (err: unknown) => {
        signal.removeEventListener("abort", onAbort);
        reject(signal.aborted ? signal.reason : err);
      },
    );
  });
}

/**
 * The cancellation of one call: its total timeout and the app's own signal. Each attempt
 * gets its own controller (aborted by its attempt timeout, by the total timeout or by the
 * app), so the underlying request is cancelled — one controller per attempt and none for
 * the call, since `AbortController`s and `AbortSignal.any` are what timeouts cost most.
 */
export class CallDeadline {
  /** Why the call was cut (a `TimeoutError`, or the app's abort reason); undefined while it runs. */
  reason: unknown = undefined;
  private current: AbortController | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly onAbort = () => this.abort(this.own!.reason);

  constructor(
    totalMs: number | undefined,
    private readonly own?: AbortSignal,
  ) {
    if (totalMs !== undefined && Number.isFinite(totalMs)) {
      this.timer = setTimeout(() => this.abort(new TimeoutError("total", totalMs)), Math.max(0, totalMs));
      this.timer.unref?.();
    }
    if (own?.aborted) this.reason = own.reason;
    else own?.addEventListener("abort", this.onAbort, { once: true });
  }

  get aborted(): boolean {
    return this.reason !== undefined;
  }

  private abort(reason: unknown): void {
    if (this.reason !== undefined) return;
    this.reason = reason ?? new Error("Aborted");
    this.current?.abort(this.reason);
  }

  /**
   * Runs one attempt with a signal that aborts after `attemptMs`, with the call, or with the
   * app; rejects with the reason when it fires even if `fn` ignored the signal. The signal
   * stays bound to the call after the attempt (a stream keeps reading until `clear()`).
   */
  attempt<T>(fn: (signal: AbortSignal | undefined) => Promise<T>, attemptMs: number | undefined): Promise<T> {
    const timed = attemptMs !== undefined && attemptMs > 0 && Number.isFinite(attemptMs);
    if (!timed && this.timer === undefined && !this.own) return fn(undefined);
    if (this.reason !== undefined) return Promise.reject(this.reason);
    const c = new AbortController();
    this.current = c;
    if (!timed) return race(fn(c.signal), c.signal);
    const timer = setTimeout(() => c.abort(new TimeoutError("attempt", attemptMs)), attemptMs);
    timer.unref?.();
    return race(fn(c.signal), c.signal).finally(() => clearTimeout(timer));
  }

  /** The call is over: stop the total timer and let go of the app's signal. */
  clear(): void {
    clearTimeout(this.timer);
    this.own?.removeEventListener("abort", this.onAbort);
  }
}

/** `fn` with a signal that aborts after `ms` (cancelling what it started), rejecting with a `TimeoutError` then. For use on its own. */
export function withTimeout<T>(fn: (signal: AbortSignal | undefined) => Promise<T>, ms: number, signal?: AbortSignal): Promise<T> {
  const d = new CallDeadline(undefined, signal);
  return d.attempt(fn, ms).finally(() => d.clear());
}
