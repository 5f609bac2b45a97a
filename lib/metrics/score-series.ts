import "server-only";
import { sql } from "drizzle-orm";
import { assertCan, type ProjectCtx } from "@/lib/context";
import { fromZod } from "@/lib/http/errors";
import { INTERVALS, MetricsQuery, planQuery } from "./query-plan";

export type ScorePoint = { name: string; t: string; avg: number; count: number };

/**
 * Average of each score name per bin, from score_rollups_minute (scores are rolled up
 * with the dimensions of the request they score). Empty when the filters cannot be
 * answered for scores (e.g. a user filter).
 */
export async function scoreSeries(ctx: ProjectCtx, input: Pick<MetricsQuery, "filters"> & { interval: keyof typeof INTERVALS }): Promise<ScorePoint[]> {
  assertCan(ctx, "requests.read");
  const parsed = MetricsQuery.safeParse({ filters: input.filters });
  if (!parsed.success) throw fromZod(parsed.error);
  const plan = planQuery(ctx.projectId, parsed.data);
  if (!plan.scores) return [];
  const bin = sql`date_bin(${`${INTERVALS[input.interval] / 1000} seconds`}::interval, bucket, '1970-01-01T00:00:00Z'::timestamptz)`;
  const result = (await ctx.db.execute(sql`
    select name, ${bin} as t, sum(sum)::float8 as sum, sum(count)::float8 as count from score_rollups_minute
    where ${plan.scores.where} group by 1, 2 order by 2, 1 limit 20000`)) as unknown as { rows: { name: string; t: string | Date; sum: number; count: number }[] };
  return result.rows.map((r) => ({ name: r.name, t: new Date(r.t).toISOString(), avg: r.count ? r.sum / r.count : 0, count: r.count }));
}
