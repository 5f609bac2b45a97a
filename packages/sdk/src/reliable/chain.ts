import { classifyError, isContextLengthError } from "../classify.js";
import type { Scope } from "../context.js";
import type { GenerationFields } from "../generation.js";
import type { BreakerState } from "./breaker.js";
import { CircuitOpenError, EscalatedError } from "./errors.js";
import type { Engine, EscalateOptions, FallbackStep } from "./policy.js";
import type { Note, Recording } from "./record.js";
import { deadlineOf, isTransient, retryAfter } from "./retry.js";
import { replayStream } from "./stream.js";
import type { Params, Provider, Target } from "./targets.js";
import type { CallDeadline } from "./timeout.js";

/** One call as it goes through the policy. `meta`/`tags`: decisions made before the call, stamped on every event it records. */
export type Run = {
  e: Engine;
  env?: Recording;
  provider: Provider;
  path: string;
  primary: Target;
  params: Params;
  options: Params | undefined;
  stream: boolean;
  scope?: Scope;
  who: { userId?: string; endpoint?: string };
  model?: string;
  key?: string;
  /** Aborts the whole call: the total timeout, or the app's own signal. */
  total?: CallDeadline;
  started: number;
  meta: Record<string, string | number | boolean>;
  tags: string[];
};

export type Outcome = { value: unknown; note?: Note; target?: Target; step: number; local: boolean; attempts: number; model?: string; index: number };

/** Records a call the toolkit answered (or refused) without a provider. */
export function own(r: Run, f: Partial<GenerationFields> & { step?: string }): void {
  if (!r.env?.active || r.scope?.sampled === false) return;
  const { step, ...fields } = f;
  const input = r.params.messages ?? r.params.input;
  r.env.generation({
    provider: r.provider,
    model: r.model,
    input: Array.isArray(input) ? [...input] : input,
    durationMs: performance.now() - r.started,
    ...fields,
    tags: [...r.tags, ...(fields.tags ?? [])],
    metadata: { ...r.meta, ...(step ? { "reliable.step": step } : {}), ...fields.metadata },
  });
}

/** Whether the chain moves past this error: transient ones, an open circuit, and the permanent types the policy lists. */
export function movesOn(r: Run, err: unknown): boolean {
  if (err instanceof CircuitOpenError) return true;
  const c = classifyError(err);
  if (c.retryable || r.e.fallbackOn.has(c.type)) return true;
  return r.e.fallbackOn.has("context_length") && isContextLengthError(err);
}

function invoke(r: Run, target: Target, params: Params, signal: AbortSignal | undefined, note: Note, timeoutMs?: number): unknown {
  const options: Params = { ...r.options };
  if (signal) options.signal = signal; // linked to the app's own signal, if it gave one
  // A client that times itself out: it cancels its request when this runs out (the app's own signal is passed as given).
  if (timeoutMs !== undefined) options.timeout = typeof options.timeout === "number" ? Math.min(options.timeout, timeoutMs) : timeoutMs;
  // Our retry decides; the client's own retries would multiply the attempts.
  if (r.e.retry && options.maxRetries === undefined) options.maxRetries = 0;
  if (!r.scope) return target.invoke(params, options);
  r.scope.lastGenerationId = undefined;
  const result = target.invoke(params, options);
  const id = r.scope.lastGenerationId;
  if (id && r.env && r.scope.sampled) r.env.annotate(id, note);
  return result;
}

type ModelStep = { model: string; target: Target };

/** One model step: attempts (with retry, timeouts and the step's circuit) until an answer or an error that ends the step. */
export async function modelStep(r: Run, step: ModelStep, index: number, firstAttempt = 1): Promise<Outcome> {
  const params = step.target.mapReq ? step.target.mapReq(r.params, step.model) : index === 0 ? r.params : { ...r.params, model: step.model };
  const breaker = r.e.breakers?.of(step.target.provider, step.model);
  // A stream's reading must stay cancellable by the total timeout: it always gets a signal.
  const selfTimed = step.target.ownTimeout === true && !r.stream;
  let note: Note = {};
  let attempts = 0;
  const attempt = async (n: number) => {
    attempts = firstAttempt + n - 1;
    note = { attempts, tags: [...r.tags], metadata: { ...r.meta } };
    if (index > 0) {
      note.fallbackFrom = r.model;
      note.tags!.push("fallback");
      note.metadata!["reliable.step"] = `model:${step.model}`;
    }
    let state: BreakerState | undefined;
    if (breaker) {
      try {
        state = breaker.acquire();
      } catch (err) {
        own(r, { model: step.model, status: "error", error: { type: "circuit_open", message: (err as Error).message, retryable: false }, attempts, fallbackFrom: note.fallbackFrom, tags: ["circuit_open", ...(index > 0 ? ["fallback"] : [])], metadata: { "reliable.breaker": "open" } });
        throw err;
      }
      note.metadata!["reliable.breaker"] = state;
    }
    try {
      // The client's own promise is awaited as it is: wrapping it in `Promise.resolve` costs a turn.
      const value = await (r.total ? r.total.attempt((signal, ms) => invoke(r, step.target, params, signal, note, ms), r.e.timeout.attemptMs, selfTimed) : invoke(r, step.target, params, undefined, note));
      breaker?.success();
      return value;
    } catch (err) {
      if (isTransient(err)) breaker?.failure();
      else breaker?.success();
      throw err;
    } finally {
      if (breaker && breaker.state !== state) note.metadata!["reliable.breakerChange"] = `${state}>${breaker.state}`;
    }
  };
  const o = r.e.retry ?? {};
  let max = 1;
  let deadline = Infinity;
  if (r.e.retry) {
    let deadlineMs = o.deadlineMs;
    if (r.e.timeout.totalMs !== undefined) deadlineMs = Math.min(deadlineMs ?? Infinity, r.e.timeout.totalMs - (performance.now() - r.started));
    max = Math.max(1, (o.maxAttempts ?? 3) - firstAttempt + 1);
    deadline = deadlineOf(deadlineMs);
  }
  // `retry`, with its first attempt awaited here (one async layer fewer for an answer on the first try).
  let value: unknown;
  try {
    value = await attempt(1);
  } catch (err) {
    value = await retryAfter(err, attempt, o, max, deadline, r.total);
  }
  return { value, note, target: step.target, step: index, local: false, attempts, model: step.model, index };
}

