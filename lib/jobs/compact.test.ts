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

/** Each key of a table with its summed measures and merged histogram, however many rows hold it. */
async function sums(table: string, dims: readonly string[], projectId: string) {
  const keys = sql.raw(["bucket", ...dims].join(", "));
  const r = await testDb().execute(sql`
    select ${keys}, sum(requests)::text as requests, sum(errors)::text as errors, sum(cost_nanos)::text as cost, sum(unpriced)::text as unpriced,
           sum(input_tokens)::text as input, sum(duration_sum_ms)::float8 as duration, count(*)::int as rows,
           (select jsonb_object_agg(bin, n) from (select e.key as bin, sum(e.value::bigint) as n
              from ${sql.raw(table)} h, jsonb_each_text(h.latency_hist) e
              where h.project_id = t.project_id and (h.bucket, ${sql.raw(dims.map((d) => `h.${d}`).join(", "))}) = (t.bucket, ${sql.raw(dims.map((d) => `t.${d}`).join(", "))})
              group by e.key) b) as hist
    from ${sql.raw(table)} t where project_id = ${projectId}
    group by t.project_id, ${keys} order by ${keys}`);
  return r.rows as Record<string, unknown>[];
}

const pending = async (table: string, projectId: string) =>
  Number((await testDb().execute<{ n: string }>(sql`select count(*)::text as n from ${sql.raw(table)} where project_id = ${projectId} and not compacted`)).rows[0]!.n);

describe("rollup compaction", () => {
  it("folds each key's deltas into one row and changes no sum, histogram or answer", async () => {
    const world = await makeWorld();
    const now = Date.now();
    await ingestInBatches(world, makeEvents("fold", 400, now), 50);
    const filters = { from: new Date(now - 4 * HOUR), to: new Date(now + 60_000) };
    const read = () => Promise.all((["model", "userId", "flag:rollout", undefined] as const).map((groupBy) => queryMetrics(world.as("viewer"), { filters, groupBy })));
    const before = { answers: await read(), tables: await Promise.all(ROLLUP_TABLES.map((t) => sums(t.table, t.dims, world.projectId))) };
    // Eight group commits: most keys of the coarse tiers have several delta rows.
    expect(before.tables.flat().some((k) => (k.rows as number) > 1)).toBe(true);

    expect(await compactRollups(testDb())).toBeGreaterThan(0);

    for (const [i, t] of ROLLUP_TABLES.entries()) {
      expect(await pending(t.table, world.projectId)).toBe(0);
      const after = await sums(t.table, t.dims, world.projectId);
      expect(after.every((k) => k.rows === 1)).toBe(true);
      const strip = (rows: Record<string, unknown>[]) => rows.map((k) => Object.fromEntries(Object.entries(k).filter(([name]) => name !== "rows")));
      expect(strip(after)).toEqual(strip(before.tables[i]!));
    }
    expect(await read()).toEqual(before.answers);
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
      const rows = await sums(t.table, t.dims, world.projectId);
      const total = (field: string) => rows.reduce((s, k) => s + BigInt(k[field] as string), 0n).toString();
      const histCount = rows.reduce((s, k) => s + Object.values(k.hist as Record<string, number>).reduce((a, b) => a + Number(b), 0), 0);
      if (t.table.startsWith("rollups_flag")) {
        expect(total("requests")).toBe("600"); // one flag per event
      } else {
        expect([t.table, total("requests"), total("cost"), histCount]).toEqual([t.table, raw.n, raw.cost, 600]);
      }
      expect(rows.every((k) => k.rows === 1)).toBe(true);
    }
    const userHours = await sums("rollups_user_hour", ["user_id", "environment"], world.projectId);
    expect(String(userHours.length)).toBe(raw.users);
  });
});
