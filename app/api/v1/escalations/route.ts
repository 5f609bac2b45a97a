import { NextResponse } from "next/server";
import { readJson, withApiKey } from "@/lib/http/route";
import { escalate } from "@/lib/review/escalate";
import { EscalateInput } from "@/lib/review/schemas";

/** POST /api/v1/escalations — `{requestId | traceId, queue, reason?, priority?}`: the SDK's human fallback. 201 new, 200 already queued. */
export const POST = withApiKey(["secret"], async (req, { ctx }) => {
  const body = await readJson(req, EscalateInput);
  const result = await escalate(ctx, body);
  return NextResponse.json(result, { status: result.created ? 201 : 200 });
});
