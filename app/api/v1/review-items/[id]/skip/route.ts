import { NextResponse } from "next/server";
import { withApiKey } from "@/lib/http/route";
import { skipItem } from "@/lib/review/skip";

/** POST /api/v1/review-items/{id}/skip — gives the claimed item back; this key is not offered it again. */
export const POST = withApiKey<{ id: string }>(["secret"], async (_req, { ctx, params }) => NextResponse.json(await skipItem(ctx, params.id)));
