import "server-only";
import { sql, type SQL } from "drizzle-orm";
import { GRAINS, segments, type Grain } from "./segments";

/** Rollup families: the same sums keyed by different dimensions, each kept in tiers by grain (docs/decisions/0003). */
export const FAMILIES = {
  main: {
    finest: "minute",
    tables: { minute: "rollups_minute", hour: "rollups_hour", day: "rollups_day" },
    dims: ["model", "provider", "endpoint", "environment", "status", "error_type", "prompt_name", "prompt_version"],
  },
  // No minute tier: a thousand users a minute would make it as big as the raw rows.
  user: { finest: "hour", tables: { hour: "rollups_user_hour", day: "rollups_user_day" }, dims: ["user_id", "environment"] },
  flag: {
    finest: "minute",
    tables: { minute: "rollups_flag_minute", hour: "rollups_flag_hour", day: "rollups_flag_day" },
    dims: ["flag_key", "variant", "environment"],
  },
} as const satisfies Record<string, { finest: Grain; tables: Partial<Record<Grain, string>>; dims: readonly string[] }>;
export type Family = keyof typeof FAMILIES;

/** Every summed column of a rollup row besides the histogram. */
export const MEASURE_COLUMNS = [
  "requests", "errors", "input_tokens", "output_tokens", "cached_input_tokens", "reasoning_tokens", "cost_nanos", "unpriced",
  "duration_sum_ms", "ttft_sum_ms", "ttft_count", "retried", "fallbacks", "cache_hits",
] as const;

/** The coarsest grain whose buckets a series of this bin width (ms) can be cut from. */
export function grainForBin(binMs: number): Grain {
  return binMs % 86_400_000 === 0 ? "day" : binMs % 3_600_000 === 0 ? "hour" : "minute";
}

/**
 * The rollup rows of [from, to) as the subquery `r`: whole days from the day tier,
 * edge hours and minutes from the finer tiers (see `segments`), each branch an index
 * range scan with the same filter terms. Ingestion appends to the finest tier only and
 * the compaction job carries those deltas into the coarser tiers while marking them
 * compacted, in one statement; so a coarse segment also reads the finest tier's rows
 * that are still pending (a partial-index scan), and every delta counts exactly once
 * whichever side of a compaction the reader's snapshot falls. `coarsest` caps the tier
 * for series whose bins are finer than a day.
 */
export function rollupSource(projectId: string, family: Family, range: { from: Date; to: Date }, filters: SQL[], coarsest: Grain = "day"): SQL {
  const f = FAMILIES[family];
  const tables: Partial<Record<Grain, string>> = f.tables;
  const cap = GRAINS[Math.max(GRAINS.indexOf(coarsest), GRAINS.indexOf(f.finest))]!;
  const columns = sql.raw(["bucket", ...f.dims, ...MEASURE_COLUMNS, "latency_hist"].join(", "));
  const branches = segments(range.from, range.to, f.finest, cap).flatMap((s) => {
    const where = [
      sql`project_id = ${projectId}`,
      sql`bucket >= ${new Date(s.from).toISOString()}::timestamptz`,
      sql`bucket < ${new Date(s.to).toISOString()}::timestamptz`,
      ...filters,
    ];
    const tier = sql`select ${columns} from ${sql.raw(tables[s.grain]!)} where ${sql.join(where, sql` and `)}`;
    if (s.grain === f.finest) return [tier];
    return [tier, sql`select ${columns} from ${sql.raw(tables[f.finest]!)} where not compacted and ${sql.join(where, sql` and `)}`];
  });
  if (!branches.length) branches.push(sql`select ${columns} from ${sql.raw(tables[f.finest]!)} where false`);
  return sql`(${sql.join(branches, sql` union all `)}) as r`;
}
