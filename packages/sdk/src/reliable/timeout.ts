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
 * The cancellation of one call: its total timeout and the app's own signal.
 *
 * An attempt is cancelled one of two ways. A client that cancels its own request after a
 * `timeout` request option (the OpenAI and Anthropic SDKs) is given that option, a
 * millisecond past our own timer: no `AbortController` of ours, which with its signal and
 * the listener the client adds to it was the largest cost of a timed call. Any other
 * attempt (every stream, whose reading the total timeout must also cut) gets its own
 * controller, aborted by its attempt timeout, by the total timeout or by the app.
 * The total timer is armed only when such an attempt needs it; otherwise the total limit
 * is read from the clock (`aborted`) and each attempt's timer stops at it.
 */
export class CallDeadline {
  private why: unknown = undefined;
  private cutDone = false;
  /** `performance.now()` when the call is over; Infinity without a total timeout. */
  private readonly endsAt: number;
  private current: AbortController | undefined;
  /** Rejects the running attempt at once (its work may ignore the signal). */
  private cut: ((reason: unknown) => void) | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private onAbort: (() => void) | undefined;

  constructor(
    private readonly totalMs: number | undefined,
    private readonly own?: AbortSignal,
  ) {
    this.endsAt = totalMs !== undefined && Number.isFinite(totalMs) ? performance.now() + Math.max(0, totalMs) : Infinity;
    if (own?.aborted) (this.why = own.reason), (this.cutDone = true);
    else if (own) own.addEventListener("abort", (this.onAbort = () => this.abort(own.reason)), { once: true });
  }

  /** Why the call was cut (a `TimeoutError`, or the app's abort reason); undefined while it runs. */
  get reason(): unknown {
    if (this.why === undefined && performance.now() >= this.endsAt) this.why = this.overTime();
    return this.why;
  }

  /** The reason once the call was actively cut (its total timer fired, or the app aborted); undefined before. */
  get stopped(): unknown {
    return this.cutDone ? this.why : undefined;
  }

  get aborted(): boolean {
    return this.reason !== undefined;
  }

  private overTime(): TimeoutError {
    return new TimeoutError("total", this.totalMs!);
  }

  private abort(reason: unknown): void {
    if (this.cutDone) return;
    this.cutDone = true;
    this.why ??= reason ?? new Error("Aborted");
    this.current?.abort(this.why);
    this.cut?.(this.why);
  }

  private arm(): void {
    if (this.timer !== undefined || this.endsAt === Infinity) return;
    this.timer = setTimeout(() => this.abort(this.overTime()), Math.max(0, this.endsAt - performance.now()));
    this.timer.unref?.();
  }

  /**
   * Runs one attempt and rejects with the reason when its time is up, even if `fn` ignored
   * the cancellation. `selfTimed`: `fn` passes the given `timeoutMs` to a client that cancels
   * its own request (and gets no signal); otherwise it gets a signal that aborts after
   * `attemptMs`, with the call, or with the app, and stays bound to the call after the
   * attempt (a stream keeps reading until `clear()`). A timeout rejects the attempt by
   * calling its `reject` directly: an abort listener per attempt cost more than the rest.
   */
  attempt<T>(fn: (signal: AbortSignal | undefined, timeoutMs: number | undefined) => Thenable<T>, attemptMs: number | undefined, selfTimed = false): Promise<T> {
    const timed = attemptMs !== undefined && attemptMs > 0 && Number.isFinite(attemptMs);
    if (!timed && this.endsAt === Infinity && !this.own) return Promise.resolve(fn(undefined, undefined));
    const reason = this.reason;
    if (reason !== undefined) return Promise.reject(reason);
    const left = this.endsAt - performance.now();
    const byTotal = left < (timed ? attemptMs : Infinity);
    let c: AbortController | undefined;
    if (!selfTimed) {
      c = new AbortController();
      this.current = c;
      this.arm();
    }
    return new Promise<T>((resolve, reject) => {
      let timer: ReturnType<typeof setTimeout> | undefined;
      const over = () => {
        clearTimeout(timer);
        if (this.cut === cut) this.cut = undefined;
      };
      const cut = (why: unknown) => {
        over();
        reject(why);
      };
      this.cut = cut;
      // Our own timer for this attempt: at its timeout, or (self-timed) at the total limit if that comes first.
      if (timed || (selfTimed && byTotal)) {
        timer = setTimeout(
          () => {
            if (selfTimed && byTotal) return this.abort(this.overTime());
            const why = new TimeoutError("attempt", attemptMs!);
            c?.abort(why);
            cut(why);
          },
          selfTimed && byTotal ? left : attemptMs,
        );
        timer.unref?.();
      }
      const failed = (err: unknown) => cut(c?.signal.aborted ? c.signal.reason : err);
      try {
        const work = fn(c?.signal, selfTimed && (timed || byTotal) ? Math.ceil(byTotal ? left : attemptMs!) + 1 : undefined);
        if (!isThenable(work)) return (over(), resolve(work));
        work.then((v) => (over(), resolve(v)), failed);
      } catch (err) {
        failed(err);
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
