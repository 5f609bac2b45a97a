import type { NextRequest } from "next/server";
import { requireProject } from "@/lib/auth/session";
import { fileStamp, NDJSON, streamDownload } from "@/lib/http/download";
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
    return streamDownload(lines, { filename: `review-${queueId}-${fileStamp()}.jsonl`, contentType: NDJSON, label: `GET ${req.nextUrl.pathname}` });
  } catch (err) {
    return errorResponse(err, `GET ${req.nextUrl.pathname}`);
  }
}
