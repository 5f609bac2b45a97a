import { NextResponse } from "next/server";
import { createFlag } from "@/lib/flags/create";
import { listFlags } from "@/lib/flags/list";
import { readJsonBody } from "@/lib/http/body";
import { withApiKey } from "@/lib/http/route";

/** GET /api/v1/flags — every flag of the project with its version; secret or public key. */
export const GET = withApiKey(["secret", "public"], async (_req, { ctx }) => NextResponse.json({ flags: await listFlags(ctx) }));

/** POST /api/v1/flags — creates a flag from a full definition; 201, 409 when the key is taken, 422 with paths. */
export const POST = withApiKey(["secret"], async (req, { ctx }) => {
  const { json } = await readJsonBody(req);
  const flag = await createFlag(ctx, json);
  return NextResponse.json(flag, { status: 201, headers: { ETag: `"${flag.version}"` } });
});
