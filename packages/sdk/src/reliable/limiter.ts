import { AsyncResource } from "node:async_hooks";
import { ShedError } from "./errors.js";

export type LimiterOptions = {
  /** Calls running at once. */
  maxInFlight: number;
  /** Calls waiting for a slot; beyond it a call is shed at once. Default 0. */
  maxQueue?: number;
  /** Longest wait in the queue before being shed. Default no limit. */
  maxWaitMs?: number;
};

type Waiter = { start: () => void; timer?: ReturnType<typeof setTimeout> };

/**
 * Concurrency limiter with a bounded queue: a call runs when a slot is free, waits in line
 * while the queue has room, and is otherwise rejected at once with `ShedError` — so an
 * overloaded app answers "busy" quickly instead of piling up work nobody waits for.
 */
export class ConcurrencyLimiter {
  private running = 0;
  private readonly queue: Waiter[] = [];
  /** Calls shed so far. */
  shed = 0;

  constructor(private readonly o: LimiterOptions) {}

  get inFlight(): number {
    return this.running;
  }

  get queued(): number {
    return this.queue.length;
  }

  /** Runs `fn` when a slot is free; `fn` gets `release` to free its slot early (once), else it is freed when `fn` settles. */
  run<T>(fn: (release: () => void) => Promise<T>): Promise<T> {
    if (this.running < this.o.maxInFlight) return this.start(fn);
    if (this.queue.length >= (this.o.maxQueue ?? 0)) {
      this.shed++;
      return Promise.reject(new ShedError("queue_full"));
    }
    return new Promise<T>((resolve, reject) => {
      // Bound to the waiting call's async context: it is started by whichever call frees a
      // slot, and must still record its model call in its own trace.
      const waiter: Waiter = { start: AsyncResource.bind(() => void this.start(fn).then(resolve, reject)) };
      if (this.o.maxWaitMs !== undefined) {
        waiter.timer = setTimeout(() => {
          const at = this.queue.indexOf(waiter);
          if (at >= 0) this.queue.splice(at, 1);
          this.shed++;
          reject(new ShedError("queue_timeout"));
        }, this.o.maxWaitMs);
      }
      this.queue.push(waiter);
    });
  }

  /**
   * A slot now, when one is free (as `run` would start at once): the caller must call the returned
   * `release` (more than once is harmless). Undefined otherwise: then `run` queues or sheds.
   */
  slot(): (() => void) | undefined {
    if (this.running >= this.o.maxInFlight) return undefined;
    this.running++;
    return this.releaser();
  }

  private releaser(): () => void {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.running--;
      const next = this.queue.shift();
      if (next) {
        clearTimeout(next.timer);
        next.start();
      }
    };
  }

  private start<T>(fn: (release: () => void) => Promise<T>): Promise<T> {
    this.running++;
    const release = this.releaser();
    let p: Promise<T>;
    try {
      p = fn(release);
    } catch (err) {
      release();
      return Promise.reject(err);
    }
    // Not `finally`: it makes three promises where this makes one.
    return p.then(
      (v) => (release(), v),
      (err: unknown) => {
        release();
        throw err;
      },
    );
  }
}
