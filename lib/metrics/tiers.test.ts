// Reads over long ranges come from the hour and day tiers with only the edges from
// finer ones; these tests hold every answer to what the stored events themselves say.
import type { Event } from "@sextant/sdk";
import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { ingestEvents } from "@/lib/ingest/ingest";
import { compactRollups } from "@/lib/jobs/compact";
import { keyCtx, nanos, store } from "@/lib/requests/test-events";
import { testDb } from "@/test/db";
import { makeWorld, type World } from "@/test/factories";
import { quantile } from "./histogram";
import { histogramsBy } from "./histograms";
import { queryMetrics } from "./query";
import { rollupSource } from "./tiers";

const HOUR = 3_600_000;
let world: World;
let events: Event[];
const now = Date.now();

/** Deterministic pseudo-random numbers (mulberry32). */
function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function makeEvents(count: number): Event[] {
  const rnd = random(7);
  return Array.from({ length: count }, (_, i): Event => ({
    id: `tier-${i}`,
    startTime: new Date(now - Math.floor(rnd() * 80 * HOUR)).toISOString(),
    durationMs: Math.round(20 + rnd() * rnd() * 5_000),
    provider: "openai",
    model: ["m-a", "m-b", "m-c"][i % 3],
    status: rnd() < 0.1 ? "error" : "ok",
    userId: `u-${i % 7}`,
    flags: { rollout: i % 2 ? "on" : "off" },
    usage: { inputTokens: 10 + i, outputTokens: i % 50 },
    costUsd: i % 11 === 0 ? undefined : (i % 13) * 0.000731,
  }));
}

const floorTo = (t: number, step: number) => Math.floor(t / step) * step;
const ceilTo = (t: number, step: number) => Math.ceil(t / step) * step;
/** The events a read of only the finest tier counts: buckets from the one holding `from` to the last starting before `to`. */
const within = (from: number, to: number, step: number) => events.filter((e) => {
  const t = Date.parse(String(e.startTime));
  return t >= floorTo(from, step) && t < ceilTo(to, step);
});

const RANGES: [string, number, number][] = [
  ["3 days with odd edges", now - 75 * HOUR + 1_037_123, now - 5 * HOUR + 181_000],
  ["the last 50 hours", now - 50 * HOUR, now],
  ["ten minutes", now - 30 * HOUR + 7 * 60_000, now - 30 * HOUR + 17 * 60_000],
  ["everything", now - 81 * HOUR, now + 60_000],
];

beforeAll(async () => {
  world = await makeWorld();
  events = makeEvents(600);
  // Out of time order, as late events arrive, then one batch re-sent: it must not count twice.
  await store(world, [...events.slice(300), ...events.slice(0, 300)]);
  const again = await ingestEvents(keyCtx(world), events.slice(100, 200));
  expect(again).toMatchObject({ accepted: 0, duplicates: 100 });
});