/** The fallback chain: the primary call, then each step in order while the last error moves on. */
export async function chain(r: Run, resolve: (client: object, path: string) => Target): Promise<Outcome> {
  try {
    return await primaryStep(r);
  } catch (err) {
    return fallbacks(r, resolve, err);
  }
}

/** The chain's first step: the model and client the call was made with. */
export const primaryStep = (r: Run): Promise<Outcome> => modelStep(r, { model: r.model ?? "", target: r.primary }, 0);

/** The chain after its primary step failed with `lastErr`. */
export async function fallbacks(r: Run, resolve: (client: object, path: string) => Target, lastErr: unknown): Promise<Outcome> {
  const steps = r.e.fallbacks;
  for (let i = 0; i < steps.length; i++) {
    if (!movesOn(r, lastErr)) break;
    const s = steps[i]!;
    const index = i + 1;
    if ("model" in s) {
      if (r.total?.aborted) continue;
      let target: Target;
      try {
        target = s.client ? resolve(s.client, r.path) : r.primary;
      } catch {
        continue; // This request cannot be mapped to that provider: the next step.
      }
      if (r.stream && target.mapRes) continue;
      try {
        return await modelStep(r, { model: s.model, target }, index);
      } catch (err) {
        lastErr = err;
      }
      continue;
    }
    const local = await localStep(r, s, index, lastErr);
    if (local) return local;
  }
  throw lastErr;
}

/** The steps answered without a provider: an earlier answer, a fixed one, or people. */
async function localStep(r: Run, s: Exclude<FallbackStep, { model: string }>, index: number, lastErr: unknown): Promise<Outcome | undefined> {
  const base = { fallbackFrom: r.model, attempts: 1 };
  if ("cached" in s) {
    if (!r.e.cache || !r.key) return undefined;
    const hit = await r.e.cache.lookup(r.key, s.cached.maxStaleMs);
    if (!hit || hit.stream !== r.stream) return undefined;
    const stale = hit.ageMs > r.e.cache.ttlMs;
    own(r, { ...base, status: "ok", cacheHit: true, output: hit.stream ? undefined : hit.value, step: "cached", tags: ["fallback", stale ? "cache:stale" : "cache:fresh"], metadata: { "reliable.cache": stale ? "stale" : "fresh", "reliable.cacheAgeMs": Math.round(hit.ageMs) } });
    return { value: hit.stream ? replayStream(hit.value as unknown[]) : hit.value, step: index, local: true, attempts: 1, index };
  }
  if ("static" in s) {
    const v = typeof s.static === "function" ? (s.static as (p: Params) => unknown)(r.params) : structuredClone(s.static);
    own(r, { ...base, status: "ok", output: r.stream ? undefined : v, step: "static", tags: ["fallback", "static"] });
    return { value: r.stream && Array.isArray(v) ? replayStream(v) : v, step: index, local: true, attempts: 1, index };
  }
  return escalate(r, s.escalate, index, lastErr);
}

const reportedNoQueue = new WeakSet<Recording>();

async function escalate(r: Run, o: EscalateOptions, index: number, lastErr: unknown): Promise<Outcome> {
  const request = {
    queue: o.queue,
    provider: r.provider,
    model: r.model,
    input: r.params.messages ?? r.params.input,
    params: r.params,
    reason: classifyError(lastErr).message,
    traceId: r.scope?.traceId ?? "",
    requestId: r.scope?.lastGenerationId,
    userId: r.who.userId,
    endpoint: r.who.endpoint,
  };
  let answer: unknown = undefined;
  let escalation: unknown = undefined;
  let via = "none";
  try {
    if (o.handler) {
      via = "handler";
      answer = await o.handler(request);
    } else if (r.env?.escalate) {
      via = "sextant";
      escalation = await r.env.escalate(request);
    } else {
      // Used without a Sextant instance and without a handler: nowhere to hand the request to,
      // so the escalation is only recorded (tag `escalated`) and reported once.
      if (r.env && !reportedNoQueue.has(r.env)) {
        reportedNoQueue.add(r.env);
        r.env.report("Sextant: an escalation was requested but there is no review queue to hand it to; use sextant.reliable(...) or give escalate.handler.");
      }
    }
  } catch (err) {
    r.env?.report(`Sextant: the escalation hand-over failed: ${(err as Error).message}`);
    via = "failed";
  }
  answer ??= o.answer;
  const meta = { "reliable.escalation": via, ...(o.queue ? { "reliable.queue": o.queue } : {}) };
  if (answer === undefined) {
    own(r, { fallbackFrom: r.model, status: "error", error: { type: "escalated", message: "Every step failed; the request was escalated.", retryable: false }, step: "escalate", tags: ["escalated"], metadata: meta });
    throw new EscalatedError(o.queue, escalation, lastErr);
  }
  own(r, { fallbackFrom: r.model, status: "ok", output: answer, step: "escalate", tags: ["fallback", "escalated"], metadata: meta });
  return { value: answer, step: index, local: true, attempts: 1, index };
}
