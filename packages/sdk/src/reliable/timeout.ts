import { TimeoutError } from "./errors.js";

export type TimeoutOptions = {
  /** Each attempt: until the answer (or, for a stream, its first byte) arrives. */
  attemptMs?: number;
  /** The whole call: every attempt, wait and fallback, and the reading of a stream. */
  totalMs?: number;
};

type Thenable<T> = PromiseLike<T> | T;

function isThenable<T>(v: Thenable<T>): v is PromiseLike<T> {
  return typeof (v as PromiseLike<T> | null)?.then === "function";
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
  /** Rejects the running attempt at once (its work may ignore the signal). */
  private cut: ((reason: unknown) => void) | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private onAbort: (() => void) | undefined;

  constructor(
    totalMs: number | undefined,
    private readonly own?: AbortSignal,
  ) {
    if (totalMs !== undefined && Number.isFinite(totalMs)) {
      this.timer = setTimeout(() => this.abort(new TimeoutError("total", totalMs)), Math.max(0, totalMs));
      this.timer.unref?.();
    }
    if (own?.aborted) this.reason = own.reason;
    else if (own) own.addEventListener("abort", (this.onAbort = () => this.abort(own.reason)), { once: true });
  }

  get aborted(): boolean {
    return this.reason !== undefined;
  }

  private abort(reason: unknown): void {
    if (this.reason !== undefined) return;
    this.reason = reason ?? new Error("Aborted");
    this.current?.abort(this.reason);
    this.cut?.(this.reason);
  }

  /**
   * Runs one attempt with a signal that aborts after `attemptMs`, with the call, or with the
   * app; rejects with the reason when it fires even if `fn` ignored the signal. The signal
   * stays bound to the call after the attempt (a stream keeps reading until `clear()`).
   * A timeout rejects the attempt by calling its `reject` directly: an abort listener per
   * attempt (added, then removed) cost more than the rest of the attempt's bookkeeping.
   */
  attempt<T>(fn: (signal: AbortSignal | undefined) => Thenable<T>, attemptMs: number | undefined): Promise<T> {
    const timed = attemptMs !== undefined && attemptMs > 0 && Number.isFinite(attemptMs);
    if (!timed && this.timer === undefined && !this.own) return Promise.resolve(fn(undefined));
    if (this.reason !== undefined) return Promise.reject(this.reason);
    const c = new AbortController();
    this.current = c;
    return new Promise<T>((resolve, reject) => {
      let timer: ReturnType<typeof setTimeout> | undefined;
      const over = () => {
        clearTimeout(timer);
        if (this.cut === cut) this.cut = undefined;
      };
      const cut = (reason: unknown) => {
        over();
        reject(reason);
      };
      this.cut = cut;
      if (timed) {
        timer = setTimeout(() => {
          const reason = new TimeoutError("attempt", attemptMs);
          c.abort(reason);
          cut(reason);
        }, attemptMs);
        timer.unref?.();
      }
      try {
        const work = fn(c.signal);
        if (!isThenable(work)) return (over(), resolve(work));
        work.then(
          (v) => (over(), resolve(v)),
          (err: unknown) => cut(c.signal.aborted ? c.signal.reason : err),
        );
      } catch (err) {
        cut(c.signal.aborted ? c.signal.reason : err);
      }
    });
  }

  /** The call is over: stop the total timer and let go of the app's signal. */
  clear(): void {
    clearTimeout(this.timer);
    if (this.onAbort) this.own!.removeEventListener("abort", this.onAbort);
  }
}

/** `fn` with a signal that aborts after `ms` (cancelling what it started), rejecting with a `TimeoutError` then. For use on its own. */
export function withTimeout<T>(fn: (signal: AbortSignal | undefined) => Thenable<T>, ms: number, signal?: AbortSignal): Promise<T> {
  const d = new CallDeadline(undefined, signal);
  return d.attempt(fn, ms).finally(() => d.clear());
}
