import { openFlagStream } from "@/lib/flags/stream";
import { withApiKey } from "@/lib/http/route";

export const dynamic = "force-dynamic";

/**
 * GET /api/v1/flags/stream?environment=production — Server-Sent Events for the SDK: the flag
 * revision at connect (`event: revision`, `data: {"revision": n}`) and at every change, with a
 * comment heartbeat; secret or public key. `no-transform` keeps compression from buffering it.
 */
export const GET = withApiKey(["secret", "public"], async (req, { ctx }) => {
  const body = await openFlagStream(ctx, { environment: req.nextUrl.searchParams.get("environment") ?? undefined, signal: req.signal });
  return new Response(body, {
    headers: { "Content-Type": "text/event-stream; charset=utf-8", "Cache-Control": "no-cache, no-transform", "X-Accel-Buffering": "no" },
  });
});
