import type { Event } from "@sextant/sdk";
import { beforeAll, describe, expect, it } from "vitest";
import { ingestScores } from "@/lib/scores/ingest";
import { keyCtx, minuteAgo, nanos, store, variedEvents } from "@/lib/requests/test-events";
import { eq } from "drizzle-orm";
import { requests } from "@/db/schema";
import { testDb } from "@/test/db";
import { expectAppError, makeWorld, type World } from "@/test/factories";
import { queryMetrics } from "./query";

let world: World;
let events: Event[];

/** What the metrics must say about a set of events, computed straight from them. */
function sums(list: Event[]) {
  const count = (keep: (e: Event) => boolean) => list.filter(keep).length;
  const total = (pick: (e: Event) => number | undefined) => list.reduce((s, e) => s + (pick(e) ?? 0), 0);
  const costNanos = list.reduce((s, e) => s + (e.costUsd === undefined ? 0n : nanos(e.costUsd)), 0n);
  return {
    requests: list.length,
    errors: count((e) => e.status === "error"),
    inputTokens: total((e) => e.usage?.inputTokens),
    outputTokens: total((e) => e.usage?.outputTokens),
    cachedInputTokens: total((e) => e.usage?.cachedInputTokens),
    reasoningTokens: total((e) => e.usage?.reasoningTokens),
    costNanos: costNanos.toString(),
    costUsd: Number(costNanos) / 1e9,
    unpriced: count((e) => e.costUsd === undefined),
  };
}

const by = <K extends string>(list: Event[], key: (e: Event) => K | undefined) => {
  const out: Record<string, Event[]> = {};
  for (const e of list) {
    const k = key(e);
    if (k !== undefined) (out[k] ??= []).push(e);
  }
  return out;
};

beforeAll(async () => {
  world = await makeWorld();
  events = variedEvents(minuteAgo(40), 90_000);
  await store(world, events);
  const scored = await ingestScores(keyCtx(world), [
    { requestId: "req-00", name: "helpfulness", value: 0.9 },
    { requestId: "req-03", name: "helpfulness", value: 0.5 },
    { requestId: "req-01", name: "helpfulness", value: 0.2 },
    { requestId: "req-01", name: "thumbs", value: true },
  ]);
  expect(scored.accepted).toBe(4);
});

