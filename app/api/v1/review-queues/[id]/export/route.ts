import { withApiKey } from "@/lib/http/route";
import { exportQueue } from "@/lib/review/export";

/** GET /api/v1/review-queues/{id}/export — completed items as JSON lines, streamed. */
export const GET = withApiKey<{ id: string }>(["secret"], async (req, { ctx, params }) => {
  const lines = await exportQueue(ctx, params.id);
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const next = await lines.next();
        if (next.done) controller.close();
        else controller.enqueue(encoder.encode(next.value));
      } catch (err) {
        // Headers are gone: fail the download visibly rather than end it early as if complete.
        console.error(`[review export] ${req.nextUrl.pathname} failed mid-stream:`, err);
        controller.error(err);
      }
    },
    async cancel() {
      await lines.return(undefined);
    },
  });
  return new Response(body, {
    headers: {
      "content-type": "application/x-ndjson; charset=utf-8",
      "content-disposition": `attachment; filename="review-${params.id}.jsonl"`,
      "cache-control": "no-store",
    },
  });
});
