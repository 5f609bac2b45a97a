import { NextResponse } from "next/server";
import { evaluateAlertRuleNow } from "@/lib/alerts/evaluate-now";
import { withApiKey } from "@/lib/http/route";

/** POST /api/v1/alert-rules/{id}/evaluate — evaluates the rule now and sends what it notifies. */
export const POST = withApiKey<{ id: string }>(["secret"], async (_req, { ctx, params }) => NextResponse.json(await evaluateAlertRuleNow(ctx, params.id)));
