import type { NextRequest } from "next/server";
import { requireProject } from "@/lib/auth/session";
import { errorResponse } from "@/lib/http/respond";
import { exportQueue } from "@/lib/review/export";

/**
 * GET …/review/{queueId}/export — the queue's completed items as JSON lines (an evaluation
 * set), streamed, for the signed-in user: requireProject answers sign-in or 404, and the
 * verb checks the role and that the queue is this project's.
 */
export async function GET(req: NextRequest, { params }: { params: Promise<{ projectId: string; queueId: string }> }) {
  const { projectId, queueId } = await params;
  // Outside the try: its redirect / notFound must reach Next, not the error mapper.
  const ctx = await requireProject(projectId);
  try {
    const lines = await exportQueue(ctx, queueId);
    const encoder = new TextEncoder();
    const body = new ReadableStream<Uint8Array>({
      async pull(controller) {
        try {
          const next = await lines.next();
          if (next.done) controller.close();
          else controller.enqueue(encoder.encode(next.value));
        } catch (err) {
          // Headers are gone: the download fails visibly rather than ending early as if complete.
          console.error(`[review export] ${req.nextUrl.pathname} failed mid-stream:`, err);
          controller.error(err);
        }
      },
      async cancel() {
        await lines.return(undefined);
      },
    });
    const stamp = new Date().toISOString().slice(0, 16).replace(/[-:]/g, "").replace("T", "-");
    return new Response(body, {
      headers: {
        "content-type": "application/x-ndjson; charset=utf-8",
        "content-disposition": `attachment; filename="review-${queueId}-${stamp}.jsonl"`,
        "cache-control": "no-store",
        "x-content-type-options": "nosniff",
      },
    });
  } catch (err) {
    return errorResponse(err, `GET ${req.nextUrl.pathname}`);
  }
}
