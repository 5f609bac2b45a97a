import { NextResponse } from "next/server";
import { testChannel } from "@/lib/alerts/test-channel";
import { withApiKey } from "@/lib/http/route";

/** POST /api/v1/notification-channels/{id}/test — sends a test notification now; 200 with what the receiver answered. */
export const POST = withApiKey<{ id: string }>(["secret"], async (_req, { ctx, params }) => NextResponse.json(await testChannel(ctx, params.id)));
