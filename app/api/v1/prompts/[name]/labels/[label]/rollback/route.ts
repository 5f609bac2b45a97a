import { NextResponse } from "next/server";
import { withApiKey } from "@/lib/http/route";
import { rollbackLabel } from "@/lib/prompts/move-label";

/** POST /api/v1/prompts/{name}/labels/{label}/rollback — moves the label back to where it pointed before its last move. */
export const POST = withApiKey<{ name: string; label: string }>(["secret"], async (_req, { ctx, params }) => NextResponse.json(await rollbackLabel(ctx, params)));
