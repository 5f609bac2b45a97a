// Dashboard cost against history: two projects in one database, one with 100k requests
// and one with BENCH_DASHBOARD_ROWS (default 10M), both spread over the last 30 days.
// For 24h, 7d and 30d it times the overview's queries (first-run check, tiles, chart,
// previous period, breakdowns) one by one and the explorer's first page and a deep
// page, and prints the big/small ratio of the medians — goal ≤ 2: pages read rollups,
// so their cost should not grow with history — per query set and per overview query.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { createDb } from "@/db/client";
import { startEmbedded } from "@/db/embedded";
import { runMigrations } from "@/db/migrate";
import type { ProjectCtx } from "@/lib/context";
import { resolveRange, type Preset } from "@/lib/dashboard/range";
import { ensureUpcomingPartitions } from "@/lib/ingest/partitions";
import { queryMetrics } from "@/lib/metrics/query";
import { rollupSource } from "@/lib/metrics/tiers";
import { hasAnyRequest } from "@/lib/requests/any";
import { encodeCursor } from "@/lib/requests/cursor";
import { listRequests } from "@/lib/requests/list";
import { runInit } from "@/lib/setup/init";
import { loadHistory, requestRows, ROLLUP_TABLES, verifyRollups, verifyTotals, type Loaded } from "./dashboard-data";

const SMALL = 100_000;
const BIG = Number(process.env.BENCH_DASHBOARD_ROWS ?? 10_000_000);
const RANGES: Preset[] = ["24h", "7d", "30d"];
const RUNS = 7;
/** Repeats of a call stop before they would spend more than this (ms): 30-day overview queries on big history take minutes. */
const BUDGET_MS = Number(process.env.BENCH_DASHBOARD_BUDGET_MS ?? 20_000);
const GOAL = 2;

/** Named calls, each timed on its own; a query set's time is the sum of its calls' medians. */
type Calls = Record<string, () => Promise<unknown>>;
type Row = { name: string; range: Preset; small: number; big: number; ratio: number };

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** Median ms of one call after a warm-up; a call slower than the budget is its own warm-up and only sample. */
async function measure(call: () => Promise<unknown>): Promise<number> {
  const timed = async () => {
    const t0 = performance.now();
    await call();
    return performance.now() - t0;
  };
  const warm = await timed();
  if (warm > BUDGET_MS) return warm;
  const runs: number[] = [];
  const t0 = performance.now();
  while (runs.length < RUNS && (runs.length === 0 || performance.now() - t0 + runs.at(-1)! <= BUDGET_MS)) runs.push(await timed());
  return median(runs);
}

async function measureAll(calls: Calls): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const [name, call] of Object.entries(calls)) out[name] = await measure(call);
  return out;
}

/**
 * The overview's queries for one range, as loadOverview issues them (there concurrently,
 * here one by one so each can be timed): the first-run check, totals with the chart
 * series, the previous period, and the breakdowns (top 10) by each dimension and flag.
 */
function overviewCalls(ctx: ProjectCtx, preset: Preset): Calls {
  const range = resolveRange(new URLSearchParams({ range: preset }));
  const filters = { from: range.from, to: range.to };
  const calls: Calls = {
    "any request": () => hasAnyRequest(ctx),
    "tiles + chart": () => queryMetrics(ctx, { filters, interval: range.interval }),
    "previous period": () => queryMetrics(ctx, { filters: range.previous }),
  };
  for (const by of ["model", "endpoint", "userId", "promptVersion", "environment", "errorType", "flag:new-retriever", "flag:reranker"]) {
    calls[`by ${by}`] = () => queryMetrics(ctx, { filters, groupBy: by, limit: 10 });
  }
  return calls;
}

/** The explorer's first page for the range, and the page after a real row two thirds of the way back (as following ~2/3 of all cursors reaches). */
async function explorerCalls(ctx: ProjectCtx, preset: Preset): Promise<Calls> {
  const { from, to } = resolveRange(new URLSearchParams({ range: preset }));
  const at = new Date(to.getTime() - ((to.getTime() - from.getTime()) * 2) / 3);
  const [row] = (await listRequests(ctx, { filters: { from, to: at }, limit: 1 })).items;
  if (!row) throw new Error(`no request before ${at.toISOString()}`);
  const cursor = encodeCursor({ startMs: Date.parse(row.startTime), id: row.id });
  return {
    "explorer first page": () => listRequests(ctx, { filters: { from, to }, limit: 50 }),
    "explorer deep page": () => listRequests(ctx, { filters: { from, to }, cursor, limit: 50 }),
  };
}

/** How many rollup rows (all tiers) the range's totals read: what their cost follows. */
async function rollupRowsIn(ctx: ProjectCtx, preset: Preset): Promise<number> {
  const range = resolveRange(new URLSearchParams({ range: preset }));
  const { rows } = await ctx.db.execute<{ n: string }>(sql`select count(*) as n from ${rollupSource(ctx.projectId, "main", range, [])}`);
  return Number(rows[0]!.n);
}

const sum = (times: Record<string, number>) => Object.values(times).reduce((a, b) => a + b, 0);
const fmt = (ms: number) => (ms >= 100 ? ms.toFixed(0) : ms.toFixed(1));
const size = (n: number) => (n >= 1_000_000 ? `${n / 1_000_000}M` : `${n / 1000}k`);

