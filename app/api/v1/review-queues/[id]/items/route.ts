import { NextResponse } from "next/server";
import { readJson, withApiKey } from "@/lib/http/route";
import { addItems } from "@/lib/review/add-items";
import { AddItemsInput } from "@/lib/review/schemas";

/** POST /api/v1/review-queues/{id}/items — `{requestIds, priority?}` → `{added, alreadyQueued, notFound}`. */
export const POST = withApiKey<{ id: string }>(["secret"], async (req, { ctx, params }) => {
  const body = await readJson(req, AddItemsInput);
  return NextResponse.json(await addItems(ctx, params.id, body));
});
