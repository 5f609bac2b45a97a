// Rollups are appended as deltas and folded by the compaction job (ADR 0003, "Deltas"):
// folding must change how many rows there are, never what they sum to.
import type { Event } from "@sextant/sdk";
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { ingestEvents } from "@/lib/ingest/ingest";
import { queryMetrics } from "@/lib/metrics/query";
import { keyCtx } from "@/lib/requests/test-events";
import { testDb } from "@/test/db";
import { makeWorld, type World } from "@/test/factories";
import { compactRollups, ROLLUP_TABLES } from "./compact";

const HOUR = 3_600_000;

function makeEvents(prefix: string, count: number, now: number): Event[] {
  return Array.from({ length: count }, (_, i): Event => ({
    id: `${prefix}-${i}`,
    startTime: new Date(now - ((i * 7_919) % (3 * HOUR))).toISOString(),
    durationMs: 20 + ((i * 37) % 4_000),
    provider: "openai",
    model: ["m-a", "m-b"][i % 2],
    status: i % 9 === 0 ? "error" : "ok",
    userId: `u-${i % 5}`,
    flags: { rollout: i % 3 ? "on" : "off" },
    usage: { inputTokens: 10 + i, outputTokens: i % 40 },
    costUsd: i % 7 === 0 ? undefined : (i % 13) * 0.000731,
  }));
}

async function ingestInBatches(world: World, events: Event[], size: number, parallel = 1): Promise<void> {
  const batches = Array.from({ length: Math.ceil(events.length / size) }, (_, i) => events.slice(i * size, (i + 1) * size));
  let next = 0;
  await Promise.all(Array.from({ length: parallel }, async () => {
    while (next < batches.length) {
      const result = await ingestEvents(keyCtx(world), batches[next++]!);
      expect(result.accepted).toBe(size);
    }
  }));
}

type Sums = { requests: number; errors: number; cost: bigint; unpriced: number; input: number; duration: number; hist: Record<string, number>; rows: number };

/** Each key of a table with its summed measures and merged histogram, however many rows hold it; `unit` re-buckets (UTC). */
async function sums(table: string, dims: readonly string[], projectId: string, unit?: "hour" | "day"): Promise<Map<string, Sums>> {
  const r = await testDb().execute<Record<string, unknown>>(sql`select * from ${sql.raw(table)} where project_id = ${projectId}`);
  const out = new Map<string, Sums>();
  for (const row of r.rows) {
    const iso = new Date(row.bucket as string).toISOString();
    const bucket = unit === "hour" ? iso.slice(0, 13) : unit === "day" ? iso.slice(0, 10) : iso;
    const key = [bucket, ...dims.map((d) => String(row[d]))].join(" ");
    const s = out.get(key) ?? { requests: 0, errors: 0, cost: 0n, unpriced: 0, input: 0, duration: 0, hist: {}, rows: 0 };
    s.requests += Number(row.requests);
    s.errors += Number(row.errors);
    s.cost += BigInt(row.cost_nanos as string);
    s.unpriced += Number(row.unpriced);
    s.input += Number(row.input_tokens);
    s.duration = Math.round((s.duration + Number(row.duration_sum_ms)) * 1e6) / 1e6;
    for (const [bin, n] of Object.entries(row.latency_hist as Record<string, number>)) s.hist[bin] = (s.hist[bin] ?? 0) + Number(n);
    s.rows += 1;
    out.set(key, s);
  }
  return out;
}

/** The sums by key, sorted, without how many rows held them. */
const withoutRows = (m: Map<string, Sums>) =>
  Object.fromEntries([...m].sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, v]) => [k, { ...v, rows: undefined }]));

const pending = async (table: string, projectId: string) =>
  Number((await testDb().execute<{ n: string }>(sql`select count(*)::text as n from ${sql.raw(table)} where project_id = ${projectId} and not compacted`)).rows[0]!.n);

describe("rollup compaction", () => {
  it("folds each key's deltas into one row, carries them into the coarser tiers, and changes no answer", async () => {
    const world = await makeWorld();
    const now = Date.now();
    const events = makeEvents("fold", 400, now);
    await ingestInBatches(world, events.slice(0, 200), 50);
    await compactRollups(testDb());
    // Half compacted and carried up, half still pending in the finest tiers only.
    await ingestInBatches(world, events.slice(200), 50);
    const filters = { from: new Date(now - 4 * HOUR), to: new Date(now + 60_000) };
    const read = () => Promise.all((["model", "userId", "flag:rollout", undefined] as const).map((groupBy) => queryMetrics(world.as("viewer"), { filters, groupBy })));
    const before = await read();
    expect(before[3]!.groups[0]!.requests).toBe(400);
    const finest = ROLLUP_TABLES.filter((t) => t.coarser.length);
    const finestBefore = await Promise.all(finest.map((t) => sums(t.table, t.dims, world.projectId)));
    expect(finestBefore.some((m) => [...m.values()].some((k) => k.rows > 1))).toBe(true);

    expect(await compactRollups(testDb())).toBeGreaterThan(0);

    for (const t of ROLLUP_TABLES) {
      expect([t.table, await pending(t.table, world.projectId)]).toEqual([t.table, 0]);
      expect([...(await sums(t.table, t.dims, world.projectId)).values()].every((k) => k.rows === 1)).toBe(true);
    }
    for (const [i, t] of finest.entries()) {
      expect(withoutRows(await sums(t.table, t.dims, world.projectId))).toEqual(withoutRows(finestBefore[i]!));
      // Every coarser tier holds exactly the finest tier's sums, re-bucketed.
      for (const [j, coarse] of t.coarser.entries()) {
        const unit = t.units[j] as "hour" | "day";
        expect(withoutRows(await sums(coarse, t.dims, world.projectId, unit))).toEqual(withoutRows(await sums(t.table, t.dims, world.projectId, unit)));
      }
    }
    expect(await read()).toEqual(before);
  });

  it("deltas committed while compaction runs are neither lost nor counted twice", async () => {
    const world = await makeWorld();
    const db = testDb();
    let done = false;
    const compacting = (async () => {
      let runs = 0;
      while (!done || runs === 0) {
        await compactRollups(db);
        runs++;
      }
      return runs;
    })();
    await ingestInBatches(world, makeEvents("race", 600, Date.now()), 20, 4);
    done = true;
    expect(await compacting).toBeGreaterThan(0);
    await compactRollups(db);

    const raw = (await db.execute<{ n: string; cost: string; users: string }>(sql`
      select count(*)::text as n, coalesce(sum(cost_nanos), 0)::text as cost, count(distinct (user_id, date_trunc('hour', start_time)))::text as users
      from requests where project_id = ${world.projectId}`)).rows[0]!;
    expect(raw.n).toBe("600");
    for (const t of ROLLUP_TABLES) {
      const keys = [...(await sums(t.table, t.dims, world.projectId)).values()];
      const requests = keys.reduce((s, k) => s + k.requests, 0);
      const cost = keys.reduce((s, k) => s + k.cost, 0n).toString();
      const histCount = keys.reduce((s, k) => s + Object.values(k.hist).reduce((a, b) => a + b, 0), 0);
      // Every event carries one user and one flag, so every family sums to the raw rows.
      expect([t.table, String(requests), cost, histCount]).toEqual([t.table, raw.n, raw.cost, 600]);
      expect(keys.every((k) => k.rows === 1)).toBe(true);
    }
    const userHours = await sums("rollups_user_hour", ["user_id", "environment"], world.projectId);
    expect(String(userHours.size)).toBe(raw.users);
  });
});
