import { randomUUID } from "node:crypto";
import { ANTHROPIC_SPECS } from "./anthropic.js";
import type { Attrs } from "./attrs.js";
import { resolveOptions, type SextantOptions } from "./config.js";
import { currentScope, runInScope } from "./context.js";
import type { EventKind } from "./events.js";
import { sendEscalation, type EscalationInput, type EscalationResult } from "./escalate.js";
import { FlagsClient } from "./flags-client.js";
import { Generation, type GenerationFields } from "./generation.js";
import { OPENAI_SPECS } from "./openai.js";
import { PromptClient } from "./prompts-client.js";
import { providerHook, type CallSpec } from "./provider-call.js";
import { Recorder, type SextantStats } from "./recorder.js";
import { reliable as applyPolicy } from "./reliable/client.js";
import { Budgets } from "./reliable/budget.js";
import type { ReliablePolicy } from "./reliable/policy.js";
import { UserRateLimits } from "./reliable/rate-limit.js";
import { Annotations, type Recording } from "./reliable/record.js";
import { childScope, Span, type SpanFields } from "./span.js";
import { wrapClient, type MethodHook } from "./wrap.js";

export type ScoreInput = {
  requestId?: string;
  traceId?: string;
  name: string;
  value: number | boolean | string;
  comment?: string;
  source?: "user" | "eval" | "human" | "api";
  /** Idempotency key; one is made up when not given. */
  id?: string;
};

export type ObserveOptions = Attrs & { name?: string; kind?: EventKind; captureInput?: boolean; captureOutput?: boolean };

/**
 * The SDK's front door: tracing with async context, the provider wrappers, scores, and
 * the exporter behind them. Nothing here throws into your app or waits on the network.
 */
export class Sextant {
  private readonly rec: Recorder;
  private readonly notes = new Annotations();
  private readonly escalation: { baseUrl: string; secretKey: string | undefined; fetch?: typeof fetch; onError?: (err: Error) => void };
  /** `prompts.get(name, {label | version, cacheTtlMs, fallback})`: managed prompts, cached, with a fallback. Uses the secret key. */
  readonly prompts: PromptClient;
  /** Feature flags evaluated locally: `flags.getBooleanValue(key, default, context)`, kept current by polling and a stream. */
  readonly flags: FlagsClient;

  constructor(options: SextantOptions = {}) {
    const o = resolveOptions(options);
    o.redact = this.notes.redactor(o.redact); // reliability decisions reach the events the wrappers recorded
    this.rec = new Recorder(o);
    this.escalation = { baseUrl: o.baseUrl, secretKey: o.secretKey, fetch: o.fetch, onError: o.onError };
    this.prompts = new PromptClient({ baseUrl: o.baseUrl, key: o.secretKey, fetch: o.fetch, onError: o.onError });
    const f = o.flags ?? {};
    this.flags = new FlagsClient({
      ...f,
      baseUrl: o.baseUrl,
      secretKey: o.secretKey,
      key: f.key ?? (process.env.SEXTANT_PUBLIC_KEY || undefined),
      environment: f.environment ?? o.environment,
      exposures: o.enabled && (f.exposures ?? true),
      fetch: o.fetch,
      onError: o.onError,
    });
    if (o.flags) void this.flags.ready();
  }

  /**
   * Runs `fn` as a trace: the root span, unless a trace is already running, in which case
   * it is a span of that trace. Spans and model calls inside it nest under it and inherit
   * `attrs`. What `fn` returns (or throws) is passed through unchanged; sync or async.
   */
  trace<T>(name: string, fn: (span: Span) => T, attrs?: SpanFields): T {
    return this.span(name, fn, attrs);
  }

  /** Runs `fn` as a span of the current trace (or a new trace when there is none). */
  span<T>(name: string, fn: (span: Span) => T, attrs?: SpanFields): T {
    const { scope, parentId } = childScope(this.rec, attrs);
    const span = new Span(this.rec, scope, parentId, name, attrs ?? {});
    let result: T;
    try {
      result = runInScope(scope, () => fn(span));
    } catch (err) {
      span.end(err);
      throw err;
    }
    if (result instanceof Promise) {
      return result.then(
        (value: unknown) => {
          span.end();
          return value;
        },
        (err: unknown) => {
          span.end(err);
          throw err;
        },
      ) as T;
    }
    span.end();
    return result;
  }

  /** `fn` wrapped so that every call runs as a span (named after the function). Arguments and result are recorded when asked. */
  observe<F extends (...args: never[]) => unknown>(fn: F, options: ObserveOptions = {}): F {
    const { name, captureInput, captureOutput, ...attrs } = options;
    const label = name ?? (fn.name || "observed");
    const span = this.span.bind(this);
    return function (this: unknown, ...args: Parameters<F>) {
      return span(
        label,
        (span) => {
          if (captureInput) span.update({ input: args.length === 1 ? args[0] : args });
          const out = fn.apply(this, args);
          if (!captureOutput) return out;
          if (out instanceof Promise) return out.then((v: unknown) => (span.update({ output: v }), v));
          span.update({ output: out });
          return out;
        },
        attrs,
      );
    } as F;
  }

