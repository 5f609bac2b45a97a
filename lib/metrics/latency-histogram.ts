import "server-only";
import { assertCan, type ProjectCtx } from "@/lib/context";
import { fromZod } from "@/lib/http/errors";
import type { Histogram } from "./histogram";
import { histogramsBy } from "./histograms";
import { MetricsQuery, planQuery } from "./query-plan";

/** The merged latency histogram of every request matching the filters, from the same rollups as the percentiles. */
export async function latencyHistogram(ctx: ProjectCtx, input: Pick<MetricsQuery, "filters">): Promise<Histogram> {
  assertCan(ctx, "requests.read");
  const parsed = MetricsQuery.safeParse(input);
  if (!parsed.success) throw fromZod(parsed.error);
  const plan = planQuery(ctx.projectId, parsed.data);
  return (await histogramsBy(ctx, plan.source(), null, null, null)).get("all") ?? {};
}
