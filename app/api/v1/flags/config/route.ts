import { NextResponse } from "next/server";
import { flagConfig, flagConfigEtag } from "@/lib/flags/config";
import { etagMatches } from "@/lib/flags/etag";
import { withApiKey } from "@/lib/http/route";

/**
 * GET /api/v1/flags/config?environment=production — every definition for local evaluation in
 * the SDK; secret or public key. ETag is the project's flag revision: If-None-Match → 304.
 */
export const GET = withApiKey(["secret", "public"], async (req, { ctx }) => {
  const environment = req.nextUrl.searchParams.get("environment") ?? undefined;
  const cache = { "Cache-Control": "private, no-cache" };
  const current = await flagConfigEtag(ctx, { environment });
  if (etagMatches(req.headers.get("if-none-match"), current)) return new Response(null, { status: 304, headers: { ETag: current, ...cache } });
  const { etag, config } = await flagConfig(ctx, { environment });
  return NextResponse.json(config, { headers: { ETag: etag, ...cache } });
});
