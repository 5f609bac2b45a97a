import { withApiKey } from "@/lib/http/route";
import { jsonWithEtag } from "@/lib/prompts/etag";
import { getPrompt } from "@/lib/prompts/get";

/** GET /api/v1/prompts/{name}?label=…|version=… — one version, by default the production one (public or secret key; ETag). */
export const GET = withApiKey<{ name: string }>(["secret", "public"], async (req, { ctx, params }) => {
  const q = req.nextUrl.searchParams;
  const label = q.get("label") || undefined;
  const version = q.get("version") || undefined;
  return jsonWithEtag(req, await getPrompt(ctx, params.name, { label, version }));
});
