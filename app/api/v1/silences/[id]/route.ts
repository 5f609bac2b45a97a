import { NextResponse } from "next/server";
import { expireSilence } from "@/lib/alerts/silences";
import { withApiKey } from "@/lib/http/route";

/** DELETE /api/v1/silences/{id} — expires it now (kept for the record); 200 with the silence. */
export const DELETE = withApiKey<{ id: string }>(["secret"], async (_req, { ctx, params }) => NextResponse.json(await expireSilence(ctx, params.id)));
