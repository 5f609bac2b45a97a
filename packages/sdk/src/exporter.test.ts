import { gunzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import type { Event } from "./events.js";
import { Exporter, retryAfterMs, type Clock, type ExporterOptions } from "./exporter.js";

const START = 1_700_000_000_000; // a whole second, so HTTP dates round-trip exactly

/** A clock whose timers fire only when the test advances it; records every delay asked for. */
function fakeClock() {
  let now = START;
  let seq = 0;
  const timers = new Map<number, { at: number; fn: () => void }>();
  const delays: number[] = [];
  const clock: Clock = {
    now: () => now,
    setTimeout: (fn, ms) => {
      delays.push(ms);
      timers.set(++seq, { at: now + ms, fn });
      return seq;
    },
    clearTimeout: (h) => void timers.delete(h as number),
  };
  // gzip runs on libuv's pool: let real time pass until no timer is created or cleared for a while.
  const settle = async () => {
    let last = "";
    for (let i = 0, quiet = 0; i < 200 && quiet < 3; i++) {
      await new Promise((r) => setTimeout(r, 4));
      const signature = `${seq}:${timers.size}`;
      quiet = signature === last ? quiet + 1 : 0;
      last = signature;
    }
  };
  const advance = async (ms: number) => {
    const until = now + ms;
    for (;;) {
      await settle();
      const next = [...timers.entries()].sort((a, b) => a[1].at - b[1].at || a[0] - b[0])[0];
      if (!next || next[1].at > until) break;
      timers.delete(next[0]);
      now = Math.max(now, next[1].at);
      next[1].fn();
    }
    now = until;
    await settle();
  };
  return { clock, advance, delays, now: () => now };
}

type Reply =
  | { status: number; body?: unknown; headers?: Record<string, string> }
  | "network-error" // the request never reached the server
  | "lost-after-receive" // the server stored it, the answer never came back
  | "hang"; // no answer until aborted

/** The HTTP boundary: records what was sent, answers from a script (then 200). */
function fakeFetch(script: Reply[] = []) {
  const requests: { url: string; events: { id: string }[]; headers: Record<string, string> }[] = [];
  const impl = (async (url: string, init: RequestInit) => {
    const raw = gunzipSync(Buffer.from(init.body as Uint8Array)).toString("utf8");
    requests.push({ url, events: (JSON.parse(raw) as { events: { id: string }[] }).events, headers: init.headers as Record<string, string> });
    const reply = script.shift() ?? { status: 200, body: { accepted: 1, duplicates: 0, rejected: [] } };
    if (reply === "network-error" || reply === "lost-after-receive") throw new TypeError("fetch failed");
    if (reply === "hang") {
      return new Promise<Response>((_, reject) => init.signal?.addEventListener("abort", () => reject(init.signal?.reason)));
    }
    return new Response(JSON.stringify(reply.body ?? {}), { status: reply.status, headers: reply.headers });
  }) as unknown as typeof fetch;
  const ids = () => requests.map((r) => r.events.map((e) => e.id));
  return { impl, requests, ids };
}

const ev = (i: number): Event => ({ id: `e${i}`, startTime: 0, durationMs: 1, input: "x".repeat(100) });

function setup(opts: Partial<ExporterOptions> = {}, script: Reply[] = []) {
  const c = fakeClock();
  const f = fakeFetch(script);
  const errors: Error[] = [];
  const x = new Exporter({ baseUrl: "http://sextant.test/", secretKey: "sk-test", fetch: f.impl, clock: c.clock, onError: (e) => errors.push(e), ...opts });
  return { ...c, f, x, errors };
}

describe("Exporter", () => {
  it("sends a full batch at flushAt (not inside enqueue) and the rest on the interval", async () => {
    const { x, f, advance } = setup({ flushAt: 3, flushIntervalMs: 1000 });
    for (let i = 0; i < 4; i++) x.enqueue(ev(i));
    expect(f.requests).toHaveLength(0); // never inline
    await advance(0);
    expect(f.ids()).toEqual([["e0", "e1", "e2"]]);
    await advance(999);
    expect(f.ids()).toHaveLength(1);
    await advance(1);
    expect(f.ids()).toEqual([["e0", "e1", "e2"], ["e3"]]);
    expect(x.stats()).toMatchObject({ sent: 4, queued: 0, queuedBytes: 0, dropped: 0, retried: 0 });
  });

  it("POSTs gzip JSON {events} to /api/v1/ingest with the secret key; the body decodes to the events", async () => {
    const { x, f, advance } = setup({ flushAt: 2 });
    const events = [ev(1), { ...ev(2), model: "gpt-4o-mini", usage: { inputTokens: 3 }, metadata: { ü: "ñ" } }];
    events.forEach((e) => x.enqueue(e));
    await advance(0);
    expect(f.requests).toHaveLength(1);
    expect(f.requests[0]!.url).toBe("http://sextant.test/api/v1/ingest");
    expect(f.requests[0]!.headers).toEqual({ authorization: "Bearer sk-test", "content-type": "application/json", "content-encoding": "gzip" });
    expect(f.requests[0]!.events).toEqual(events);
  });

  it("keeps backoff within full-jitter bounds, under maxBackoffMs, and never below Retry-After", () => {
    const make = (r: number) => setup({ baseBackoffMs: 100, maxBackoffMs: 2000, random: () => r }).x;
    const hi = make(0.999);
    const lo = make(0);
    for (let attempt = 0; attempt <= 12; attempt++) {
      const ceiling = Math.min(2000, 100 * 2 ** attempt);
      expect(hi.backoffMs(attempt)).toBeCloseTo(0.999 * ceiling, 6);
      expect(hi.backoffMs(attempt)).toBeLessThanOrEqual(2000);
      expect(lo.backoffMs(attempt)).toBe(0);
      expect(lo.backoffMs(attempt, 5000)).toBe(5000);
      expect(hi.backoffMs(attempt, 10)).toBeCloseTo(0.999 * ceiling, 6);
    }
  });

  it("retries the same batch with jittered exponential waits, then drops and counts it after maxRetries", async () => {
    const { x, f, advance, delays, errors } = setup({ flushAt: 2, maxRetries: 4, baseBackoffMs: 100, maxBackoffMs: 500, random: () => 0.999 }, Array(10).fill({ status: 503 }));
    x.enqueue(ev(1));
    x.enqueue(ev(2));
    await advance(60_000);
    expect(f.ids()).toEqual(Array(5).fill(["e1", "e2"]));
    const waits = delays.filter((d) => d !== 0 && d !== 1000 && d !== 10_000); // not the kick, interval or request timeout
    expect(waits).toEqual([0.999 * 100, 0.999 * 200, 0.999 * 400, 0.999 * 500]);
    expect(x.stats()).toMatchObject({ sent: 0, retried: 4, dropped: 2, failedBatches: 1, queued: 0 });
    expect(errors.map((e) => e.message)).toEqual([expect.stringContaining("dropped a batch of 2 events")]);
  });

  it("honours Retry-After in seconds and as an HTTP date as a minimum wait", async () => {
    expect(retryAfterMs("3", 0)).toBe(3000);
    expect(retryAfterMs(new Date(START + 6000).toUTCString(), START)).toBe(6000);
    expect(retryAfterMs(new Date(START - 6000).toUTCString(), START)).toBe(0);
    expect(retryAfterMs("soon", 0)).toBeNull();
    expect(retryAfterMs(null, 0)).toBeNull();

    const date = new Date(START + 12_000).toUTCString();
    const { x, f, advance } = setup({ flushAt: 1, random: () => 0 }, [
      { status: 429, headers: { "retry-after": "7" } },
      { status: 503, headers: { "retry-after": date } },
    ]);
    x.enqueue(ev(1));
    await advance(0);
    expect(f.requests).toHaveLength(1);
    await advance(6999);
    expect(f.requests).toHaveLength(1); // jitter says 0, Retry-After says 7 s
    await advance(1);
    expect(f.requests).toHaveLength(2); // at START + 7 s; the date says START + 12 s
    await advance(4999);
    expect(f.requests).toHaveLength(2);
    await advance(1);
    expect(f.requests).toHaveLength(3);
    expect(x.stats()).toMatchObject({ sent: 1, retried: 2, dropped: 0 });
  });

  it("re-sends a batch whose answer was lost with identical ids, and never puts an event in two batches", async () => {
    const { x, f, advance } = setup({ flushAt: 2, random: () => 0.5 }, ["lost-after-receive", "network-error"]);
    for (let i = 1; i <= 5; i++) x.enqueue(ev(i));
    await advance(10_000);
    const ids = f.ids();
    expect(ids[0]).toEqual(["e1", "e2"]);
    expect(ids[1]).toEqual(ids[0]);
    expect(ids[2]).toEqual(ids[0]);
    // Across distinct batches (retries collapsed) every event appears exactly once.
    const batches = [...new Map(ids.map((b) => [b.join(","), b])).values()];
    expect(batches.flat().sort()).toEqual(["e1", "e2", "e3", "e4", "e5"]);
    expect(x.stats()).toMatchObject({ sent: 5, retried: 2, dropped: 0 });
  });

  it("drops the OLDEST events at the byte bound, keeps the newest, and counts the drops", async () => {
    const size = Buffer.byteLength(JSON.stringify(ev(10)));
    const { x, f, errors } = setup({ flushAt: 1000, maxQueueBytes: size * 5 });
    for (let i = 10; i < 30; i++) x.enqueue(ev(i));
    expect(x.stats()).toMatchObject({ queued: 5, queuedBytes: size * 5, dropped: 15 });
    expect(errors.length).toBeGreaterThan(0);
    await x.flush();
    expect(f.ids()).toEqual([["e25", "e26", "e27", "e28", "e29"]]);
    expect(x.stats()).toMatchObject({ sent: 5, dropped: 15, queued: 0 });
  });

  it.each([400, 401, 403, 413, 422])("drops a batch refused with %i without retrying", async (status) => {
    const { x, f, advance, errors } = setup({ flushAt: 2 }, [{ status, body: { error: { code: "X", message: "no" } } }]);
    for (let i = 0; i < 4; i++) x.enqueue(ev(i));
    await advance(5000);
    expect(f.ids()).toEqual([["e0", "e1"], ["e2", "e3"]]); // no retry; the next batch still goes
    expect(x.stats()).toMatchObject({ sent: 2, dropped: 2, failedBatches: 1, retried: 0 });
    expect(errors).toHaveLength(1);
    expect(errors[0]!.message).toContain(`HTTP ${status}`);
  });

  it("counts the events a 207 rejected and reports them once", async () => {
    const rejected = [0, 2].map((index) => ({ index, id: `e${index}`, error: { code: "INVALID_EVENT", message: "bad", path: "startTime" } }));
    const { x, advance, errors } = setup({ flushAt: 3 }, [{ status: 207, body: { accepted: 1, duplicates: 0, rejected } }]);
    for (let i = 0; i < 3; i++) x.enqueue(ev(i));
    await advance(0);
    expect(x.stats()).toMatchObject({ sent: 1, rejected: 2, dropped: 0, failedBatches: 0 });
    expect(errors).toHaveLength(1);
    expect(errors[0]!.message).toContain("rejected 2 of 3");
  });

  it("times a hanging request out and retries it", async () => {
    const { x, f, advance } = setup({ flushAt: 1, requestTimeoutMs: 10_000, random: () => 0 }, ["hang"]);
    x.enqueue(ev(1));
    await advance(9_999);
    expect(f.requests).toHaveLength(1);
    await advance(1);
    expect(f.ids()).toEqual([["e1"], ["e1"]]);
    expect(x.stats()).toMatchObject({ sent: 1, retried: 1 });
  });

  it("flush() sends what is queued now and resolves", async () => {
    const { x, f } = setup({ flushAt: 2 });
    for (let i = 0; i < 5; i++) x.enqueue(ev(i));
    await expect(x.flush()).resolves.toBeUndefined();
    expect(f.ids().flat()).toEqual(["e0", "e1", "e2", "e3", "e4"]);
    expect(x.stats().queued).toBe(0);
  });

  it("shutdown() flushes pending events, then ignores and counts later enqueues", async () => {
    const { x, f } = setup({ flushAt: 100 });
    x.enqueue(ev(1));
    x.enqueue(ev(2));
    await x.shutdown();
    expect(f.ids()).toEqual([["e1", "e2"]]);
    x.enqueue(ev(3));
    await x.flush();
    expect(f.requests).toHaveLength(1);
    expect(x.stats()).toMatchObject({ sent: 2, queued: 0, dropped: 1 });
  });

  it("shutdown() gives up at its deadline when the server is down, counting what is lost", async () => {
    const { x, advance, errors } = setup({ flushAt: 2, random: () => 0.999 }, Array(100).fill({ status: 503 }));
    for (let i = 0; i < 5; i++) x.enqueue(ev(i));
    let done = false;
    void x.shutdown(5000).then(() => (done = true));
    await advance(4999);
    expect(done).toBe(false);
    await advance(1);
    expect(done).toBe(true);
    expect(x.stats()).toMatchObject({ sent: 0, queued: 0, dropped: 5 });
    expect(errors.some((e) => e.message.includes("shut down with 3 unsent"))).toBe(true);
  });

  it("with the server down, never throws, stays within maxQueueBytes and accounts for every event", async () => {
    const { x, f, advance } = setup(
      { flushAt: 10, maxRetries: 2, maxQueueBytes: 5_000, random: () => 0.5, onError: () => { throw new Error("bad handler"); } },
      Array(10_000).fill("network-error"),
    );
    let enqueued = 0;
    for (let round = 0; round < 20; round++) {
      for (let i = 0; i < 50; i++) {
        expect(() => x.enqueue(ev(enqueued++))).not.toThrow();
        expect(x.stats().queuedBytes).toBeLessThanOrEqual(5_000);
      }
      await advance(700);
    }
    await advance(60_000);
    const s = x.stats();
    expect(s.sent).toBe(0);
    expect(s.failedBatches).toBeGreaterThan(0);
    expect(s.dropped + s.queued).toBe(enqueued); // every event is either still queued or counted as dropped
    expect(f.requests.length).toBeGreaterThan(0);
  });

  it("survives an onError that throws and events that cannot be serialised", async () => {
    const { x, f, advance } = setup({ flushAt: 1, onError: () => { throw new Error("bad handler"); } }, [{ status: 401 }]);
    const circular: Record<string, unknown> = { ...ev(0) };
    circular.self = circular;
    expect(() => x.enqueue(circular as unknown as Event)).not.toThrow();
    expect(() => x.enqueue({ ...ev(0), metadata: { n: 1n as unknown as number } })).not.toThrow();
    x.enqueue(ev(1)); // refused with 401, onError throws
    await advance(0);
    x.enqueue(ev(2));
    await advance(0);
    expect(f.ids()).toEqual([["e1"], ["e2"]]);
    expect(x.stats()).toMatchObject({ sent: 1, dropped: 3, failedBatches: 1 });
  });

  it("works with the global timers as its clock", async () => {
    const f = fakeFetch();
    const clock: Clock = { now: Date.now, setTimeout, clearTimeout };
    const x = new Exporter({ baseUrl: "http://s", secretKey: "sk", fetch: f.impl, clock });
    x.enqueue(ev(1));
    await x.shutdown();
    expect(f.ids()).toEqual([["e1"]]);
  });
});
