import { classifyError } from "../classify.js";
import { TimeoutError } from "./errors.js";

const noop = () => undefined;

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
 * `timeout` request option (the OpenAI and Anthropic SDKs) is given the time the attempt has
 * left, and its timeout error becomes our `TimeoutError`: no `AbortController`, timer or
 * listener of ours, which were the largest cost of a timed call (ADR 0012). Any other attempt
 * (every stream, whose reading the total timeout must also cut) gets its own controller,
 * aborted by its attempt timeout, by the total timeout or by the app. The total timer is
 * armed only when such an attempt needs it; otherwise the total limit is read from the clock.
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
    if (own?.aborted) {
      this.why = own.reason;
      this.cutDone = true;
    } else if (own) own.addEventListener("abort", (this.onAbort = () => this.abort(own.reason)), { once: true });
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
   * Runs one attempt; it rejects with a `TimeoutError` when its time is up.
   *
   * `selfTimed`: `fn` passes `timeoutMs` on to a client that cancels its own request then.
   * The client's timeout error is the signal that time ran out (it becomes our
   * `TimeoutError`), so such an attempt needs no signal and no timer of ours, only a
   * listener-free promise layer, and one that rejects at once if the app aborts.
   *
   * Otherwise `fn` gets a signal that aborts after `attemptMs`, with the call, or with the
   * app, and the attempt rejects then even if `fn` ignored it. The signal stays bound to
   * the call after the attempt (a stream keeps reading until `clear()`).
   */
  attempt<T>(fn: (signal: AbortSignal | undefined, timeoutMs: number | undefined) => Thenable<T>, attemptMs: number | undefined, selfTimed = false): Promise<T> {
    const timed = attemptMs !== undefined && attemptMs > 0 && Number.isFinite(attemptMs);
    if (!timed && this.endsAt === Infinity && !this.own) return Promise.resolve(fn(undefined, undefined));
    const reason = this.reason;
    if (reason !== undefined) return Promise.reject(reason);
    if (selfTimed) return this.selfTimed(fn, timed ? attemptMs : undefined);
    const c = new AbortController();
    this.current = c;
    this.arm();
    return this.cuttable<T>((failed) => {
      const work = fn(c.signal, undefined);
      let timer: ReturnType<typeof setTimeout> | undefined;
      if (timed) {
        timer = setTimeout(() => {
          const why = new TimeoutError("attempt", attemptMs);
          c.abort(why);
          failed(why);
        }, attemptMs);
        timer.unref?.();
      }
      return { work, over: () => clearTimeout(timer), reason: () => (c.signal.aborted ? c.signal.reason : undefined) };
    });
  }

  private selfTimed<T>(fn: (signal: undefined, timeoutMs: number | undefined) => Thenable<T>, attemptMs: number | undefined): Promise<T> {
    const started = performance.now();
    const left = this.endsAt - started;
    const byTotal = left < (attemptMs ?? Infinity);
    const limit = byTotal ? left : attemptMs;
    // The client's timeout error once our limit passed is ours; an earlier one is the client's own (e.g. its configured timeout).
    const timedOut = (err: unknown): unknown => {
      if (limit === undefined || performance.now() - started < limit - 1 || classifyError(err).type !== "timeout") return err;
      if (!byTotal) return new TimeoutError("attempt", attemptMs!);
      this.abort(this.overTime());
      return this.why;
    };
    const ms = limit === undefined ? undefined : Math.max(1, Math.ceil(limit));
    if (!this.own) {
      let work: Thenable<T>;
      try {
        work = fn(undefined, ms);
      } catch (err) {
        return Promise.reject(timedOut(err));
      }
      if (!isThenable(work)) return Promise.resolve(work);
      return Promise.resolve(
        work.then(undefined, (err: unknown) => {
          throw timedOut(err);
        }),
      );
    }
    return this.cuttable<T>(() => ({ work: fn(undefined, ms), over: noop, reason: noop, map: timedOut }));
  }

  /** An attempt that `abort` (the total timer, the app's signal) rejects at once, whatever its work does. */
  private cuttable<T>(begin: (failed: (why: unknown) => void) => { work: Thenable<T>; over: () => void; reason: () => unknown; map?: (err: unknown) => unknown }): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      let over: () => void = noop;
      const cut = (why: unknown) => {
        over();
        if (this.cut === cut) this.cut = undefined;
        reject(why);
      };
      this.cut = cut;
      try {
        const a = begin(cut);
        over = a.over;
        const failed = (err: unknown) => cut(a.reason() ?? (a.map ? a.map(err) : err));
        if (!isThenable(a.work)) return (over(), (this.cut = undefined), resolve(a.work));
        a.work.then((v) => {
          over();
          if (this.cut === cut) this.cut = undefined;
          resolve(v);
        }, failed);
      } catch (err) {
        cut(err);
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
