import { NDJSON, streamDownload } from "@/lib/http/download";
import { withApiKey } from "@/lib/http/route";
import { exportQueue } from "@/lib/review/export";

/** GET /api/v1/review-queues/{id}/export — completed items as JSON lines, streamed. */
export const GET = withApiKey<{ id: string }>(["secret"], async (req, { ctx, params }) => {
  const lines = await exportQueue(ctx, params.id);
  return streamDownload(lines, { filename: `review-${params.id}.jsonl`, contentType: NDJSON, label: `GET ${req.nextUrl.pathname}` });
});
