import { NextResponse } from "next/server";
import { createSilence, listSilences } from "@/lib/alerts/silences";
import { readJsonBody } from "@/lib/http/body";
import { withApiKey } from "@/lib/http/route";

/** GET /api/v1/silences[?active=true] — newest first. */
export const GET = withApiKey(["secret"], async (req, { ctx }) =>
  NextResponse.json({ silences: await listSilences(ctx, { active: req.nextUrl.searchParams.get("active") === "true" }) }),
);

/** POST /api/v1/silences — {ruleId?, matchers?, startsAt?, endsAt, comment}; 201. */
export const POST = withApiKey(["secret"], async (req, { ctx }) => {
  const { json } = await readJsonBody(req);
  return NextResponse.json(await createSilence(ctx, json), { status: 201 });
});
