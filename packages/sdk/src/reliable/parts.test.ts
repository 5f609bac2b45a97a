import { AsyncLocalStorage } from "node:async_hooks";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { CircuitBreaker, type BreakerChange } from "./breaker.js";
import { Budgets } from "./budget.js";
import { cacheKey, LruStore, ResponseCache } from "./cache.js";
import { BudgetExceededError, CircuitOpenError, ShedError, TimeoutError } from "./errors.js";
import { ConcurrencyLimiter } from "./limiter.js";
import { UserRateLimits } from "./rate-limit.js";
import { retry } from "./retry.js";
import { CallDeadline, withTimeout } from "./timeout.js";

const apiError = (status: number, headers: Record<string, string> = {}) => Object.assign(new Error(`HTTP ${status}`), { status, headers });

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(Date.UTC(2026, 0, 15, 12));
});
afterEach(() => vi.useRealTimers());

describe("retry", () => {
  it("retries transient errors with backoff until success, and never a permanent one", async () => {
    let calls = 0;
    const p = retry(async () => {
      if (++calls < 3) throw apiError(503);
      return "ok";
    }, { maxAttempts: 4, baseDelayMs: 100, random: () => 1 });
    await vi.advanceTimersByTimeAsync(1_000);
    await expect(p).resolves.toBe("ok");
    expect(calls).toBe(3);

    calls = 0;
    await expect(retry(async () => (calls++, Promise.reject(apiError(400))), { maxAttempts: 4 })).rejects.toMatchObject({ status: 400 });
    expect(calls).toBe(1);
  });

  it("waits at least the provider's retry-after before the next attempt", async () => {
    let calls = 0;
    const p = retry(async () => {
      if (++calls === 1) throw apiError(429, { "retry-after": "2" });
      return "ok";
    }, { maxAttempts: 2, baseDelayMs: 10, random: () => 0 });
    await vi.advanceTimersByTimeAsync(1_999);
    expect(calls).toBe(1);
    await vi.advanceTimersByTimeAsync(1);
    await expect(p).resolves.toBe("ok");
    expect(calls).toBe(2);
  });

  it("gives up at once when the next wait would pass the deadline", async () => {
    let calls = 0;
    const p = retry(async () => (calls++, Promise.reject(apiError(429, { "retry-after-ms": "5000" }))), { maxAttempts: 5, deadlineMs: 1_000 });
    await expect(p).rejects.toMatchObject({ status: 429 });
    expect(calls).toBe(1);
  });
});

describe("withTimeout", () => {
  it("aborts the attempt's signal and rejects with TimeoutError, even when the work ignores the signal", async () => {
    let signal: AbortSignal | undefined;
    const p = withTimeout((s) => ((signal = s), new Promise(() => undefined)), 500);
    const caught = p.catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(500);
    expect(await caught).toBeInstanceOf(TimeoutError);
    expect(signal!.aborted).toBe(true);
  });

  it("leaves no timer behind once the attempt answered", async () => {
    await expect(withTimeout(async () => "ok", 500)).resolves.toBe("ok");
    expect(vi.getTimerCount()).toBe(0);
  });

  it("cuts the running attempt at the call's total timeout, even when the work ignores the signal", async () => {
    const call = new CallDeadline(1_000);
    let signal: AbortSignal | undefined;
    const caught = call.attempt((s) => ((signal = s), new Promise(() => undefined)), 5_000).catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(await caught).toMatchObject({ name: "TimeoutError", scope: "total", afterMs: 1_000 });
    expect(signal!.aborted).toBe(true);
    call.clear();
    expect(vi.getTimerCount()).toBe(0);
  });
});

describe("CircuitBreaker", () => {
  it("opens on the failure ratio once enough requests were seen, fails fast, lets one probe through after the cool-down and closes on its success", () => {
    const changes: BreakerChange[] = [];
    const b = new CircuitBreaker("openai:gpt-4o", { failureRatio: 0.5, minRequests: 4, windowMs: 10_000, cooldownMs: 5_000, onStateChange: (c) => changes.push(c) });
    b.acquire(); b.failure();
    b.acquire(); b.failure();
    b.acquire(); b.failure();
    expect(b.state).toBe("closed"); // below the minimum count
    b.acquire(); b.success();
    b.acquire(); b.failure(); // 4 of 5 failed
    expect(b.state).toBe("open");
    expect(() => b.acquire()).toThrow(CircuitOpenError);
    vi.advanceTimersByTime(5_000);
    expect(b.acquire()).toBe("half_open");
    expect(() => b.acquire()).toThrow(CircuitOpenError); // one probe at a time
    b.success();
    expect(b.state).toBe("closed");
    expect(changes.map((c) => `${c.from}>${c.to}`)).toEqual(["closed>open", "open>half_open", "half_open>closed"]);
  });

  it("opens again when the probe fails, and forgets failures that left the window", () => {
    const b = new CircuitBreaker("k", { minRequests: 2, windowMs: 10_000, cooldownMs: 1_000 });
    b.failure();
    vi.advanceTimersByTime(11_000);
    b.failure();
    expect(b.state).toBe("closed"); // the first failure is out of the window
    b.failure();
    expect(b.state).toBe("open");
    vi.advanceTimersByTime(1_000);
    b.acquire();
    b.failure();
    expect(() => b.acquire()).toThrow(CircuitOpenError);
  });
});

