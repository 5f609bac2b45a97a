import { Breakers, type BreakerOptions } from "./breaker.js";
import { Budgets, type BudgetOptions, type Limits } from "./budget.js";
import { ResponseCache, type CacheOptions } from "./cache.js";
import type { Guard } from "./guards.js";
import { ConcurrencyLimiter, type LimiterOptions } from "./limiter.js";
import { UserRateLimits, type UserRateLimit } from "./rate-limit.js";
import type { RetryOptions } from "./retry.js";
import type { SchemaLike, StructuredOptions } from "./structured.js";
import type { TimeoutOptions } from "./timeout.js";

/** What an escalation hands over: enough for a person to answer the request later. */
export type EscalationRequest = {
  queue?: string;
  provider: string;
  model?: string;
  input: unknown;
  params: Record<string, unknown>;
  /** Why the chain gave up. */
  reason: string;
  traceId: string;
  /** The last recorded model call of this request, if any. */
  requestId?: string;
  userId?: string;
  endpoint?: string;
};

export type EscalateOptions = {
  queue?: string;
  /** Your own hand-over (a ticket, a message). Its result, if not undefined, is the answer. */
  handler?: (request: EscalationRequest) => unknown;
  /** A holding answer to return once escalated (e.g. "A person will reply by e-mail."). Without one, `EscalatedError` is thrown. */
  answer?: unknown;
};

/** One step of the fallback chain, tried in order after the primary call failed in a way that moves on. */
export type FallbackStep =
  /** Another model; on another client (OpenAI ↔ Anthropic chat is mapped both ways) when `client` is given. */
  | { model: string; client?: object }
  /** An earlier answer to the same request, at most `maxStaleMs` old; served marked stale. */
  | { cached: { maxStaleMs: number } }
  /** A fixed answer in the client's own shape, or a function making one from the request. */
  | { static: unknown }
  /** Hand the request to people: `handler`, else `sextant.escalate` (review queues), else only recorded. */
  | { escalate: EscalateOptions };

export type OutputPolicy = {
  /** Parse and validate the answer as JSON (repairing the usual breakages); read the value with `parsedOf(answer)`. */
  json?: SchemaLike | StructuredOptions;
  guards?: Guard[];
};

/**
 * `true` (or `{ limits: "console", … }`): the budgets and per-user limits defined in the console,
 * delivered through `sextant.flags` and kept current (only through `sextant.reliable`).
 * Otherwise a local limits object, or a `Budgets` shared between clients.
 */
export type BudgetPolicy = Budgets | ({ limits: Limits } & BudgetOptions) | true | ({ limits: "console" } & BudgetOptions);

/** Everything `reliable()` can do; every part is optional and works alone. */
export type ReliablePolicy = {
  /** `false`: one attempt. Default none (one attempt). */
  retry?: RetryOptions | false;
  timeout?: TimeoutOptions;
  /** Options (one circuit per provider:model), or a `Breakers` shared between clients. */
  breaker?: BreakerOptions | Breakers;
  fallbacks?: FallbackStep[];
  /**
   * Permanent error types that also move to the next step (transient ones always do):
   * an error class (`bad_request`, `content_filter`, `auth` …) or `context_length`.
   */
  fallbackOn?: string[];
  /** Options, or a `ResponseCache` shared between clients. */
  cache?: CacheOptions | ResponseCache;
  limiter?: LimiterOptions | ConcurrencyLimiter;
  /** Per-user request/token limits (else `limits.userRateLimit` of the budget). */
  userRateLimit?: UserRateLimit | UserRateLimits;
  budget?: BudgetPolicy;
  output?: OutputPolicy;
  /** The user the limits and budgets count for. Default: the trace's `userId`, then the request's `user` / `metadata.user_id`. */
  userOf?: (params: Record<string, unknown>) => string | undefined;
  /** The endpoint budgets count for. Default: the trace's `endpoint`. */
  endpoint?: string;
};

/** The policy with its stateful parts made (once per `reliable()` client, unless shared instances were given). */
export type Engine = {
  retry?: RetryOptions;
  timeout: TimeoutOptions;
  breakers?: Breakers;
  cache?: ResponseCache;
  limiter?: ConcurrencyLimiter;
  users?: UserRateLimits;
  budgets?: Budgets;
  json?: StructuredOptions;
  guards: Guard[];
  fallbacks: FallbackStep[];
  fallbackOn: Set<string>;
  userOf?: ReliablePolicy["userOf"];
  endpoint?: string;
};

export function makeEngine(p: ReliablePolicy): Engine {
  const stale = Math.max(0, ...(p.fallbacks ?? []).map((s) => ("cached" in s ? s.cached.maxStaleMs : 0)));
  // Console limits are resolved by `Sextant.reliable` (which has the flags client); alone, there are none.
  const local = p.budget === true || (p.budget && !(p.budget instanceof Budgets) && p.budget.limits === "console") ? undefined : p.budget;
  const budgets = local instanceof Budgets ? local : local ? new Budgets(local.limits as Limits, local) : undefined;
  const rate = p.userRateLimit ?? budgets?.current.userRateLimit;
  const json = p.output?.json;
  let cache: ResponseCache | undefined;
  if (p.cache instanceof ResponseCache) cache = p.cache;
  else if (p.cache) cache = new ResponseCache(p.cache, stale);
  // A `cached` step needs answers kept even without a cache policy; then nothing is served as fresh.
  else if (stale > 0) cache = new ResponseCache({ ttlMs: 0 }, stale);
  return {
    retry: p.retry === false ? undefined : p.retry,
    timeout: p.timeout ?? {},
    breakers: p.breaker instanceof Breakers ? p.breaker : p.breaker ? new Breakers(p.breaker) : undefined,
    cache,
    limiter: p.limiter instanceof ConcurrencyLimiter ? p.limiter : p.limiter ? new ConcurrencyLimiter(p.limiter) : undefined,
    users: rate instanceof UserRateLimits ? rate : rate ? new UserRateLimits(rate) : undefined,
    budgets,
    json: json ? ("schema" in json ? json : { schema: json }) : undefined,
    guards: p.output?.guards ?? [],
    fallbacks: p.fallbacks ?? [],
    fallbackOn: new Set(p.fallbackOn ?? []),
    userOf: p.userOf,
    endpoint: p.endpoint,
  };
}