describe("tiered rollup reads", () => {
  it.each(RANGES)("%s: totals per model equal the stored events, percentiles equal a minute-only read", async (_name, from, to) => {
    const filters = { from: new Date(from), to: new Date(to) };
    const m = await queryMetrics(world.as("viewer"), { filters, groupBy: "model" });
    const expected = within(from, to, 60_000);
    const minuteOnly = await histogramsBy(world.as("viewer"), rollupSource(world.projectId, "main", filters, [], "minute"), "model", null, null);
    for (const model of ["m-a", "m-b", "m-c"]) {
      const mine = expected.filter((e) => e.model === model);
      const g = m.groups.find((x) => x.key === model);
      expect(g?.requests ?? 0).toBe(mine.length);
      if (!g) continue;
      expect(g.errors).toBe(mine.filter((e) => e.status === "error").length);
      expect(g.costNanos).toBe(mine.reduce((s, e) => s + (e.costUsd === undefined ? 0n : nanos(e.costUsd)), 0n).toString());
      expect(g.unpriced).toBe(mine.filter((e) => e.costUsd === undefined).length);
      const hist = minuteOnly.get(model)!;
      expect(g.latencyMs).toMatchObject({ p50: quantile(hist, 0.5), p95: quantile(hist, 0.95), p99: quantile(hist, 0.99) });
    }
  });

  it("an hourly series sums each hour's events, edge hours included, and never reads the day tier", async () => {
    const [, from, to] = RANGES[0]!;
    const m = await queryMetrics(world.as("viewer"), { filters: { from: new Date(from), to: new Date(to) }, interval: "1h" });
    const points = m.series![0]!.points;
    const expected = new Map<string, number>();
    for (const e of within(from, to, 60_000)) {
      const hour = new Date(floorTo(Date.parse(String(e.startTime)), HOUR)).toISOString();
      expected.set(hour, (expected.get(hour) ?? 0) + 1);
    }
    expect(Object.fromEntries(points.map((p) => [p.t, p.requests]))).toEqual(Object.fromEntries(expected));
  });

  it.each(RANGES)("%s: totals summed from an hourly series equal the totals read directly", async (_name, from, to) => {
    const filters = { from: new Date(from), to: new Date(to) };
    const [direct, viaSeries] = await Promise.all([queryMetrics(world.as("viewer"), { filters }), queryMetrics(world.as("viewer"), { filters, interval: "1h" })]);
    expect(viaSeries.groups).toEqual(direct.groups);
    expect(viaSeries.groups[0]!.requests).toBe(within(from, to, 60_000).length);
  });

  it("per-user and per-variant totals come from their own tiers and match the events", async () => {
    const [, from, to] = RANGES[0]!;
    const filters = { from: new Date(from), to: new Date(to) };
    const users = await queryMetrics(world.as("viewer"), { filters, groupBy: "userId" });
    const byHour = within(from, to, HOUR);
    for (const g of users.groups) expect(g.requests).toBe(byHour.filter((e) => e.userId === g.key).length);
    expect(users.groups.reduce((s, g) => s + g.requests, 0)).toBe(byHour.length);
    const flags = await queryMetrics(world.as("viewer"), { filters, groupBy: "flag:rollout" });
    const byMinute = within(from, to, 60_000);
    expect(Object.fromEntries(flags.groups.map((g) => [g.key, g.requests]))).toEqual({
      on: byMinute.filter((e) => e.flags?.rollout === "on").length,
      off: byMinute.filter((e) => e.flags?.rollout === "off").length,
    });
  });

  it("sx_rollup_coarsen (the migration's backfill) rebuilds the hour and day tiers exactly as ingestion wrote them", async () => {
    // Both sides compacted to one row per key: ingestion appends a delta per group commit.
    await compactRollups(testDb());
    const dims = sql.raw("ARRAY['model', 'provider', 'endpoint', 'environment', 'status', 'error_type', 'prompt_name', 'prompt_version']");
    const snapshot = async (table: string) =>
      (await testDb().execute(sql`select * from ${sql.raw(table)} where project_id = ${world.projectId} order by bucket, model, status`)).rows;
    const written = { hour: await snapshot("rollups_hour"), day: await snapshot("rollups_day") };
    expect(written.day.length).toBeGreaterThan(2);
    await testDb().execute(sql`delete from rollups_hour where project_id = ${world.projectId}`);
    await testDb().execute(sql`delete from rollups_day where project_id = ${world.projectId}`);
    await testDb().execute(sql`select sx_rollup_coarsen('rollups_minute', 'rollups_hour', ${dims}, 'hour', ${world.projectId}::uuid)`);
    await testDb().execute(sql`select sx_rollup_coarsen('rollups_hour', 'rollups_day', ${dims}, 'day', ${world.projectId}::uuid)`);
    await compactRollups(testDb());
    expect(await snapshot("rollups_hour")).toEqual(written.hour);
    expect(await snapshot("rollups_day")).toEqual(written.day);
  });
});
