import "server-only";
import { sql } from "drizzle-orm";
import { assertCan, type ProjectCtx } from "@/lib/context";
import { fromZod } from "@/lib/http/errors";
import type { Histogram } from "./histogram";
import { MetricsQuery, planQuery } from "./query-plan";

/** The merged latency histogram of every request matching the filters, from the same rollups as the percentiles. */
export async function latencyHistogram(ctx: ProjectCtx, input: Pick<MetricsQuery, "filters">): Promise<Histogram> {
  assertCan(ctx, "requests.read");
  const parsed = MetricsQuery.safeParse(input);
  if (!parsed.success) throw fromZod(parsed.error);
  const plan = planQuery(ctx.projectId, parsed.data);
  const result = (await ctx.db.execute(sql`select sx_hist_sum(latency_hist) as h from ${sql.raw(plan.table)} where ${plan.where}`)) as unknown as { rows: { h: Histogram | null }[] };
  return result.rows[0]?.h ?? {};
}
