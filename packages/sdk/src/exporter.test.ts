import { gunzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { Exporter, retryAfterMs, type Clock } from "./exporter.js";

/** A clock whose timers fire only when the test advances time. */
function fakeClock() {
  let now = 1_000_000;
  let seq = 0;
  const timers = new Map<number, { at: number; fn: () => void }>();
  const clock: Clock = {
    now: () => now,
    setTimeout: (fn, ms) => (timers.set(++seq, { at: now + ms, fn }), seq),
    clearTimeout: (h) => void timers.delete(h as number),
  };
  // Real gzip runs on libuv's pool: let real time pass until the exporter stops
  // creating or clearing timers (three quiet checks in a row), at most ~1.5 s.
  const settle = async () => {
    let last = "";
    for (let i = 0, quiet = 0; i < 100 && quiet < 3; i++) {
      await new Promise((r) => setTimeout(r, 15));
      const signature = `${seq}:${timers.size}`;
      quiet = signature === last ? quiet + 1 : 0;
      last = signature;
    }
  };
  const advance = async (ms: number) => {
    const until = now + ms;
    for (;;) {
      await settle();
      const next = [...timers.entries()].sort((a, b) => a[1].at - b[1].at)[0];
      if (!next || next[1].at > until) break;
      timers.delete(next[0]);
      now = Math.max(now, next[1].at);
      next[1].fn();
    }
    now = until;
    await settle();
  };
  return { clock, advance, pending: () => timers.size };
}

type Reply = { status: number; body?: unknown; headers?: Record<string, string> } | "network-error" | "lost-after-receive";

/** The HTTP boundary: records what was sent, answers from a script. */
function fakeFetch(script: Reply[]) {
  const requests: { ids: string[]; headers: Record<string, string> }[] = [];
  const impl = (async (_url: string, init: RequestInit) => {
    const raw = gunzipSync(Buffer.from(init.body as Uint8Array)).toString("utf8");
    requests.push({ ids: (JSON.parse(raw) as { events: { id: string }[] }).events.map((e) => e.id), headers: init.headers as Record<string, string> });
    const reply = script.shift() ?? { status: 200, body: { accepted: 1, duplicates: 0, rejected: [] } };
    if (reply === "network-error" || reply === "lost-after-receive") throw new TypeError("fetch failed");
    return new Response(JSON.stringify(reply.body ?? {}), { status: reply.status, headers: reply.headers });
  }) as unknown as typeof fetch;
  return { impl, requests };
}

const ev = (i: number) => ({ id: `e${i}`, startTime: 0, durationMs: 1, input: "x".repeat(100) });

describe("Exporter", () => {
  it("batches by size and by interval, gzip JSON with the secret key", async () => {
    const { clock, advance } = fakeClock();
    const f = fakeFetch([]);
    const x = new Exporter({ baseUrl: "http://s", secretKey: "sk-test", flushAt: 3, flushIntervalMs: 1000, fetch: f.impl, clock });
    for (let i = 0; i < 3; i++) x.enqueue(ev(i));
    await advance(0);
    expect(f.requests.map((r) => r.ids)).toEqual([["e0", "e1", "e2"]]);
    expect(f.requests[0]!.headers).toMatchObject({ authorization: "Bearer sk-test", "content-encoding": "gzip", "content-type": "application/json" });
    x.enqueue(ev(3));
    await advance(900);
    expect(f.requests).toHaveLength(1); // below flushAt: waits for the interval
    await advance(100);
    expect(f.requests.map((r) => r.ids)).toEqual([["e0", "e1", "e2"], ["e3"]]);
    expect(x.stats()).toMatchObject({ sent: 4, queued: 0, dropped: 0 });
  });

  it("keeps backoff within full-jitter bounds and the cap, and never below Retry-After", () => {
    const hi = new Exporter({ baseUrl: "http://s", secretKey: "sk", baseBackoffMs: 100, maxBackoffMs: 2000, random: () => 0.999, clock: fakeClock().clock, fetch: fakeFetch([]).impl });
    const lo = new Exporter({ baseUrl: "http://s", secretKey: "sk", baseBackoffMs: 100, maxBackoffMs: 2000, random: () => 0, clock: fakeClock().clock, fetch: fakeFetch([]).impl });
    for (let attempt = 0; attempt < 8; attempt++) {
      const ceiling = Math.min(2000, 100 * 2 ** attempt);
      expect(hi.backoffMs(attempt, null)).toBeLessThanOrEqual(ceiling);
      expect(hi.backoffMs(attempt, null)).toBeGreaterThan(ceiling * 0.99);
      expect(lo.backoffMs(attempt, null)).toBe(0);
      expect(lo.backoffMs(attempt, 5000)).toBe(5000);
    }
    expect(retryAfterMs("3", 0)).toBe(3000);
    expect(retryAfterMs(new Date(10_000).toUTCString(), 4_000)).toBe(6000);
    expect(retryAfterMs("soon", 0)).toBeNull();
  });

  it("retries a batch whose answer was lost with the same ids, honouring Retry-After", async () => {
    const { clock, advance } = fakeClock();
    const f = fakeFetch(["lost-after-receive", { status: 429, headers: { "retry-after": "2" } }, { status: 200, body: { accepted: 2, duplicates: 0, rejected: [] } }]);
    const x = new Exporter({ baseUrl: "http://s", secretKey: "sk", flushAt: 2, fetch: f.impl, clock, random: () => 0 });
    x.enqueue(ev(1));
    x.enqueue(ev(2));
    x.enqueue(ev(3));
    await advance(0);
    expect(f.requests).toHaveLength(2); // first try lost, immediate retry (jitter 0) got 429
    await advance(1999);
    expect(f.requests).toHaveLength(2); // Retry-After: 2 s is a floor
    await advance(1);
    expect(f.requests.slice(0, 3).map((r) => r.ids)).toEqual([["e1", "e2"], ["e1", "e2"], ["e1", "e2"]]);
    await advance(1000);
    const all = f.requests.flatMap((r) => r.ids);
    expect(new Set(all.filter((id) => id !== "e1" && id !== "e2"))).toEqual(new Set(["e3"]));
    expect(x.stats()).toMatchObject({ sent: 3, retried: 2, dropped: 0 });
  });

  it("drops the oldest events at the byte bound and counts them", () => {
    const f = fakeFetch([]);
    const x = new Exporter({ baseUrl: "http://s", secretKey: "sk", flushAt: 1000, maxQueueBytes: 1000, fetch: f.impl, clock: fakeClock().clock });
    for (let i = 0; i < 20; i++) x.enqueue(ev(i));
    const s = x.stats();
    expect(s.queuedBytes).toBeLessThanOrEqual(1000);
    expect(s.dropped + s.queued).toBe(20);
    expect(s.dropped).toBeGreaterThan(0);
  });

  it("drops a permanently refused batch without retrying, and counts 207 rejections", async () => {
    const { clock, advance } = fakeClock();
    const errors: unknown[] = [];
    const f = fakeFetch([{ status: 401 }, { status: 207, body: { accepted: 1, duplicates: 0, rejected: [{ index: 1 }] } }]);
    const x = new Exporter({ baseUrl: "http://s", secretKey: "sk", flushAt: 2, fetch: f.impl, clock, onError: (e) => errors.push(e) });
    for (let i = 0; i < 4; i++) x.enqueue(ev(i));
    await advance(0);
    await advance(0);
    expect(f.requests).toHaveLength(2);
    expect(x.stats()).toMatchObject({ dropped: 2, failedBatches: 1, sent: 1, rejected: 1 });
    expect(errors).toHaveLength(2);
  });

  it("flushes on shutdown and ignores later events", async () => {
    const f = fakeFetch([]);
    const x = new Exporter({ baseUrl: "http://s", secretKey: "sk", flushAt: 100, fetch: f.impl, clock: fakeClock().clock });
    x.enqueue(ev(1));
    await x.shutdown();
    expect(f.requests.map((r) => r.ids)).toEqual([["e1"]]);
    x.enqueue(ev(2));
    expect(x.stats()).toMatchObject({ sent: 1, queued: 0, dropped: 1 });
  });

  it("never throws into the app when the server is down or onError throws, and stays bounded", async () => {
    const { clock, advance } = fakeClock();
    const f = fakeFetch(Array(1000).fill("network-error"));
    const x = new Exporter({ baseUrl: "http://s", secretKey: "sk", flushAt: 10, maxRetries: 2, maxQueueBytes: 5_000, fetch: f.impl, clock, random: () => 0.5, onError: () => { throw new Error("bad handler"); } });
    for (let i = 0; i < 200; i++) expect(() => x.enqueue(ev(i))).not.toThrow();
    await advance(60_000);
    const s = x.stats();
    expect(s.queuedBytes).toBeLessThanOrEqual(5_000);
    expect(s.sent).toBe(0);
    // Everything not queued was dropped and counted, except at most the one batch in flight.
    expect(s.dropped).toBeLessThanOrEqual(200 - s.queued);
    expect(s.dropped).toBeGreaterThanOrEqual(200 - s.queued - 10);
    expect(s.failedBatches).toBeGreaterThan(0);
  });
});
