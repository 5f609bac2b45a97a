import "server-only";
import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { FAMILIES } from "@/lib/metrics/tiers";

/** Keys folded per statement: bounds one statement's work after a long pause. */
const MAX_KEYS = 20_000;

/** Every rollup table with its key columns besides project_id and bucket. */
export const ROLLUP_TABLES: { table: string; dims: readonly string[] }[] = Object.values(FAMILIES).flatMap((f) =>
  Object.values(f.tables).map((table) => ({ table, dims: f.dims })),
);

/**
 * Folds the deltas ingestion appended into one row per key, table by table (ADR 0003,
 * "Deltas"). Answers do not change — readers sum every row of a key — only how many
 * rows they read. Returns how many delta rows were folded.
 */
export async function compactRollups(db: Db): Promise<number> {
  let folded = 0;
  for (const { table, dims } of ROLLUP_TABLES) {
    // A few passes at most: under steady ingestion there is always something new pending.
    for (let pass = 0; pass < 10; pass++) {
      const r = await db.execute<{ n: string }>(sql`select sx_rollup_compact(${table}, ${sql.param([...dims])}::text[], ${MAX_KEYS})::text as n`);
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
