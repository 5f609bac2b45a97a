import type { NextRequest } from "next/server";
import { requireProject } from "@/lib/auth/session";
import { AppError } from "@/lib/http/errors";
import { errorResponse } from "@/lib/http/respond";
import { explorerQuery } from "@/lib/requests/explorer-query";
import { csvHeader, csvLine, EXPORT_FORMATS, exportPages, jsonLine, type ExportFormat } from "@/lib/requests/export";

const TYPES: Record<ExportFormat, string> = { csv: "text/csv; charset=utf-8", jsonl: "application/x-ndjson; charset=utf-8" };

/**
 * GET …/requests/export?format=csv|jsonl&<filters> — the explorer's current filter
 * as a file, streamed page by page (never the whole result in memory). Signed-in
 * users only, exactly like the page: requireProject answers sign-in or 404.
 */
export async function GET(req: NextRequest, { params }: { params: Promise<{ projectId: string }> }) {
  const { projectId } = await params;
  // Outside the try: its redirect / notFound must reach Next, not the error mapper.
  const ctx = await requireProject(projectId);
  try {
    const search = req.nextUrl.searchParams;
    const format = search.get("format") ?? "csv";
    if (!(EXPORT_FORMATS as readonly string[]).includes(format)) {
      throw new AppError("UNPROCESSABLE_ENTITY", "format must be csv or jsonl.", [{ path: "format", message: "Use csv or jsonl." }]);
    }
    const query = explorerQuery(search);
    const pages = await exportPages(ctx, query);
    const line = format === "csv" ? csvLine : jsonLine;
    const encoder = new TextEncoder();
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        if (format === "csv") controller.enqueue(encoder.encode(csvHeader()));
      },
      async pull(controller) {
        try {
          const next = await pages.next();
          if (next.done) controller.close();
          else controller.enqueue(encoder.encode(next.value.map(line).join("")));
        } catch (err) {
          // Headers are gone: the download fails visibly rather than ending early as if complete.
          console.error(`[export] ${projectId} failed mid-stream:`, err);
          controller.error(err);
        }
      },
      async cancel() {
        await pages.return(undefined);
      },
    });
    const stamp = new Date().toISOString().slice(0, 16).replace(/[-:]/g, "").replace("T", "-");
    return new Response(body, {
      headers: {
        "content-type": TYPES[format as ExportFormat],
        "content-disposition": `attachment; filename="requests-${stamp}.${format}"`,
        "cache-control": "no-store",
        "x-content-type-options": "nosniff",
      },
    });
  } catch (err) {
    return errorResponse(err, `GET ${req.nextUrl.pathname}`);
  }
}
