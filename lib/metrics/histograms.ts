import "server-only";
import { sql, type SQL } from "drizzle-orm";
import type { ProjectCtx } from "@/lib/context";
import type { Histogram } from "./histogram";

/**
 * Merged latency histograms per group (and per bin `t` when `bin` is given), summed
 * set-based: every stored histogram expands to (bin, count) pairs, summed per key and
 * bin, then folded into one object per key. Folding row by row (`sx_hist_sum`)
 * rebuilds the whole object for every row and costs 20–60× more (BENCHMARKS.md).
 * Keys are `key` or `key \u0000 t-as-ISO`.
 */
export async function histogramsBy(ctx: ProjectCtx, source: SQL, key: string | null, bin: SQL | null, keys: string[] | null): Promise<Map<string, Histogram>> {
  const k = key === null ? sql`'all'` : sql.raw(key);
  const t = bin ?? sql`null::timestamptz`;
  const only = key !== null && keys ? sql`where ${k} = any(${sql.param(keys)}::text[])` : sql``;
  const result = (await ctx.db.execute(sql`
    select key, t, jsonb_object_agg(b, n) as h from (
      select ${k}::text as key, ${t} as t, e.b, sum(e.n::bigint) as n
      from ${source} cross join lateral jsonb_each_text(r.latency_hist) as e(b, n) ${only}
      group by 1, 2, 3
    ) as pairs group by 1, 2`)) as unknown as { rows: { key: string; t: Date | string | null; h: Histogram }[] };
  const out = new Map<string, Histogram>();
  for (const r of result.rows) out.set(r.t === null ? r.key : histKey(r.key, r.t), r.h);
  return out;
}

export function histKey(key: string, t: Date | string): string {
  return `${key}\u0000${new Date(t).toISOString()}`;
}
