import { NextResponse } from "next/server";
import { createModelPrice } from "@/lib/cost/overrides/create";
import { listModelPrices } from "@/lib/cost/overrides/list";
import { resolveModelPrice } from "@/lib/cost/overrides/resolve";
import { CreateModelPriceInput } from "@/lib/cost/overrides/schemas";
import { readJson, withApiKey } from "@/lib/http/route";

/**
 * GET /api/v1/model-prices — the project's price overrides;
 * GET /api/v1/model-prices?model=<id> — which price (override or table) applies to that model.
 */
export const GET = withApiKey(["secret"], async (req, { ctx }) => {
  const model = req.nextUrl.searchParams.get("model");
  if (model !== null) return NextResponse.json({ match: await resolveModelPrice(ctx, { model }) });
  return NextResponse.json({ prices: await listModelPrices(ctx) });
});

/** POST /api/v1/model-prices — adds an override; 201 with it, 409 when the pattern already has one. */
export const POST = withApiKey(["secret"], async (req, { ctx }) => {
  const body = await readJson(req, CreateModelPriceInput);
  return NextResponse.json(await createModelPrice(ctx, body), { status: 201 });
});
