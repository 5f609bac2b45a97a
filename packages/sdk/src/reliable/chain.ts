import { classifyError, isContextLengthError } from "../classify.js";
import { CircuitOpenError, EscalatedError } from "./errors.js";
import type { EscalateOptions, FallbackStep } from "./policy.js";
import type { Recording } from "./record.js";
import { own, type Outcome, type Run } from "./run.js";
import { modelStep } from "./step.js";
import { replayStream } from "./stream.js";
import type { Params, Target } from "./targets.js";

/** Whether the chain moves past this error: transient ones, an open circuit, and the permanent types the policy lists. */
export function movesOn(r: Run, err: unknown): boolean {
  if (err instanceof CircuitOpenError) return true;
  const c = classifyError(err);
  if (c.retryable || r.e.fallbackOn.has(c.type)) return true;
  return r.e.fallbackOn.has("context_length") && isContextLengthError(err);
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
