import { ShedError } from "./errors.js";

/** A token bucket: holds up to `capacity`, refills continuously at `perMs` tokens per ms. */
export class TokenBucket {
  private tokens: number;
  private at = Date.now();
  constructor(
    readonly capacity: number,
    private readonly perMs: number,
  ) {
    this.tokens = capacity;
  }

  private refill(): void {
    const now = Date.now();
    this.tokens = Math.min(this.capacity, this.tokens + (now - this.at) * this.perMs);
    this.at = now;
  }

  /** Takes `n` when there are that many; otherwise returns the ms until there will be. */
  take(n = 1): number {
    this.refill();
    if (this.tokens >= n) {
      this.tokens -= n;
      return 0;
    }
    return Math.ceil((n - this.tokens) / this.perMs);
  }

  /** Takes `n` even into debt (tokens counted after a call: the next calls wait for the debt to refill). */
  charge(n: number): void {
    this.refill();
    this.tokens -= n;
  }

  /** Ms until at least one token is there (0: now). */
  waitMs(): number {
    this.refill();
    return this.tokens >= 1 ? 0 : Math.ceil((1 - this.tokens) / this.perMs);
  }
}

export type UserRateLimit = {
  /** Requests per user per minute; the bucket holds one minute's worth, so bursts up to it pass. */
  requestsPerMinute?: number;
  /** Model tokens (input + output) per user per minute, counted after each call. */
  tokensPerMinute?: number;
};

/**
 * Per-user request and token limits (token buckets), checked before the call. Users are
 * kept in insertion order and the oldest forgotten past `maxUsers`, so memory stays bounded.
 */
export class UserRateLimits {
  private readonly users = new Map<string, { requests?: TokenBucket; tokens?: TokenBucket }>();
  constructor(
    private limit: UserRateLimit,
    private readonly maxUsers = 10_000,
  ) {}

  /** New limits (e.g. delivered from the console); buckets start over. */
  update(limit: UserRateLimit): void {
    this.limit = limit;
    this.users.clear();
  }

  private of(user: string) {
    let u = this.users.get(user);
    if (!u) {
      const { requestsPerMinute: r, tokensPerMinute: t } = this.limit;
      u = { requests: r ? new TokenBucket(r, r / 60_000) : undefined, tokens: t ? new TokenBucket(t, t / 60_000) : undefined };
      this.users.set(user, u);
      if (this.users.size > this.maxUsers) this.users.delete(this.users.keys().next().value!);
    }
    return u;
  }

  /** Throws `ShedError("rate_limit")` when the user has no request (or token) left. */
  check(user: string): void {
    const u = this.of(user);
    const tokenWait = u.tokens?.waitMs() ?? 0;
    if (tokenWait > 0) throw new ShedError("rate_limit", tokenWait);
    const wait = u.requests?.take(1) ?? 0;
    if (wait > 0) throw new ShedError("rate_limit", wait);
  }

  /** Counts a finished call's tokens against the user. */
  used(user: string, tokens: number): void {
    if (tokens > 0) this.of(user).tokens?.charge(tokens);
  }
}
