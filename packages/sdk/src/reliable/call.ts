import { randomUUID } from "node:crypto";
import { anthropicUsage } from "../anthropic.js";
import { currentScope, runInScope, type Scope } from "../context.js";
import type { Usage } from "../events.js";
import { openaiUsage } from "../openai.js";
import { chain, fallbacks } from "./chain.js";
import { own, type Outcome, type Run } from "./run.js";
import { modelStep, StepRun } from "./step.js";
import { BudgetExceededError, ShedError, StructuredOutputError } from "./errors.js";
import { applyGuards, type GuardVerdict } from "./guards.js";
import type { Engine } from "./policy.js";
import type { Note, Recording } from "./record.js";
import { isStreamLike, replayStream, resilientStream } from "./stream.js";
import { feedback, parseStructured, setParsed } from "./structured.js";
import type { Params, Target } from "./targets.js";
import { chunkText, answerText } from "./text.js";
import { CallDeadline } from "./timeout.js";
import type { CacheHit } from "./cache.js";

export type CallInput = { e: Engine; env?: Recording; path: string; primary: Target; params: Params; options: Params | undefined; resolve: (client: object, path: string) => Target };

/** One call through the policy, in its own scope so every event it records (attempts, fallbacks, its own) shares the trace. */
export function reliableCall(c: CallInput): Promise<unknown> {
  if (!c.env?.active) return begin(c, undefined);
  const parent = currentScope();
  const scope: Scope = parent
    ? { traceId: parent.traceId, spanId: parent.spanId, sampled: parent.sampled, attrs: parent.attrs }
    : { traceId: randomUUID(), spanId: "", sampled: c.env.sampleNew(), attrs: {} };
  const p = runInScope(scope, () => begin(c, scope));
  if (!parent) return p;
  const done = () => {
    if (scope.lastGenerationId) parent.lastGenerationId = scope.lastGenerationId;
  };
  return p.then(
    (v) => (done(), v),
    (err: unknown) => {
      done();
      throw err;
    },
  );
}

function userOf(c: CallInput, scope: Scope | undefined): string | undefined {
  const p = c.params;
  // Inside `runInScope(scope)` the current scope is `scope`: looked up only when there is none.
  return (scope ? scope.attrs.userId : currentScope()?.attrs.userId) ?? c.e.userOf?.(p) ?? (typeof p.user === "string" ? p.user : undefined) ?? ((p.metadata as { user_id?: unknown } | undefined)?.user_id as string | undefined);
}

/** `pipeline`, its synchronous refusals (rate limit, budget) as rejections. */
function begin(c: CallInput, scope: Scope | undefined): Promise<unknown> {
  try {
    return pipeline(c, scope);
  } catch (err) {
    return Promise.reject(err);
  }
}

/**
 * The checks before the call (per-user limit, budget, cache, limiter), then the call. Plain
 * functions returning the call's promise, not async ones: an answer reaches the app through
 * as few promise layers as possible (each costs a turn of the microtask queue).
 */
function pipeline(c: CallInput, scope: Scope | undefined): Promise<unknown> {
  const e = c.e;
  const r: Run = {
    e, env: c.env, provider: c.primary.provider, path: c.path, primary: c.primary, params: c.params, options: c.options,
    stream: c.params.stream === true, scope, model: typeof c.params.model === "string" ? c.params.model : undefined,
    who: { userId: userOf(c, scope), endpoint: e.endpoint ?? scope?.attrs.endpoint }, started: performance.now(), meta: {}, tags: [],
  };
  if (e.users && r.who.userId) {
    try {
      e.users.check(r.who.userId);
    } catch (err) {
      own(r, { status: "error", error: { type: "shed", message: (err as Error).message, retryable: true }, tags: ["shed"], metadata: { "reliable.shed": "rate_limit" } });
      throw err;
    }
  }
  if (e.budgets) budgetCheck(r);
  if (!e.cache) return admit(r, c);
  r.key = e.cache.keyOf(`${r.provider} ${c.path}`, r.params);
  const hit = e.cache.ttlMs > 0 ? e.cache.peek(r.key, e.cache.ttlMs) : undefined;
  return hit instanceof Promise ? hit.then((h) => served(r, c, h)) : served(r, c, hit);
}

