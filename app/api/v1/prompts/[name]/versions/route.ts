import { NextResponse } from "next/server";
import { readJson, withApiKey } from "@/lib/http/route";
import { addVersion } from "@/lib/prompts/add-version";
import { jsonWithEtag } from "@/lib/prompts/etag";
import { listVersions } from "@/lib/prompts/get";
import { NewVersionInput } from "@/lib/prompts/schemas";

/** GET /api/v1/prompts/{name}/versions — the history, newest first (public or secret key; ETag). */
export const GET = withApiKey<{ name: string }>(["secret", "public"], async (req, { ctx, params }) => jsonWithEtag(req, { versions: await listVersions(ctx, params.name) }));

/** POST /api/v1/prompts/{name}/versions — `{prompt, config?, labels?, commitMessage?}`: the next version; 201 with it (`version` is its number). */
export const POST = withApiKey<{ name: string }>(["secret"], async (req, { ctx, params }) => {
  const body = await readJson(req, NewVersionInput);
  return NextResponse.json(await addVersion(ctx, params.name, body), { status: 201 });
});
