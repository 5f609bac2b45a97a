import { NextResponse } from "next/server";
import { withApiKey } from "@/lib/http/route";
import { getTrace } from "@/lib/requests/trace";

/** GET /api/v1/traces/:traceId — every span of the trace, with root ids and totals. */
export const GET = withApiKey<{ traceId: string }>(["secret"], async (_req, { ctx, params }) => {
  return NextResponse.json(await getTrace(ctx, params.traceId));
});