describe("ConcurrencyLimiter", () => {
  it("with 4 in flight and 8 queued, a burst of 50 gets 12 served and 38 shed at once", async () => {
    const limiter = new ConcurrencyLimiter({ maxInFlight: 4, maxQueue: 8, maxWaitMs: 10_000 });
    const settled: string[] = [];
    const work = () => new Promise<string>((r) => setTimeout(() => r("served"), 100));
    const all = Array.from({ length: 50 }, () => limiter.run(work).then((v) => settled.push(v), (e: unknown) => settled.push(e instanceof ShedError ? e.reason : "other")));
    await Promise.resolve();
    await Promise.resolve();
    expect(settled).toEqual(Array(38).fill("queue_full")); // before any work finished
    await vi.advanceTimersByTimeAsync(1_000);
    await Promise.all(all);
    expect(settled.filter((s) => s === "served")).toHaveLength(12);
  });

  it("sheds a queued call that waited longer than maxWaitMs", async () => {
    const limiter = new ConcurrencyLimiter({ maxInFlight: 1, maxQueue: 1, maxWaitMs: 50 });
    void limiter.run(() => new Promise((r) => setTimeout(r, 1_000)));
    const queued = limiter.run(async () => "late").catch((e: ShedError) => e.reason);
    await vi.advanceTimersByTimeAsync(50);
    expect(await queued).toBe("queue_timeout");
  });

  it("frees a slot taken at once a single time however often it is released, starting the next queued call", async () => {
    const limiter = new ConcurrencyLimiter({ maxInFlight: 1, maxQueue: 1 });
    const release = limiter.slot()!;
    expect(limiter.slot()).toBeUndefined();
    const queued = limiter.run(async () => "next");
    expect(limiter.queued).toBe(1);
    release();
    release();
    expect(await queued).toBe("next");
    expect(limiter.inFlight).toBe(0);
  });

  it("starts a queued call in its own async context, not in the context of the call that freed the slot", async () => {
    const store = new AsyncLocalStorage<string>();
    const limiter = new ConcurrencyLimiter({ maxInFlight: 1, maxQueue: 1 });
    let free!: () => void;
    const first = store.run("first", () => limiter.run(() => {
      const mine = store.getStore()!;
      return new Promise<string>((r) => (free = () => r(mine)));
    }));
    const second = store.run("second", () => limiter.run(async () => store.getStore()));
    store.run("releaser", () => free());
    expect(await Promise.all([first, second])).toEqual(["first", "second"]);
  });
});

describe("UserRateLimits", () => {
  it("sheds the 11th request of a user in a 10-per-minute window, not another user's, and refills", () => {
    const limits = new UserRateLimits({ requestsPerMinute: 10 });
    for (let i = 0; i < 10; i++) limits.check("u-1");
    expect(() => limits.check("u-1")).toThrow(ShedError);
    limits.check("u-2");
    vi.advanceTimersByTime(6_000);
    limits.check("u-1"); // one more after a tenth of a minute
  });
});