describe("queryMetrics", () => {
  it("totals equal the sums of the stored events", async () => {
    const m = await queryMetrics(world.as("viewer"));
    expect(m.groupBy).toBeNull();
    expect(m.groups).toHaveLength(1);
    const g = m.groups[0]!;
    expect(g).toMatchObject({ key: "all", ...sums(events) });
    expect(g.errorRate).toBeCloseTo(sums(events).errors / 30, 12);
    expect(g.latencyMs.avg).toBeCloseTo(events.reduce((s, e) => s + e.durationMs!, 0) / 30, 9);
    const ttft = events.filter((e) => e.timeToFirstTokenMs !== undefined);
    expect(g.ttftMsAvg).toBeCloseTo(ttft.reduce((s, e) => s + e.timeToFirstTokenMs!, 0) / ttft.length, 9);
    expect(g.retryRate).toBeCloseTo(events.filter((e) => (e.attempts ?? 1) > 1).length / 30, 12);
    expect(g.fallbackRate).toBeCloseTo(events.filter((e) => e.fallbackFrom).length / 30, 12);
    expect(g.cacheHitRate).toBeCloseTo(events.filter((e) => e.cacheHit).length / 30, 12);
    expect(g.scores).toEqual({ helpfulness: { avg: expect.closeTo(1.6 / 3, 12), count: 3 }, thumbs: { avg: 1, count: 1 } });
  });

  it("groups by model, user and flag variant with the right keys and counts", async () => {
    const ctx = world.as("viewer");
    const cases: [string, (e: Event) => string | undefined][] = [
      ["model", (e) => e.model],
      ["userId", (e) => e.userId],
      ["flag:beta", (e) => e.flags?.beta],
      ["environment", (e) => e.environment],
      ["errorType", (e) => e.error?.type ?? ""],
      ["promptVersion", (e) => (e.prompt ? `${e.prompt.name}@${e.prompt.version}` : "")],
    ];
    for (const [groupBy, keyOf] of cases) {
      const m = await queryMetrics(ctx, { groupBy });
      const expected = by(events, keyOf);
      expect(m.groups.map((g) => g.key).sort(), groupBy).toEqual(Object.keys(expected).sort());
      for (const g of m.groups) expect(g, `${groupBy}=${g.key}`).toMatchObject(sums(expected[g.key]!));
      // Largest group first.
      expect(m.groups.map((g) => g.requests)).toEqual([...m.groups.map((g) => g.requests)].sort((a, b) => b - a));
    }
  });

  it("answers scores per group where the score rollup has the dimension, {} elsewhere", async () => {
    const ctx = world.as("viewer");
    const byModel = await queryMetrics(ctx, { groupBy: "model" });
    // req-00 and req-03 are alpha, req-01 is beta.
    expect(byModel.groups.find((g) => g.key === "alpha")!.scores).toEqual({ helpfulness: { avg: expect.closeTo(0.7, 12), count: 2 } });
    expect(byModel.groups.find((g) => g.key === "beta")!.scores).toEqual({ helpfulness: { avg: expect.closeTo(0.2, 12), count: 1 }, thumbs: { avg: 1, count: 1 } });
    expect(byModel.groups.find((g) => g.key === "gamma")!.scores).toEqual({});
    const byUser = await queryMetrics(ctx, { groupBy: "userId" });
    expect(byUser.groups.every((g) => Object.keys(g.scores).length === 0)).toBe(true);
  });

  it("narrows by the filters each rollup carries", async () => {
    const ctx = world.as("viewer");
    const cases: [Parameters<typeof queryMetrics>[1], (e: Event) => boolean][] = [
      [{ filters: { model: "alpha", status: "error" } }, (e) => e.model === "alpha" && e.status === "error"],
      [{ filters: { promptName: "greeter", promptVersion: 1 }, groupBy: "model" }, (e) => e.prompt?.version === 1],
      [{ filters: { provider: "openai", endpoint: "/chat" } }, (e) => e.provider === "openai" && e.endpoint === "/chat"],
      [{ filters: { userId: "user-1" } }, (e) => e.userId === "user-1"],
      [{ filters: { environment: "production" }, groupBy: "userId" }, (e) => e.environment === "production" && e.userId !== undefined],
      [{ filters: { flags: { beta: "on" } } }, (e) => e.flags?.beta === "on"],
      [{ filters: { flags: { beta: "off" }, environment: "production" }, groupBy: "flag:beta" }, (e) => e.flags?.beta === "off" && e.environment === "production"],
    ];
    for (const [query, keep] of cases) {
      const m = await queryMetrics(ctx, query);
      const kept = events.filter(keep);
      expect(kept.length).toBeGreaterThan(0);
      const requests = m.groups.reduce((s, g) => s + g.requests, 0);
      const cost = m.groups.reduce((s, g) => s + BigInt(g.costNanos), 0n);
      expect({ requests, costNanos: cost.toString() }, JSON.stringify(query)).toEqual({ requests: kept.length, costNanos: sums(kept).costNanos });
    }
  });

  it("adds series whose points sum to the group totals", async () => {
    const ctx = world.as("viewer");
    for (const interval of ["1m", "5m", "1h"] as const) {
      const m = await queryMetrics(ctx, { groupBy: "model", interval });
      expect(m.series!.map((s) => s.key)).toEqual(m.groups.map((g) => g.key));
      for (const g of m.groups) {
        const points = m.series!.find((s) => s.key === g.key)!.points;
        const times = points.map((p) => Date.parse(p.t));
        expect(times).toEqual([...times].sort((a, b) => a - b));
        const step = { "1m": 60_000, "5m": 300_000, "1h": 3_600_000 }[interval];
        expect(times.every((t) => t % step === 0)).toBe(true);
        expect(points.reduce((s, p) => s + p.requests, 0)).toBe(g.requests);
        expect(points.reduce((s, p) => s + p.errors, 0)).toBe(g.errors);
        expect(points.reduce((s, p) => s + p.inputTokens, 0)).toBe(g.inputTokens);
        expect(points.reduce((s, p) => s + p.outputTokens, 0)).toBe(g.outputTokens);
        expect(points.reduce((s, p) => s + p.costUsd, 0)).toBeCloseTo(g.costUsd, 12);
      }
    }
    const minutes = await queryMetrics(ctx, { interval: "1m" });
    // Three events every 90 s over 15 minutes: ten distinct minutes carry traffic.
    expect(minutes.series![0]!.points).toHaveLength(new Set(events.map((e) => Math.floor(Date.parse(String(e.startTime)) / 60_000))).size);
    expect(minutes.series![0]!.points.reduce((s, p) => s + p.requests, 0)).toBe(30);
  });

  it("counts whole minutes: buckets from the minute of from, before to", async () => {
    const first = Date.parse(String(events[0]!.startTime));
    // Events 0..2 start on the minute; 3..5 at +90 s fall in the bucket of minute +1.
    const ctx = world.as("viewer");
    expect((await queryMetrics(ctx, { filters: { from: first + 30_000, to: first + 60_000 } })).groups[0]!.requests).toBe(3);
    expect((await queryMetrics(ctx, { filters: { from: first + 30_000, to: first + 60_001 } })).groups[0]!.requests).toBe(6);
    expect((await queryMetrics(ctx, { filters: { from: first + 60_000, to: first + 120_000 } })).groups[0]!.requests).toBe(3);
  });

  it("refuses filters the chosen rollup cannot answer, naming the ones it can", async () => {
    const ctx = world.as("viewer");
    const refused: [Parameters<typeof queryMetrics>[1], string][] = [
      [{ groupBy: "model", filters: { userId: "user-1" } }, "userId"],
      [{ filters: { metadata: { plan: "pro" } } }, "metadata.plan"],
      [{ filters: { tags: ["red"] } }, "tag"],
      [{ filters: { sessionId: "session-1" } }, "sessionId"],
      [{ groupBy: "userId", filters: { model: "alpha" } }, "model"],
      [{ groupBy: "flag:beta", filters: { flags: { other: "x" } } }, "flag.other"],
      [{ filters: { userId: "user-1", flags: { beta: "on" } } }, "userId"],
    ];
    for (const [query, name] of refused) {
      const err = await expectAppError(queryMetrics(ctx, query), "UNPROCESSABLE_ENTITY");
      expect(err.message).toContain(`not by ${name}`);
      expect(err.message).toMatch(/can be filtered only by/);
      expect(err.issues?.map((i) => i.path)).toContain(name);
    }
    const byModel = await expectAppError(queryMetrics(ctx, { groupBy: "model", filters: { userId: "u" } }), "UNPROCESSABLE_ENTITY");
    expect(byModel.message).toContain("model, provider, endpoint, environment, status, errorType, promptName, promptVersion");
  });

  it("refuses too many points, an unknown groupBy and an unknown interval", async () => {
    const ctx = world.as("viewer");
    const now = Date.now();
    const err = await expectAppError(queryMetrics(ctx, { interval: "1m", filters: { from: now - 2 * 86_400_000, to: now } }), "UNPROCESSABLE_ENTITY");
    expect(err.message).toMatch(/use a larger interval/);
    expect((await queryMetrics(ctx, { interval: "5m", filters: { from: now - 2 * 86_400_000, to: now } })).series).toBeDefined();
    await expectAppError(queryMetrics(ctx, { groupBy: "sessionId" }), "UNPROCESSABLE_ENTITY");
    await expectAppError(queryMetrics(ctx, { interval: "2m" }), "UNPROCESSABLE_ENTITY");
  });

  it("caps the groups at limit, largest first, and says so", async () => {
    const m = await queryMetrics(world.as("viewer"), { groupBy: "userId", limit: 2, interval: "1h" });
    expect(m.groups).toHaveLength(2);
    expect(m.truncated).toBe(true);
    expect(m.series!.map((s) => s.key)).toEqual(m.groups.map((g) => g.key));
    expect((await queryMetrics(world.as("viewer"), { groupBy: "userId" })).truncated).toBe(false);
  });

  it("answers from the rollups alone: deleting the raw rows changes nothing", async () => {
    const w = await makeWorld();
    await store(w, variedEvents(minuteAgo(40), 60_000));
    const query = { groupBy: "model", interval: "5m", filters: { from: minuteAgo(60), to: Date.now() } };
    const before = await queryMetrics(w.as("viewer"), query);
    expect(before.groups.reduce((s, g) => s + g.requests, 0)).toBe(30);
    await testDb().delete(requests).where(eq(requests.projectId, w.projectId));
    expect(await queryMetrics(w.as("viewer"), query)).toEqual(before);
  });

  it("shows another project zero", async () => {
    const other = await makeWorld();
    const m = await queryMetrics(other.as("owner"), { interval: "1h" });
    expect(m.groups).toHaveLength(1);
    expect(m.groups[0]).toMatchObject({ key: "all", requests: 0, errors: 0, costUsd: 0, costNanos: "0", inputTokens: 0, scores: {} });
    expect(m.groups[0]!.latencyMs).toEqual({ avg: null, p50: null, p90: null, p95: null, p99: null });
    expect(m.series).toEqual([{ key: "all", points: [] }]);
    expect((await queryMetrics(other.as("owner"), { groupBy: "model" })).groups).toEqual([]);
  });
});
