import "server-only";
import type { ProjectCtx } from "@/lib/context";
import type { ExplorerQuery } from "./explorer-query";
import type { RequestItem } from "./item";
import { listRequests } from "./list";

export const EXPORT_FORMATS = ["csv", "jsonl"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** An export is a walk of list pages; past this many rows the file ends (the UI says so). */
export const EXPORT_MAX_ROWS = 50_000;
const PAGE = 500;

/**
 * One CSV cell (RFC 4180). Text a spreadsheet would run as a formula (starting with
 * = + - @, tab or carriage return) gets a leading ' — ingested text is untrusted.
 * Numbers are written as they are: they cannot be formulas.
 */
export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return "";
  let text = typeof value === "string" ? value : typeof value === "object" ? JSON.stringify(value) : String(value);
  if (typeof value !== "number" && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** The CSV columns: every list field, nested ones flattened; tags, flags and metadata as JSON. */
const COLUMNS: [string, (r: RequestItem) => unknown][] = [
  ["id", (r) => r.id],
  ["traceId", (r) => r.traceId],
  ["parentId", (r) => r.parentId],
  ["name", (r) => r.name],
  ["kind", (r) => r.kind],
  ["startTime", (r) => r.startTime],
  ["endTime", (r) => r.endTime],
  ["durationMs", (r) => r.durationMs],
  ["timeToFirstTokenMs", (r) => r.timeToFirstTokenMs],
  ["provider", (r) => r.provider],
  ["model", (r) => r.model],
  ["status", (r) => r.status],
  ["errorType", (r) => r.error?.type],
  ["errorMessage", (r) => r.error?.message],
  ["errorHttpStatus", (r) => r.error?.httpStatus],
  ["inputTokens", (r) => r.usage.inputTokens],
  ["outputTokens", (r) => r.usage.outputTokens],
  ["cachedInputTokens", (r) => r.usage.cachedInputTokens],
  ["reasoningTokens", (r) => r.usage.reasoningTokens],
  ["costUsd", (r) => r.costUsd],
  ["costSource", (r) => r.costSource],
  ["userId", (r) => r.userId],
  ["sessionId", (r) => r.sessionId],
  ["endpoint", (r) => r.endpoint],
  ["release", (r) => r.release],
  ["environment", (r) => r.environment],
  ["promptName", (r) => r.prompt?.name],
  ["promptVersion", (r) => r.prompt?.version],
  ["attempts", (r) => r.attempts],
  ["fallbackFrom", (r) => r.fallbackFrom],
  ["cacheHit", (r) => r.cacheHit],
  ["tags", (r) => (r.tags.length ? r.tags : null)],
  ["flags", (r) => (Object.keys(r.flags).length ? r.flags : null)],
  ["metadata", (r) => (Object.keys(r.metadata).length ? r.metadata : null)],
];

export const csvHeader = (): string => `${COLUMNS.map(([name]) => name).join(",")}\r\n`;
export const csvLine = (r: RequestItem): string => `${COLUMNS.map(([, get]) => csvCell(get(r))).join(",")}\r\n`;
export const jsonLine = (r: RequestItem): string => `${JSON.stringify(r)}\n`;

/**
 * The filtered requests page by page (keyset pages, so the last page costs what the
 * first does), at most `max` rows. The first page is read before the generator is
 * returned, so a refused permission or filter is an error response, not a broken file.
 */
export async function exportPages(
  ctx: ProjectCtx,
  query: Pick<ExplorerQuery, "filters" | "order">,
  { max = EXPORT_MAX_ROWS, pageSize = PAGE }: { max?: number; pageSize?: number } = {},
): Promise<AsyncGenerator<RequestItem[]>> {
  const input = { filters: query.filters, order: query.order };
  const first = await listRequests(ctx, { ...input, limit: Math.min(pageSize, max) });
  async function* pages(): AsyncGenerator<RequestItem[]> {
    let page = first;
    let sent = 0;
    for (;;) {
      const items = page.items.slice(0, max - sent);
      sent += items.length;
      if (items.length) yield items;
      if (!page.nextCursor || sent >= max) return;
      page = await listRequests(ctx, { ...input, cursor: page.nextCursor, limit: Math.min(pageSize, max - sent) });
    }
  }
  return pages();
}
