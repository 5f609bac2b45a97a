import { NextResponse } from "next/server";
import { withApiKey } from "@/lib/http/route";
import { parseFilters } from "@/lib/metrics/filters";
import { listRequests } from "@/lib/requests/list";

/** GET /api/v1/requests — filtered, newest first, one page per call (`cursor`, `limit`). */
export const GET = withApiKey(["secret"], async (req, { ctx }) => {
  const params = req.nextUrl.searchParams;
  const page = await listRequests(ctx, {
    filters: parseFilters(params),
    cursor: params.get("cursor") || undefined,
    limit: params.get("limit") || undefined,
  });
  return NextResponse.json(page);
});
