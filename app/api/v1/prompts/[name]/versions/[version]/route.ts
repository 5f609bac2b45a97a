import type { NextRequest } from "next/server";
import { conflict } from "@/lib/http/errors";
import { withApiKey } from "@/lib/http/route";
import { jsonWithEtag } from "@/lib/prompts/etag";
import { getPrompt } from "@/lib/prompts/get";

type Params = { name: string; version: string };

/** GET /api/v1/prompts/{name}/versions/{version} — one version (public or secret key; ETag). */
export const GET = withApiKey<Params>(["secret", "public"], async (req, { ctx, params }) => jsonWithEtag(req, await getPrompt(ctx, params.name, { version: params.version })));

/** Versions are immutable: writing to one (that exists and is yours) is 409 with the way forward. */
const refuse = withApiKey<Params>(["secret"], async (_req: NextRequest, { ctx, params }) => {
  const v = await getPrompt(ctx, params.name, { version: params.version });
  throw conflict(`Version ${v.version} of "${v.name}" is immutable. Save a new version (POST /api/v1/prompts/${v.name}/versions) and move a label to it.`);
});
export const PUT = refuse;
export const PATCH = refuse;
export const DELETE = refuse;
