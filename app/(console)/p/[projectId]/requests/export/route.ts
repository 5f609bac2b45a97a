import type { NextRequest } from "next/server";
import { requireProject } from "@/lib/auth/session";
import { AppError } from "@/lib/http/errors";
import { fileStamp, NDJSON, streamDownload } from "@/lib/http/download";
import { errorResponse } from "@/lib/http/respond";
import { explorerQuery } from "@/lib/requests/explorer-query";
import { csvHeader, csvLine, EXPORT_FORMATS, exportPages, jsonLine, type ExportFormat } from "@/lib/requests/export";

const TYPES: Record<ExportFormat, string> = { csv: "text/csv; charset=utf-8", jsonl: NDJSON };

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
    async function* chunks() {
      if (format === "csv") yield csvHeader();
      for await (const page of pages) yield page.map(line).join("");
    }
    return streamDownload(chunks(), { filename: `requests-${fileStamp()}.${format}`, contentType: TYPES[format as ExportFormat], label: `export ${projectId}` });
  } catch (err) {
    return errorResponse(err, `GET ${req.nextUrl.pathname}`);
  }
}