  /**
   * A model call you record yourself. With `durationMs` or `endTime` it is recorded at
   * once; otherwise call `end({output, usage})` or `fail(err)` on the handle.
   */
  generation(fields: GenerationFields): Generation {
    const gen = new Generation(this.rec, { ...fields });
    if (fields.durationMs !== undefined || fields.endTime !== undefined) gen.end();
    return gen;
  }

  /** A score on a request (`requestId`: a span's or generation's id) or a whole trace. */
  score(input: ScoreInput): void {
    if (!input.requestId && !input.traceId) {
      this.rec.report("Sextant ignored a score without requestId or traceId");
      return;
    }
    this.rec.score({ id: input.id ?? randomUUID(), source: input.source ?? "api", ...input });
  }

  /** A user's thumbs up (`positive: true`) or down, stored as the boolean score `user_feedback`. */
  feedback(input: { requestId?: string; traceId?: string; positive: boolean; comment?: string; id?: string }): void {
    const { positive, ...rest } = input;
    this.score({ ...rest, name: "user_feedback", value: positive, source: "user" });
  }

  /** Records `chat.completions.create`, `responses.create` and `embeddings.create` of an `openai` client. Same object type back. */
  wrapOpenAI<T extends object>(client: T, defaults?: Attrs): T {
    return wrapClient(client, this.hooks(OPENAI_SPECS, defaults));
  }

  /** Records `messages.create` (and so `messages.stream`) of an `@anthropic-ai/sdk` client. Same object type back. */
  wrapAnthropic<T extends object>(client: T, defaults?: Attrs): T {
    return wrapClient(client, this.hooks(ANTHROPIC_SPECS, defaults));
  }

  /**
   * `client` (from `wrapOpenAI`/`wrapAnthropic`) with the reliability policy applied to its model
   * calls: retry, timeouts, circuit breaker, fallbacks, cache, limits, budgets, structured output
   * and guards. Same type back; every decision is recorded on the calls' events.
   */
  reliable<T extends object>(client: T, policy: ReliablePolicy = {}): T {
    const env: Recording = {
      active: this.rec.active,
      sampleNew: () => this.rec.sampleNew(),
      annotate: (id, note) => this.notes.set(id, note),
      generation: (fields) => void this.generation(fields),
      // The human fallback: the failed call's request (or its trace) goes to the step's review queue.
      escalate: (request) =>
        request.queue
          ? this.escalate({ requestId: request.requestId, traceId: request.traceId || undefined, queue: request.queue, reason: request.reason }).then((r) => {
              if (!r.ok) throw new Error(r.error);
              return r;
            })
          : Promise.reject(new Error("escalate needs a queue (fallbacks: [{ escalate: { queue } }])")),
      report: (message) => this.rec.report(message),
    };
    return applyPolicy(client, this.consoleLimits(policy), env);
  }

  /**
   * `budget: true` (or `{ limits: "console" }`): budgets and the per-user limit come from the
   * console with the flag config, and every delivery (new revision, or refreshed spend) updates
   * them. Until the first delivery nothing is enforced: `await sextant.flags.ready()` at start-up.
   */
  private consoleLimits(policy: ReliablePolicy): ReliablePolicy {
    const b = policy.budget;
    if (b !== true && !(b && !(b instanceof Budgets) && b.limits === "console")) return policy;
    const budgets = new Budgets(this.flags.limits() ?? {}, b === true ? {} : b);
    const own = policy.userRateLimit === undefined;
    let rate = JSON.stringify(budgets.current.userRateLimit ?? {});
    const users = own ? new UserRateLimits(budgets.current.userRateLimit ?? {}) : policy.userRateLimit;
    this.flags.onLimits((limits) => {
      budgets.update(limits);
      // Buckets start over only when the limit itself changed, not with every spend refresh.
      const next = JSON.stringify(limits.userRateLimit ?? {});
      if (own && next !== rate) (users as UserRateLimits).update(limits.userRateLimit ?? {});
      rate = next;
    });
    void this.flags.refresh();
    return { ...policy, budget: budgets, userRateLimit: users };
  }

  /**
   * Hands a request to people: it becomes an item in the review queue `queue` (by name or id),
   * by `requestId` (accepted before the event itself arrives) or by `traceId` (its root request).
   * Never throws; `{ok: false}` when refused or unreachable (also reported to `onError`).
   */
  escalate(input: EscalationInput): Promise<EscalationResult> {
    return sendEscalation(this.escalation, input);
  }

  /** The trace the calling code runs in, if any. */
  currentTraceId(): string | undefined {
    return currentScope()?.traceId;
  }

  /** Sends everything recorded so far; resolves when sent or given up. Never rejects. */
  flush(): Promise<void> {
    return Promise.all([this.rec.flush(), this.flags.flushExposures()]).then(() => undefined);
  }

  /** Flushes for at most `timeoutMs` (default 5 s), then stops. Call before a serverless function or the process ends. */
  shutdown(timeoutMs?: number): Promise<void> {
    return Promise.all([this.rec.shutdown(timeoutMs), this.flags.close()]).then(() => undefined);
  }

  /** The exporter's counters (events, and `scores` apart); `queued` includes events not yet serialised. */
  stats(): SextantStats {
    return this.rec.stats();
  }

  private hooks(specs: Record<string, CallSpec>, defaults: Attrs | undefined): Record<string, MethodHook> {
    return Object.fromEntries(Object.entries(specs).map(([path, spec]) => [path, providerHook(this.rec, defaults, spec)]));
  }
}
