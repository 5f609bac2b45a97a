import { NextResponse } from "next/server";
import { listInstances } from "@/lib/alerts/history";
import { withApiKey } from "@/lib/http/route";

/** GET /api/v1/alert-rules/{id}/instances — one per group value that ever left ok; firing first. */
export const GET = withApiKey<{ id: string }>(["secret"], async (_req, { ctx, params }) => NextResponse.json({ instances: await listInstances(ctx, params.id) }));
