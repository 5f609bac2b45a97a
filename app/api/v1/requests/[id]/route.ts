import { NextResponse } from "next/server";
import { withApiKey } from "@/lib/http/route";
import { getRequest } from "@/lib/requests/get";

/** GET /api/v1/requests/:id — one request with its bodies, scores and cost explanation. */
export const GET = withApiKey<{ id: string }>(["secret"], async (_req, { ctx, params }) => {
  return NextResponse.json(await getRequest(ctx, params.id));
});
