import { NextResponse } from "next/server";
import { toggleFlag } from "@/lib/flags/toggle";
import { readJsonBody } from "@/lib/http/body";
import { withApiKey } from "@/lib/http/route";

/** POST /api/v1/flags/{key}/environments/{env}/toggle {"enabled": false} — the kill switch; answers the flag. */
export const POST = withApiKey<{ key: string; env: string }>(["secret"], async (req, { ctx, params }) => {
  const { json } = await readJsonBody(req);
  const flag = await toggleFlag(ctx, { key: params.key, environment: params.env, body: json });
  return NextResponse.json(flag, { headers: { ETag: `"${flag.version}"` } });
});
