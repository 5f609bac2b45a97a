import { NextResponse } from "next/server";
import { withApiKey } from "@/lib/http/route";
import { parseFilters } from "@/lib/metrics/filters";
import { listRequests } from "@/lib/requests/list";

/** GET /api/v1/requests — filtered, newest first (or `order=asc`), one page per call (`cursor`, `limit`). */
export const GET = withApiKey(["secret"], async (req, { ctx }) => {
  const params = req.nextUrl.searchParams;
  const page = await listRequests(ctx, {
    filters: parseFilters(params),
    cursor: params.get("cursor") || undefined,
    limit: params.get("limit") || undefined,
    order: (params.get("order") || undefined) as "asc" | "desc" | undefined, // validated by the verb (400 otherwise)
  });
  return NextResponse.json(page);
});
