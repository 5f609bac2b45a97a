import { NextResponse } from "next/server";
import { withApiKey } from "@/lib/http/route";
import { queueProgress } from "@/lib/review/progress";

/** GET /api/v1/review-queues/{id}/progress — items by state, per-reviewer counts, agreement. */
export const GET = withApiKey<{ id: string }>(["secret"], async (_req, { ctx, params }) => NextResponse.json(await queueProgress(ctx, params.id)));
