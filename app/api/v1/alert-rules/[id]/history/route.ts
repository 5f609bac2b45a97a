import { NextResponse } from "next/server";
import { z } from "zod";
import { listHistory } from "@/lib/alerts/history";
import { fromZod } from "@/lib/http/errors";
import { withApiKey } from "@/lib/http/route";

const Query = z.object({ limit: z.coerce.number().int().min(1).max(500).optional(), before: z.coerce.number().int().min(1).optional() });

/** GET /api/v1/alert-rules/{id}/history?limit=&before= — transitions with observed values, newest first. */
export const GET = withApiKey<{ id: string }>(["secret"], async (req, { ctx, params }) => {
  const sp = req.nextUrl.searchParams;
  const q = Query.safeParse({ limit: sp.get("limit") || undefined, before: sp.get("before") || undefined });
  if (!q.success) throw fromZod(q.error);
  return NextResponse.json(await listHistory(ctx, params.id, q.data));
});