function printTable(title: string, rows: Row[]): void {
  console.log(`\n${title}`);
  console.log(`${"".padEnd(26)}${"range".padEnd(6)}${`${size(SMALL)} ms`.padStart(10)}${`${size(BIG)} ms`.padStart(10)}${"ratio".padStart(8)}`);
  for (const r of rows) {
    const flag = r.ratio > GOAL ? "  > goal" : "";
    console.log(`${r.name.padEnd(26)}${r.range.padEnd(6)}${fmt(r.small).padStart(10)}${fmt(r.big).padStart(10)}${r.ratio.toFixed(2).padStart(8)}${flag}`);
  }
}

const describeLoad = (l: Loaded) =>
  `${size(l.rows)} rows in ${l.seconds.toFixed(0)} s (${Math.round(l.rows / l.seconds)}/s; rollup rows: ${Object.entries(l.rollupRows).map(([t, n]) => `${t} ${n}`).join(", ")})`;

export async function benchDashboard(): Promise<{ name: string; result: string }> {
  const dir = mkdtempSync(path.join(tmpdir(), "sextant-bench-dashboard-"));
  const pg = await startEmbedded(dir);
  // Loading uses two connections (COPY and rollups); queryMetrics runs up to two queries at once.
  const { db, pool } = createDb(pg.url, 4);
  // Ctrl-C mid-run (a 10M run takes a while): stop the database and remove its files too.
  const onSignal = () => void pg.stop().finally(() => {
    rmSync(dir, { recursive: true, force: true });
    process.exit(130);
  });
  process.once("SIGINT", onSignal);
  try {
    await runMigrations(db, pool);
    await ensureUpcomingPartitions(db);
    const ctxOf = async (project: string): Promise<ProjectCtx> => {
      const { orgId, projectId } = await runInit(db, { org: "bench", project });
      return { db, orgId, projectId: projectId!, actor: { type: "system", label: "dashboard bench" } };
    };
    const small = await ctxOf("small");
    const big = await ctxOf("big");
    const now = Date.now();
    const loads: Loaded[] = [];
    for (const [ctx, count, seed] of [[small, SMALL, 1], [big, BIG, 2]] as const) {
      loads.push(await loadHistory(db, pool, ctx.projectId, count, now, seed));
      console.log(`loaded ${describeLoad(loads.at(-1)!)}`);
    }
    const v0 = performance.now();
    // A settled table, as autovacuum leaves one: statistics, visibility map and hint bits in place.
    await pool.query(`vacuum (analyze) requests, request_ids, ${ROLLUP_TABLES.join(", ")}`);
    console.log(`vacuum analyze ${((performance.now() - v0) / 1000).toFixed(0)} s`);
    await verifyTotals(pool, small.projectId, SMALL);
    await verifyTotals(pool, big.projectId, BIG);
    await verifyRollups(pool, [...requestRows(small.projectId, SMALL, now, 1)]);

    const sets: Row[] = [];
    const queries: Row[] = [];
    const row = (name: string, range: Preset, small: number, big: number): Row => ({ name, range, small, big, ratio: big / small });
    for (const range of RANGES) {
      const [s, b] = [await measureAll(overviewCalls(small, range)), await measureAll(overviewCalls(big, range))];
      for (const name of Object.keys(s)) queries.push(row(name, range, s[name]!, b[name]!));
      const overview = row("overview (all queries)", range, sum(s), sum(b));
      const [es, eb] = [await measureAll(await explorerCalls(small, range)), await measureAll(await explorerCalls(big, range))];
      sets.push(overview, ...Object.keys(es).map((name) => row(name, range, es[name]!, eb[name]!)));
      const scanned = await Promise.all([small, big].map((ctx) => rollupRowsIn(ctx, range)));
      console.log(`${range}: overview ${fmt(overview.small)} → ${fmt(overview.big)} ms (rollup rows in range, all tiers ${scanned.join(" → ")})`);
    }
    printTable("Query sets (median ms)", sets);
    printTable("Overview queries one by one (median ms)", queries);

    const worst = sets.reduce((a, b) => (b.ratio > a.ratio ? b : a));
    const met = worst.ratio <= GOAL;
    console.log(`\nverdict: worst ratio ${worst.ratio.toFixed(2)} (${worst.name} ${worst.range}) → goal ≤ ${GOAL} ${met ? "met" : "NOT met"}`);
    const bySet = (name: string) => sets.filter((r) => r.name === name).map((r) => `${r.range} ${r.ratio.toFixed(2)} (${fmt(r.small)}→${fmt(r.big)} ms)`).join(", ");
    return {
      name: `Dashboard (${size(SMALL)} vs ${size(BIG)} requests over 30 days)`,
      result:
        `${size(BIG)}/${size(SMALL)} median time ratio — overview ${bySet("overview (all queries)")}; explorer first page ${bySet("explorer first page")}; ` +
        `deep page ${bySet("explorer deep page")}; worst ${worst.ratio.toFixed(2)} (${worst.name} ${worst.range}) → goal ≤ ${GOAL} ${met ? "met" : "not met"}; ` +
        `loaded ${describeLoad(loads[1]!)}`,
    };
  } finally {
    process.off("SIGINT", onSignal);
    await pool.end();
    await pg.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
