import { NextResponse } from "next/server";
import { listDeliveries } from "@/lib/alerts/history";
import { withApiKey } from "@/lib/http/route";

/** GET /api/v1/alert-rules/{id}/deliveries — the rule's notification log, newest first. */
export const GET = withApiKey<{ id: string }>(["secret"], async (_req, { ctx, params }) => NextResponse.json({ deliveries: await listDeliveries(ctx, params.id) }));
