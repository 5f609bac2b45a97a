/**
 * The typed errors the reliability toolkit throws. Each says what was decided, so the app can
 * answer its user (e.g. "busy, try again in 2 s") instead of guessing from a message.
 */
export type ShedReason = "queue_full" | "queue_timeout" | "rate_limit";

/** Rejected at once, before any network attempt: the limiter's queue is full or waited too long, or a per-user rate limit ran out. */
export class ShedError extends Error {
  override readonly name = "ShedError";
  constructor(
    readonly reason: ShedReason,
    /** When trying again has a chance (rate limits only). */
    readonly retryAfterMs?: number,
  ) {
    super(reason === "rate_limit" ? "Rate limit reached for this user; request shed." : reason === "queue_full" ? "Too many requests in flight and queued; request shed." : "Waited too long for a free slot; request shed.");
  }
}

/** The circuit for this provider/model is open: failing fast without a network attempt. */
export class CircuitOpenError extends Error {
  override readonly name = "CircuitOpenError";
  constructor(
    readonly key: string,
    readonly retryAfterMs: number,
  ) {
    super(`The circuit for ${key} is open; failing fast.`);
  }
}

/** A hard budget is spent and its action is to block. */
export class BudgetExceededError extends Error {
  override readonly name = "BudgetExceededError";
  constructor(
    readonly budget: string,
    readonly spentUsd: number,
    readonly limitUsd: number,
  ) {
    super(`Budget ${budget} is spent ($${spentUsd.toFixed(4)} of $${limitUsd}); request blocked.`);
  }
}

/**
 * An attempt (or the whole call) ran out of time and was cancelled. Named `TimeoutError`
 * like the platform's, so it is classified as a (transient) `timeout`.
 */
export class TimeoutError extends Error {
  override readonly name = "TimeoutError";
  constructor(
    readonly scope: "attempt" | "total",
    readonly afterMs: number,
  ) {
    super(`The ${scope === "attempt" ? "attempt" : "call"} timed out after ${afterMs} ms.`);
  }
}

/** An output guard with the action `block` matched the answer. */
export class GuardBlockedError extends Error {
  override readonly name = "GuardBlockedError";
  constructor(readonly guard: string) {
    super(`The answer was blocked by the output guard ${guard}.`);
  }
}

/** The answer was not valid JSON for the schema (after repair, and after the retry when asked). */
export class StructuredOutputError extends Error {
  override readonly name = "StructuredOutputError";
  constructor(
    message: string,
    readonly text: string,
  ) {
    super(message);
  }
}

/** Every step failed and the request was handed to people (`escalate`) with no holding answer. */
export class EscalatedError extends Error {
  override readonly name = "EscalatedError";
  constructor(
    readonly queue: string | undefined,
    readonly escalation: unknown,
    override readonly cause: unknown,
  ) {
    super(`Every step failed; the request was escalated${queue ? ` to ${queue}` : ""}.`);
  }
}
