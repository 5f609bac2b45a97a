import { NextResponse } from "next/server";
import { withApiKey } from "@/lib/http/route";
import { claimItem } from "@/lib/review/claim";

/** POST /api/v1/review-queues/{id}/claim — the next item, locked to this key; `{item: null}` when none is left. */
export const POST = withApiKey<{ id: string }>(["secret"], async (_req, { ctx, params }) => NextResponse.json(await claimItem(ctx, params.id)));