/** A fresh cached answer, else the call. */
function served(r: Run, c: CallInput, hit: CacheHit | undefined): Promise<unknown> {
  if (!hit || hit.stream !== r.stream) return admit(r, c);
  own(r, { status: "ok", cacheHit: true, output: hit.stream ? undefined : hit.value, tags: ["cache:fresh"], metadata: { "reliable.cache": "fresh", "reliable.cacheAgeMs": Math.round(hit.ageMs) } });
  return Promise.resolve(hit.stream ? replayStream(hit.value as unknown[]) : hit.value);
}

/** The call once the limiter lets it run: a free slot at once, else queued or shed. */
function admit(r: Run, c: CallInput): Promise<unknown> {
  const limiter = r.e.limiter;
  if (!limiter) return execute(r, c, noop);
  // A free slot is taken here and `execute` frees it: one promise layer fewer than `run`.
  const release = limiter.slot();
  if (release) return execute(r, c, release);
  return limiter.run((free) => execute(r, c, free)).catch((err: unknown) => {
    if (err instanceof ShedError && err.reason !== "rate_limit") own(r, { status: "error", error: { type: "shed", message: err.message, retryable: true }, tags: ["shed"], metadata: { "reliable.shed": err.reason } });
    throw err;
  });
}

function budgetCheck(r: Run): void {
  try {
    const v = r.e.budgets!.check({ userId: r.who.userId, endpoint: r.who.endpoint, model: r.model });
    if (v.model) {
      r.meta["reliable.budget"] = "downgraded";
      r.meta["reliable.budgetId"] = v.downgradedBy!;
      r.meta["reliable.downgradedFrom"] = r.model ?? "";
      r.tags.push("budget:downgraded");
      r.params = { ...r.params, model: v.model };
      r.model = v.model;
    }
    if (v.soft.length) {
      r.meta["reliable.budgetSoft"] = v.soft.join(",");
      r.tags.push("budget:soft");
    }
  } catch (err) {
    if (err instanceof BudgetExceededError) {
      own(r, { status: "error", error: { type: "budget_blocked", message: err.message, retryable: false }, tags: ["budget:blocked"], metadata: { "reliable.budget": "blocked", "reliable.budgetId": err.budget } });
    }
    throw err;
  }
}

const noop = () => undefined;

/**
 * The chain and the answer's last steps; frees the limiter slot (`release`, idempotent) on
 * every way out. The first attempt is awaited right here: an answer on the first try passes
 * one promise layer on its way to the app, a failure goes on to `recover`.
 */
function execute(r: Run, c: CallInput, release: () => void): Promise<unknown> {
  const end = () => {
    r.total?.clear();
    release();
  };
  let s: StepRun;
  try {
    r.total = new CallDeadline(r.e.timeout.totalMs, r.options?.signal as AbortSignal | undefined);
    s = new StepRun(r, { model: r.model ?? "", target: r.primary }, 0);
  } catch (err) {
    end();
    return Promise.reject(err);
  }
  return s.start(1).then(
    (value) => {
      s.ended(false);
      return finish(r, c, s.outcome(value), end, release);
    },
    (err: unknown) => {
      s.ended(true, err);
      return recover(r, c, s, err, end, release);
    },
  );
}

/** The call after its first attempt failed: the primary step's retries, then the fallbacks. */
async function recover(r: Run, c: CallInput, s: StepRun, err: unknown, end: () => void, release: () => void): Promise<unknown> {
  let out: Outcome;
  try {
    try {
      out = await s.rest(err);
    } catch (last) {
      out = await fallbacks(r, c.resolve, last);
    }
  } catch (last) {
    end();
    throw last;
  }
  return finish(r, c, out, end, release);
}

/** What the chain answered, delivered: a stream made resilient, or structured output, guards, cache and counts. */
function finish(r: Run, c: CallInput, out: Outcome, end: () => void, release: () => void): unknown {
  if (r.stream && isStreamLike(out.value) && !out.local) {
    release(); // a stream holds its slot until its response started
    return streamed(r, c, out, end);
  }
  if (r.e.json && !out.local) return answered(r, c, out).finally(end);
  try {
    return out.local ? out.value : settle(r, out, out.target?.mapRes ? out.target.mapRes(out.value) : out.value, out.note);
  } finally {
    end();
  }
}

function noteVerdicts(note: Note | undefined, verdicts: GuardVerdict[]): void {
  if (!note || verdicts.length === 0) return;
  const word = { block: "blocked", redact: "redacted", flag: "flagged" } as const;
  note.tags = [...(note.tags ?? []), ...verdicts.map((v) => `guard:${v.guard}`)];
  note.metadata = { ...note.metadata, ...Object.fromEntries(verdicts.map((v) => [`guard.${v.guard}`, word[v.action]])) };
}

