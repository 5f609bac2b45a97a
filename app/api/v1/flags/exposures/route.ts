import { NextResponse } from "next/server";
import { recordExposures } from "@/lib/flags/exposures";
import { readJsonBody } from "@/lib/http/body";
import { withApiKey } from "@/lib/http/route";

/**
 * POST /api/v1/flags/exposures — the SDK's per-minute evaluation counts per flag and variant
 * (`FlagExposures` of `@sextant/sdk`), added into hourly totals; secret key. 202 `{accepted}`.
 */
export const POST = withApiKey(["secret"], async (req, { ctx }) => {
  const { json } = await readJsonBody(req);
  return NextResponse.json(await recordExposures(ctx, json), { status: 202 });
});
