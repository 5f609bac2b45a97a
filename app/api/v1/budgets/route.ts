import { NextResponse } from "next/server";
import { createBudget } from "@/lib/budgets/create";
import { listBudgets } from "@/lib/budgets/list";
import { readJsonBody } from "@/lib/http/body";
import { withApiKey } from "@/lib/http/route";

/** GET /api/v1/budgets — the project's budgets with their spend so far this period, and the per-user rate limit. */
export const GET = withApiKey(["secret"], async (_req, { ctx }) => NextResponse.json(await listBudgets(ctx)));

/** POST /api/v1/budgets — creates a budget; 201 with it. SDKs receive it with the flag configuration. */
export const POST = withApiKey(["secret"], async (req, { ctx }) => {
  const { json } = await readJsonBody(req);
  return NextResponse.json(await createBudget(ctx, json), { status: 201 });
});