describe("Budgets", () => {
  const prices = { "gpt-4o": { inputPerMTok: 2.5, outputPerMTok: 10 } };
  it("blocks within one call of a hard limit, counting the server's spend plus local calls", () => {
    const b = new Budgets({ prices, budgets: [{ id: "daily", scope: "project", period: "day", limitUsd: 1, enforcement: "hard", spentUsd: 0.9 }] });
    b.check({ model: "gpt-4o" });
    b.add({}, b.costOf("gpt-4o", { inputTokens: 20_000, outputTokens: 6_000 })!); // 0.05 + 0.06
    expect(() => b.check({ model: "gpt-4o" })).toThrow(BudgetExceededError);
    vi.setSystemTime(Date.UTC(2026, 0, 16, 0, 0, 1)); // a new day: local spend starts over (the server's stays until the next delivery)
    b.update({ prices, budgets: [{ id: "daily", scope: "project", period: "day", limitUsd: 1, enforcement: "hard", spentUsd: 0 }] });
    expect(b.check({ model: "gpt-4o" }).model).toBeUndefined();
  });

  it("downgrades per user, and reports a soft budget once", () => {
    const soft: string[] = [];
    const b = new Budgets(
      { budgets: [{ id: "per-user", scope: "user", period: "month", limitUsd: 0.5, enforcement: "hard", action: "downgrade", downgradeTo: "gpt-4o-mini", spentUsd: { "u-1": 0.6 } }, { id: "alert", scope: "project", period: "day", limitUsd: 0, enforcement: "soft" }] },
      { onSoftLimit: (budget) => soft.push(budget.id) },
    );
    expect(b.check({ userId: "u-1", model: "gpt-4o" })).toEqual({ model: "gpt-4o-mini", downgradedBy: "per-user", soft: ["alert"] });
    expect(b.check({ userId: "u-2", model: "gpt-4o" }).model).toBeUndefined();
    expect(soft).toEqual(["alert"]);
  });

  it("starts a monthly budget's local spend over with the next UTC month", () => {
    const b = new Budgets({ prices, budgets: [{ id: "monthly", scope: "project", period: "month", limitUsd: 1, enforcement: "hard" }] });
    b.add({}, 1);
    expect(() => b.check({ model: "gpt-4o" })).toThrow(BudgetExceededError);
    vi.setSystemTime(Date.UTC(2026, 0, 31, 23, 59, 59));
    expect(() => b.check({ model: "gpt-4o" })).toThrow(BudgetExceededError);
    vi.setSystemTime(Date.UTC(2026, 1, 1));
    expect(b.check({ model: "gpt-4o" }).model).toBeUndefined();
  });
});

describe("ResponseCache", () => {
  it("keys by content regardless of key order, serves fresh within the TTL, stale only when asked, and evicts least recently used", async () => {
    expect(cacheKey("openai", { model: "m", messages: [{ role: "user", content: "hi" }], temperature: 0 })).toBe(cacheKey("openai", { temperature: 0, messages: [{ content: "hi", role: "user" }], model: "m", stream_options: { include_usage: true } }));
    expect(cacheKey("openai", { model: "m", temperature: 0 })).not.toBe(cacheKey("openai", { model: "m", temperature: 1 }));
    const cache = new ResponseCache({ ttlMs: 1_000, store: new LruStore(2) }, 60_000);
    cache.save("a", { text: "A" });
    vi.advanceTimersByTime(2_000);
    expect(await cache.lookup("a", cache.ttlMs)).toBeUndefined();
    expect(await cache.lookup("a", 60_000)).toMatchObject({ value: { text: "A" }, ageMs: 2_000 });
    cache.save("b", 1);
    cache.save("c", 2);
    expect(await cache.lookup("a", 60_000)).toBeUndefined();
  });

  it("keeps an answer that is asked for again through many evictions, and forgets the rest oldest first", () => {
    const store = new LruStore(3);
    const entry = (body: string) => ({ body, storedAt: 0 });
    store.set("hot", entry("H"));
    for (let i = 0; i < 100; i++) {
      store.set(`k${i}`, entry(String(i)));
      expect(store.get("hot")?.body).toBe("H");
    }
    expect(store.size).toBe(3);
    expect([store.get("k97"), store.get("k98"), store.get("k99")].map((e) => e?.body)).toEqual([undefined, "98", "99"]);
  });

  it("gives a store of yours the sha256 key; the built-in store answers at once", async () => {
    const keys: string[] = [];
    const store = { get: async (key: string) => void keys.push(key), set: () => undefined };
    const params = { model: "m", messages: [{ role: "user", content: "hi" }] };
    const yours = new ResponseCache({ store });
    expect(await yours.lookup(yours.keyOf("openai", params), 1_000)).toBeUndefined();
    expect(keys).toEqual([cacheKey("openai", params)]);
    const own = new ResponseCache();
    const key = own.keyOf("openai", params);
    expect(key).toBe(own.keyOf("openai", { messages: [{ content: "hi", role: "user" }], model: "m" }));
    own.save(key, { text: "A" });
    expect(own.peek(key, 1_000)).toMatchObject({ value: { text: "A" }, ageMs: 0 });
  });
});
