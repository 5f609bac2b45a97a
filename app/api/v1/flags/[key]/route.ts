import { NextResponse, type NextRequest } from "next/server";
import { deleteFlag } from "@/lib/flags/delete";
import { versionFromIfMatch } from "@/lib/flags/etag";
import { getFlag } from "@/lib/flags/get";
import { patchFlag } from "@/lib/flags/patch";
import { readJsonBody } from "@/lib/http/body";
import { AppError } from "@/lib/http/errors";
import { withApiKey } from "@/lib/http/route";

type Params = { key: string };

function ifVersion(req: NextRequest): number | undefined {
  const version = versionFromIfMatch(req.headers.get("if-match"));
  if (version === "invalid") throw new AppError("BAD_REQUEST", 'If-Match takes the flag\'s ETag, its version in quotes, e.g. "3".');
  return version;
}

/** GET /api/v1/flags/{key} — one flag; its ETag is its version, for If-Match on changes. */
export const GET = withApiKey<Params>(["secret", "public"], async (_req, { ctx, params }) => {
  const flag = await getFlag(ctx, { key: params.key });
  return NextResponse.json(flag, { headers: { ETag: `"${flag.version}"` } });
});

/** PATCH /api/v1/flags/{key} — merge patch (environments by name, null removes); 409 when If-Match is stale. */
export const PATCH = withApiKey<Params>(["secret"], async (req, { ctx, params }) => {
  const expected = ifVersion(req);
  const { json } = await readJsonBody(req);
  const flag = await patchFlag(ctx, { key: params.key, patch: json, ifVersion: expected });
  return NextResponse.json(flag, { headers: { ETag: `"${flag.version}"` } });
});

/** DELETE /api/v1/flags/{key} — 204; 404 when it is not in this project. */
export const DELETE = withApiKey<Params>(["secret"], async (req, { ctx, params }) => {
  await deleteFlag(ctx, { key: params.key, ifVersion: ifVersion(req) });
  return new Response(null, { status: 204 });
});
