import { NextResponse } from "next/server";
import { createAlertRule } from "@/lib/alerts/create-rule";
import { listAlertRules } from "@/lib/alerts/list-rules";
import { readJsonBody } from "@/lib/http/body";
import { withApiKey } from "@/lib/http/route";

/** GET /api/v1/alert-rules — the project's rules. */
export const GET = withApiKey(["secret"], async (_req, { ctx }) => NextResponse.json({ rules: await listAlertRules(ctx) }));

/** POST /api/v1/alert-rules — creates a rule; 201 with it (and its id). */
export const POST = withApiKey(["secret"], async (req, { ctx }) => {
  const { json } = await readJsonBody(req);
  return NextResponse.json(await createAlertRule(ctx, json), { status: 201 });
});
