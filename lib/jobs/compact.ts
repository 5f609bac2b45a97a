import "server-only";
import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { FAMILIES } from "@/lib/metrics/tiers";

/** Keys folded per statement: bounds one statement's work after a long pause. */
const MAX_KEYS = 20_000;

type Table = { table: string; dims: readonly string[]; coarser: string[]; units: string[] };

/**
 * Every rollup table with its key columns besides project_id and bucket, each family's
 * finest first: ingestion appends only there, and its compaction carries the pending
 * sums into the family's coarser tables (`coarser`, with their grains in `units`),
 * which are compacted right after.
 */
export const ROLLUP_TABLES: Table[] = Object.values(FAMILIES).flatMap((f) => {
  const tiers = Object.entries(f.tables) as [string, string][];
  const finest = tiers.find(([grain]) => grain === f.finest)![1];
  const coarse = tiers.filter(([grain]) => grain !== f.finest);
  return [
    { table: finest, dims: f.dims, coarser: coarse.map(([, t]) => t), units: coarse.map(([g]) => g) },
    ...coarse.map(([, table]) => ({ table, dims: f.dims, coarser: [], units: [] })),
  ];
});

/**
 * Folds the deltas ingestion appended into one row per key, table by table, carrying
 * them into the coarser tiers on the way (ADR 0003, "Deltas"). Answers do not change —
 * readers sum every row of a key and take a finest tier's pending rows for coarse
 * buckets — only how many rows they read. Returns how many rows were folded.
 */
export async function compactRollups(db: Db): Promise<number> {
  let folded = 0;
  for (const { table, dims, coarser, units } of ROLLUP_TABLES) {
    // A few passes at most: under steady ingestion there is always something new pending.
    for (let pass = 0; pass < 10; pass++) {
      const r = await db.execute<{ n: string }>(sql`select sx_rollup_compact(${table}, ${sql.param([...dims])}::text[], ${MAX_KEYS}, ${sql.param(coarser)}::text[], ${sql.param(units)}::text[])::text as n`);
      const n = Number(r.rows[0]!.n);
      folded += n;
      if (n === 0) break;
      // A short pass means everything pending was folded; a full one may have left some.
      const pending = await db.execute(sql`select 1 from ${sql.raw(table)} where not compacted limit 1`);
      if (pending.rows.length === 0) break;
    }
  }
  return folded;
}

/** Every SEXTANT_COMPACT_SECONDS (default 10), on one instance at a time. */
export function compactJob() {
  const everyMs = Math.max(1, Number(process.env.SEXTANT_COMPACT_SECONDS ?? 10)) * 1000;
  return { name: "compact-rollups", lock: 7_318_304, everyMs, run: (db: Db) => compactRollups(db) };
}
