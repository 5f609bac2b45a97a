import "server-only";
import { isPreset, PRESETS, resolveRange, DEFAULT_PRESET } from "@/lib/dashboard/range";
import { AppError } from "@/lib/http/errors";
import { parseFilters, type RequestFilters } from "@/lib/metrics/filters";
import type { ListOrder } from "./list";

/** `limit` stays text: listRequests validates it (1..500) with the rest of its input. */
export type ExplorerQuery = { filters: RequestFilters; order: ListOrder; cursor: string | undefined; limit: string | undefined };

const invalid = (path: string, message: string) => new AppError("UNPROCESSABLE_ENTITY", `Some filters are invalid. ${path}: ${message}`, [{ path, message }]);

/**
 * What the explorer's URL asks for. It speaks the dashboard's language too (a
 * breakdown row links here with `range=24h`): a `range` preset applies when neither
 * `from` nor `to` is given. Unlike the dashboard, anything invalid is an error to
 * show, not a silent fallback, so a shared link never lists something else.
 */
export function explorerQuery(search: URLSearchParams, now = Date.now()): ExplorerQuery {
  const params = new URLSearchParams(search);
  const range = params.get("range");
  const order = params.get("order") || "desc";
  const cursor = params.get("cursor") || undefined;
  const limit = params.get("limit") || undefined;
  for (const name of ["range", "order", "cursor", "limit"]) params.delete(name);
  if (order !== "desc" && order !== "asc") throw invalid("order", "Use desc (newest first) or asc (oldest first).");
  if (!params.get("from") && !params.get("to")) {
    if (range && !isPreset(range)) throw invalid("range", `Use one of ${Object.keys(PRESETS).join(", ")}, or from/to.`);
    const r = resolveRange(new URLSearchParams({ range: range || DEFAULT_PRESET }), now);
    params.set("from", r.from.toISOString());
    params.set("to", r.to.toISOString());
  }
  return { filters: parseFilters(params), order, cursor, limit };
}
