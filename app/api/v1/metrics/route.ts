import { NextResponse } from "next/server";
import { withApiKey } from "@/lib/http/route";
import { parseFilters } from "@/lib/metrics/filters";
import { queryMetrics } from "@/lib/metrics/query";

/** GET /api/v1/metrics — totals and percentiles per group (`groupBy`), optionally over time (`interval`). */
export const GET = withApiKey(["secret"], async (req, { ctx }) => {
  const params = req.nextUrl.searchParams;
  const answer = await queryMetrics(ctx, {
    filters: parseFilters(params),
    groupBy: params.get("groupBy") || undefined,
    interval: params.get("interval") || undefined,
    limit: params.get("limit") || undefined,
  });
  return NextResponse.json(answer);
});
