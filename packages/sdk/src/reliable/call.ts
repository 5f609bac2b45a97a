import { randomUUID } from "node:crypto";
import { anthropicUsage } from "../anthropic.js";
import { currentScope, runInScope, type Scope } from "../context.js";
import type { Usage } from "../events.js";
import { openaiUsage } from "../openai.js";
import { chain, fallbacks, own, modelStep, primaryStep, type Outcome, type Run } from "./chain.js";
import { BudgetExceededError, ShedError, StructuredOutputError } from "./errors.js";
import { applyGuards, type GuardVerdict } from "./guards.js";
import type { Engine } from "./policy.js";
import type { Note, Recording } from "./record.js";
import { isStreamLike, replayStream, resilientStream } from "./stream.js";
import { feedback, parseStructured, setParsed } from "./structured.js";
import type { Params, Target } from "./targets.js";
import { chunkText, answerText } from "./text.js";
import { CallDeadline } from "./timeout.js";

export type CallInput = { e: Engine; env?: Recording; path: string; primary: Target; params: Params; options: Params | undefined; resolve: (client: object, path: string) => Target };

/** One call through the policy, in its own scope so every event it records (attempts, fallbacks, its own) shares the trace. */
export function reliableCall(c: CallInput): Promise<unknown> {
  if (!c.env?.active) return pipeline(c, undefined);
  const parent = currentScope();
  const scope: Scope = parent
    ? { traceId: parent.traceId, spanId: parent.spanId, sampled: parent.sampled, attrs: parent.attrs }
    : { traceId: randomUUID(), spanId: "", sampled: c.env.sampleNew(), attrs: {} };
  const p = runInScope(scope, () => pipeline(c, scope));
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

async function pipeline(c: CallInput, scope: Scope | undefined): Promise<unknown> {
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
  if (e.cache) {
    r.key = e.cache.keyOf(`${r.provider} ${c.path}`, r.params);
    let hit = e.cache.ttlMs > 0 ? e.cache.peek(r.key, e.cache.ttlMs) : undefined;
    if (hit instanceof Promise) hit = await hit;
    if (hit && hit.stream === r.stream) {
      own(r, { status: "ok", cacheHit: true, output: hit.stream ? undefined : hit.value, tags: ["cache:fresh"], metadata: { "reliable.cache": "fresh", "reliable.cacheAgeMs": Math.round(hit.ageMs) } });
      return hit.stream ? replayStream(hit.value as unknown[]) : hit.value;
    }
  }
  if (!e.limiter) return execute(r, c, noop);
  try {
    // A free slot is taken here and `execute` frees it: one promise layer fewer than `run`.
    const release = e.limiter.slot();
    return await (release ? execute(r, c, release) : e.limiter.run((free) => execute(r, c, free)));
  } catch (err) {
    if (err instanceof ShedError && err.reason !== "rate_limit") own(r, { status: "error", error: { type: "shed", message: err.message, retryable: true }, tags: ["shed"], metadata: { "reliable.shed": err.reason } });
    throw err;
  }
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

/** The chain and the answer's last steps; frees the limiter slot (`release`, idempotent) on every way out. */
async function execute(r: Run, c: CallInput, release: () => void): Promise<unknown> {
  const end = () => {
    r.total?.clear();
    release();
  };
  let out: Outcome;
  try {
    r.total = new CallDeadline(r.e.timeout.totalMs, r.options?.signal as AbortSignal | undefined);
    // `chain`, with its primary step awaited here (one async layer fewer for an answer on the first step).
    try {
      out = await primaryStep(r);
    } catch (err) {
      out = await fallbacks(r, c.resolve, err);
    }
  } catch (err) {
    end();
    throw err;
  }
  if (r.stream && isStreamLike(out.value) && !out.local) {
    release(); // a stream holds its slot until its response started
    return streamed(r, c, out, end);
  }
  try {
    if (out.local) return out.value;
    return r.e.json ? await answered(r, c, out) : settle(r, out, out.target?.mapRes ? out.target.mapRes(out.value) : out.value, out.note);
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
function count(r: Run, out: { value: unknown; model?: string }, usage = usageOf(out.value)): void {
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
