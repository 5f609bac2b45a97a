import { NextResponse } from "next/server";
import { deleteBudget } from "@/lib/budgets/delete";
import { getBudget } from "@/lib/budgets/list";
import { updateBudget } from "@/lib/budgets/update";
import { readJsonBody } from "@/lib/http/body";
import { withApiKey } from "@/lib/http/route";

type P = { id: string };

/** GET /api/v1/budgets/{id} */
export const GET = withApiKey<P>(["secret"], async (_req, { ctx, params }) => NextResponse.json(await getBudget(ctx, params.id)));

/** PATCH /api/v1/budgets/{id} — given fields replace, null removes an optional one. */
export const PATCH = withApiKey<P>(["secret"], async (req, { ctx, params }) => {
  const { json } = await readJsonBody(req);
  return NextResponse.json(await updateBudget(ctx, params.id, json));
});

/** DELETE /api/v1/budgets/{id} — 204; a soft budget's alert rule goes with it. */
export const DELETE = withApiKey<P>(["secret"], async (_req, { ctx, params }) => {
  await deleteBudget(ctx, params.id);
  return new Response(null, { status: 204 });
});
