import { NextResponse } from "next/server";
import { z } from "zod";
import { readJson, withApiKey } from "@/lib/http/route";
import { moveLabel } from "@/lib/prompts/move-label";

/** PUT /api/v1/prompts/{name}/labels/{label} `{version}` — points the label there (production: deploy); answers the move. */
export const PUT = withApiKey<{ name: string; label: string }>(["secret"], async (req, { ctx, params }) => {
  const body = await readJson(req, z.looseObject({}, "Send a JSON object: {\"version\": 3}."));
  return NextResponse.json(await moveLabel(ctx, { name: params.name, label: params.label, version: body.version }));
});
