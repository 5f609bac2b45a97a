import { NextResponse } from "next/server";
import { getUserRateLimit, setUserRateLimit } from "@/lib/budgets/rate-limit";
import { readJsonBody } from "@/lib/http/body";
import { withApiKey } from "@/lib/http/route";

/** GET /api/v1/budgets/user-rate-limit — `{userRateLimit}`, null when none is set. */
export const GET = withApiKey(["secret"], async (_req, { ctx }) => NextResponse.json({ userRateLimit: await getUserRateLimit(ctx) }));

/** PUT /api/v1/budgets/user-rate-limit — `{requestsPerMinute?, tokensPerMinute?}` per user; both null removes the limit. */
export const PUT = withApiKey(["secret"], async (req, { ctx }) => {
  const { json } = await readJsonBody(req);
  return NextResponse.json({ userRateLimit: await setUserRateLimit(ctx, json) });
});
