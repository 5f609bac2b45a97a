import { CircuitOpenError } from "./errors.js";

export type BreakerState = "closed" | "open" | "half_open";
export type BreakerChange = { key: string; from: BreakerState; to: BreakerState; at: number; failureRatio?: number };

export type BreakerOptions = {
  /** Opens when failures / requests in the window reach this. Default 0.5. */
  failureRatio?: number;
  /** …and the window holds at least this many requests. Default 10. */
  minRequests?: number;
  /** The sliding window. Default 30 000 ms. */
  windowMs?: number;
  /** Open this long, then one probe is let through (half-open). Default 15 000 ms. */
  cooldownMs?: number;
  /** Told about every state change (also recorded on the request that caused it). */
  onStateChange?: (change: BreakerChange) => void;
};

const BUCKETS = 10;

/**
 * One circuit: counts successes and failures in a sliding window of time buckets (so
 * recording is O(1) and memory fixed), opens on the failure ratio once enough requests
 * were seen, fails fast while open, lets one probe through after the cool-down and closes
 * when it succeeds (or opens again when it fails).
 */
export class CircuitBreaker {
  private stateNow: BreakerState = "closed";
  private openedAt = 0;
  private probing = false;
  private readonly slot: number;
  private readonly starts = new Array<number>(BUCKETS).fill(-1);
  private readonly oks = new Array<number>(BUCKETS).fill(0);
  private readonly fails = new Array<number>(BUCKETS).fill(0);

  constructor(
    readonly key: string,
    private readonly o: BreakerOptions = {},
  ) {
    this.slot = Math.max(1, Math.ceil((o.windowMs ?? 30_000) / BUCKETS));
  }

  /** The state now (an open circuit past its cool-down reads as half-open). */
  get state(): BreakerState {
    if (this.stateNow === "open" && Date.now() - this.openedAt >= (this.o.cooldownMs ?? 15_000)) return "half_open";
    return this.stateNow;
  }

  /**
   * Asks to make a request. Throws `CircuitOpenError` while open, and while half-open
   * when the probe is already out. Returns the state the request goes out in.
   */
  acquire(): BreakerState {
    if (this.stateNow === "closed") return "closed";
    const cooldown = this.o.cooldownMs ?? 15_000;
    const waited = Date.now() - this.openedAt;
    if (this.stateNow === "open" && waited >= cooldown) this.move("half_open");
    if (this.stateNow === "half_open" && !this.probing) {
      this.probing = true;
      return "half_open";
    }
    throw new CircuitOpenError(this.key, Math.max(0, cooldown - waited));
  }

  /** The provider answered (permanent refusals count here too: the provider is up). */
  success(): void {
    if (this.stateNow === "half_open") {
      this.probing = false;
      this.reset();
      this.move("closed");
      return;
    }
    this.count(this.oks);
  }

  /** A transient failure (5xx, 429, timeout, network). */
  failure(): void {
    if (this.stateNow === "half_open") {
      this.probing = false;
      this.open();
      return;
    }
    if (this.stateNow === "open") return;
    this.count(this.fails);
    const { ok, failed } = this.totals();
    const total = ok + failed;
    if (total >= (this.o.minRequests ?? 10) && failed / total >= (this.o.failureRatio ?? 0.5)) this.open(failed / total);
  }

  private open(ratio?: number): void {
    this.openedAt = Date.now();
    this.move("open", ratio);
  }

  private move(to: BreakerState, failureRatio?: number): void {
    const from = this.stateNow;
    if (from === to) return;
    this.stateNow = to;
    try {
      this.o.onStateChange?.({ key: this.key, from, to, at: Date.now(), ...(failureRatio !== undefined ? { failureRatio } : {}) });
    } catch {
      // A throwing listener must not break the call.
    }
  }

  private count(into: number[]): void {
    const n = Math.floor(Date.now() / this.slot);
    const i = n % BUCKETS;
    if (this.starts[i] !== n) {
      this.starts[i] = n;
      this.oks[i] = 0;
      this.fails[i] = 0;
    }
    into[i]!++;
  }

  private totals(): { ok: number; failed: number } {
    const oldest = Math.floor(Date.now() / this.slot) - BUCKETS + 1;
    let ok = 0;
    let failed = 0;
    for (let i = 0; i < BUCKETS; i++) {
      if (this.starts[i]! < oldest) continue;
      ok += this.oks[i]!;
      failed += this.fails[i]!;
    }
    return { ok, failed };
  }

  private reset(): void {
    this.starts.fill(-1);
    this.oks.fill(0);
    this.fails.fill(0);
  }
}

/** One circuit per key (provider/model), made on first use with the same options. */
export class Breakers {
  private readonly circuits = new Map<string, CircuitBreaker>();
  /** The same circuits by provider, then model: found per call without building the key string. */
  private readonly byProvider = new Map<string, Map<string, CircuitBreaker>>();
  constructor(private readonly o: BreakerOptions = {}) {}

  /** `get(\`${provider}:${model}\`)`. */
  of(provider: string, model: string): CircuitBreaker {
    let models = this.byProvider.get(provider);
    if (!models) this.byProvider.set(provider, (models = new Map()));
    let c = models.get(model);
    if (!c) models.set(model, (c = this.get(`${provider}:${model}`)));
    return c;
  }

  get(key: string): CircuitBreaker {
    let c = this.circuits.get(key);
    if (!c) this.circuits.set(key, (c = new CircuitBreaker(key, this.o)));
    return c;
  }

  /** Every circuit's state, for a health page. */
  states(): Record<string, BreakerState> {
    return Object.fromEntries([...this.circuits].map(([k, c]) => [k, c.state]));
  }
}