/** After a provider's answer: structured output (one retry with feedback), then `settle`. */
async function answered(r: Run, c: CallInput, out: Outcome): Promise<unknown> {
  let value = out.target?.mapRes ? out.target.mapRes(out.value) : out.value;
  let note = out.note;
  const json = r.e.json!;
  const text = answerText(value) ?? "";
  let parsed = parseStructured(text, json.schema);
  if (!parsed.ok && json.retry !== false) {
    const again = await chain({ ...r, params: { ...r.params, messages: [...((r.params.messages as unknown[]) ?? []), ...feedback(text, parsed.error)] } }, c.resolve);
    count(r, again);
    value = again.target?.mapRes ? again.target.mapRes(again.value) : again.value;
    note = again.note ?? note;
    if (note) note.metadata = { ...note.metadata, "reliable.jsonRetry": true };
    parsed = parseStructured(answerText(value) ?? "", json.schema);
  }
  if (note) note.metadata = { ...note.metadata, "reliable.json": parsed.ok ? (parsed.repaired ? "repaired" : "valid") : "invalid" };
  if (!parsed.ok) throw new StructuredOutputError(parsed.error, answerText(value) ?? "");
  setParsed(value, parsed.data);
  return settle(r, out, value, note);
}

/** The answer's last steps, synchronous (no turn of the event loop): guards, then cache, budget and token counts. */
function settle(r: Run, out: Outcome, value: unknown, note: Note | undefined): unknown {
  if (r.e.guards.length) {
    try {
      noteVerdicts(note, applyGuards(value, r.e.guards));
    } catch (err) {
      noteVerdicts(note, (err as { verdicts?: GuardVerdict[] }).verdicts ?? []);
      throw err;
    }
  }
  if (r.key) r.e.cache!.save(r.key, value);
  count(r, { value, model: out.model });
  return value;
}

function usageOf(value: unknown): Usage | undefined {
  const v = value as { type?: string; usage?: Record<string, number> } | null;
  if (!v?.usage) return undefined;
  return v.type === "message" ? anthropicUsage(v.usage) : openaiUsage(v.usage);
}

/** Counts what the call used against budgets and the user's token bucket. */
function count(r: Run, out: { value: unknown; model?: string }, given?: Usage): void {
  if (!r.e.budgets && !(r.e.users && r.who.userId)) return;
  const usage = given ?? usageOf(out.value);
  if (!usage) return;
  if (r.e.budgets) {
    const usd = r.e.budgets.costOf(out.model ?? r.model, usage);
    if (usd !== undefined) r.e.budgets.add(r.who, usd);
  }
  if (r.e.users && r.who.userId) r.e.users.used(r.who.userId, (usage.inputTokens ?? 0) + (usage.outputTokens ?? 0));
}

function streamUsage(chunks: unknown[]): Usage | undefined {
  let u: Usage | undefined;
  for (const ch of chunks) {
    const c = ch as { usage?: Record<string, number>; type?: string; message?: { usage?: Record<string, number> } };
    if (c.type === "message_start" && c.message?.usage) u = { ...u, ...anthropicUsage(c.message.usage) };
    else if (c.type === "message_delta" && c.usage) u = { ...u, outputTokens: c.usage.output_tokens };
    else if (c.usage && !c.type) u = openaiUsage(c.usage);
  }
  return u;
}

/** A provider stream made resilient before its first chunk; once complete it is cached, guarded (report only) and counted. */
function streamed(r: Run, c: CallInput, out: Outcome, clear?: () => void): unknown {
  let current = out;
  const max = (r.e.retry?.maxAttempts ?? 1) - out.attempts;
  return resilientStream(out.value, {
    maxReopens: Math.max(0, max),
    stopped: () => r.total?.stopped,
    reopen: async () => {
      const step = { model: current.model ?? r.model ?? "", target: current.target! };
      current = await modelStep(r, step, current.index, current.attempts + 1);
      return current.value;
    },
    onEnd(chunks, completed) {
      clear?.();
      if (!completed) return;
      if (r.e.guards.length) noteVerdicts(current.note, applyGuards(undefined, r.e.guards, false, chunks.map(chunkText).join("")));
      if (r.key) r.e.cache!.save(r.key, chunks, true);
      count(r, current, streamUsage(chunks));
    },
  });
}
