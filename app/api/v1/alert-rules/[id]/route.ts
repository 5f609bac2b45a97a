import { NextResponse } from "next/server";
import { deleteAlertRule } from "@/lib/alerts/delete-rule";
import { getAlertRule } from "@/lib/alerts/list-rules";
import { updateAlertRule } from "@/lib/alerts/update-rule";
import { readJsonBody } from "@/lib/http/body";
import { withApiKey } from "@/lib/http/route";

type P = { id: string };

/** GET /api/v1/alert-rules/{id} */
export const GET = withApiKey<P>(["secret"], async (_req, { ctx, params }) => NextResponse.json(await getAlertRule(ctx, params.id)));

/** PATCH /api/v1/alert-rules/{id} — given fields replace, null removes an optional one. */
export const PATCH = withApiKey<P>(["secret"], async (req, { ctx, params }) => {
  const { json } = await readJsonBody(req);
  return NextResponse.json(await updateAlertRule(ctx, params.id, json));
});

/** DELETE /api/v1/alert-rules/{id} — 204; its instances and history go with it. */
export const DELETE = withApiKey<P>(["secret"], async (_req, { ctx, params }) => {
  await deleteAlertRule(ctx, params.id);
  return new Response(null, { status: 204 });
});
