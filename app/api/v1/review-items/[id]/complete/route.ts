import { NextResponse } from "next/server";
import { readJson, withApiKey } from "@/lib/http/route";
import { completeItem } from "@/lib/review/complete";
import { CompleteInput } from "@/lib/review/schemas";

/** POST /api/v1/review-items/{id}/complete — `{scores, correctedOutput?, comment?}` for an item this key claimed. */
export const POST = withApiKey<{ id: string }>(["secret"], async (req, { ctx, params }) => {
  const body = await readJson(req, CompleteInput);
  return NextResponse.json(await completeItem(ctx, params.id, body));
});
