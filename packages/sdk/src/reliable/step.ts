import type { BreakerState, CircuitBreaker } from "./breaker.js";
import type { Note } from "./record.js";
import { deadlineOf, isTransient, retryAfter } from "./retry.js";
import { own, type Outcome, type Run } from "./run.js";
import type { Params, Target } from "./targets.js";

function invoke(r: Run, target: Target, params: Params, signal: AbortSignal | undefined, note: Note, timeoutMs?: number): unknown {
  const options: Params = { ...r.options };
  if (signal) options.signal = signal; // linked to the app's own signal, if it gave one
  // A client that times itself out: it cancels its request when this runs out, or sooner if it was set up so (the app's own signal is passed as given).
  if (timeoutMs !== undefined) options.timeout = Math.min(typeof options.timeout === "number" ? options.timeout : target.ownTimeout!, timeoutMs);
  // Our retry decides; the client's own retries would multiply the attempts.
  if (r.e.retry && options.maxRetries === undefined) options.maxRetries = 0;
  if (!r.scope) return target.invoke(params, options);
  r.scope.lastGenerationId = undefined;
  const result = target.invoke(params, options);
  const id = r.scope.lastGenerationId;
  if (id && r.env && r.scope.sampled) r.env.annotate(id, note);
  return result;
}

export type ModelStep = { model: string; target: Target };

/**
 * One model step: its attempts (with timeouts and the step's circuit) and its retries.
 * `start` begins an attempt and whoever awaits it reports how it ended (`ended`), so the
 * call's first attempt is awaited once, by the call itself, with no async layer of its own.
 */
export class StepRun {
  /** The latest attempt's note: its number, the fallback, the circuit's state. */
  note: Note = {};
  attempts = 0;
  private state: BreakerState | undefined;
  private readonly params: Params;
  private readonly breaker: CircuitBreaker | undefined;
  /** A stream's reading must stay cancellable by the total timeout: it always gets a signal. */
  private readonly selfTimed: boolean;
  private readonly max: number = 1;
  private readonly deadline: number = Infinity;

  constructor(
    private readonly r: Run,
    private readonly step: ModelStep,
    private readonly index: number,
    private readonly firstAttempt = 1,
  ) {
    this.params = step.target.mapReq ? step.target.mapReq(r.params, step.model) : index === 0 ? r.params : { ...r.params, model: step.model };
    this.breaker = r.e.breakers?.of(step.target.provider, step.model);
    this.selfTimed = step.target.ownTimeout !== undefined && !r.stream;
    const o = r.e.retry;
    if (o) {
      let deadlineMs = o.deadlineMs;
      if (r.e.timeout.totalMs !== undefined) deadlineMs = Math.min(deadlineMs ?? Infinity, r.e.timeout.totalMs - (performance.now() - r.started));
      this.max = Math.max(1, (o.maxAttempts ?? 3) - firstAttempt + 1);
      this.deadline = deadlineOf(deadlineMs);
    }
  }

  /** Starts attempt `n` of this step (from 1): its request, or a rejection (an open circuit fails fast). */
  start(n: number): Promise<unknown> {
    const r = this.r;
    const index = this.index;
    const attempts = (this.attempts = this.firstAttempt + n - 1);
    const note: Note = (this.note = { attempts, tags: [...r.tags], metadata: { ...r.meta } });
    if (index > 0) {
      note.fallbackFrom = r.model;
      note.tags!.push("fallback");
      note.metadata!["reliable.step"] = `model:${this.step.model}`;
    }
    this.state = undefined;
    if (this.breaker) {
      try {
        this.state = this.breaker.acquire();
      } catch (err) {
        own(r, { model: this.step.model, status: "error", error: { type: "circuit_open", message: (err as Error).message, retryable: false }, attempts, fallbackFrom: note.fallbackFrom, tags: ["circuit_open", ...(index > 0 ? ["fallback"] : [])], metadata: { "reliable.breaker": "open" } });
        return Promise.reject(err);
      }
      note.metadata!["reliable.breaker"] = this.state;
    }
    const { target } = this.step;
    try {
      if (r.total) return r.total.attempt((signal, ms) => invoke(r, target, this.params, signal, note, ms), r.e.timeout.attemptMs, this.selfTimed);
      return Promise.resolve(invoke(r, target, this.params, undefined, note));
    } catch (err) {
      return Promise.reject(err);
    }
  }

  /** How the started attempt ended (`failed` with `err`): the circuit counts it, the note gets any change of state. */
  ended(failed: boolean, err?: unknown): void {
    const b = this.breaker;
    const state = this.state;
    if (!b || state === undefined) return;
    if (failed && isTransient(err)) b.failure();
    else b.success();
    if (b.state !== state) this.note.metadata!["reliable.breakerChange"] = `${state}>${b.state}`;
  }

  /** Attempt `n`, awaited with its bookkeeping. */
  async attempt(n: number): Promise<unknown> {
    let value: unknown;
    try {
      value = await this.start(n);
    } catch (err) {
      this.ended(true, err);
      throw err;
    }
    this.ended(false);
    return value;
  }

  outcome(value: unknown): Outcome {
    return { value, note: this.note, target: this.step.target, step: this.index, local: false, attempts: this.attempts, model: this.step.model, index: this.index };
  }

  /** The step after its first attempt failed with `err`: retried while worth it and time allows. */
  async rest(err: unknown): Promise<Outcome> {
    return this.outcome(await retryAfter(err, (n) => this.attempt(n), this.r.e.retry ?? {}, this.max, this.deadline, this.r.total));
  }
}

/** One model step: attempts (with retry, timeouts and the step's circuit) until an answer or an error that ends the step. */
export async function modelStep(r: Run, step: ModelStep, index: number, firstAttempt = 1): Promise<Outcome> {
  const s = new StepRun(r, step, index, firstAttempt);
  let value: unknown;
  try {
    value = await s.attempt(1);
  } catch (err) {
    return s.rest(err);
  }
  return s.outcome(value);
}
