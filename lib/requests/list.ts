import "server-only";
import { and, asc, desc, gte, lte, sql } from "drizzle-orm";
import { z } from "zod";
import { requests } from "@/db/schema";
import { assertCan, type ProjectCtx } from "@/lib/context";
import { fromZod } from "@/lib/http/errors";
import { RequestFilters } from "@/lib/metrics/filters";
import { decodeCursor, encodeCursor, type Cursor } from "./cursor";
import { toItem, type RequestItem } from "./item";
import { requestConditions } from "./where";

export const ListRequestsInput = z.object({
  filters: RequestFilters.prefault({}),
  cursor: z.string().min(1).max(1_000).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  /** `desc` newest first (the default), `asc` oldest first; a cursor continues in the order it was issued for. */
  order: z.enum(["desc", "asc"]).default("desc"),
});
export type ListRequestsInput = z.input<typeof ListRequestsInput>;

export type RequestPage = { items: RequestItem[]; nextCursor: string | null };

export type ListOrder = "desc" | "asc";

/**
 * Requests newest first by (start_time desc, id desc) — or oldest first, both keys
 * ascending — one page at a time. The cursor is the last row's (start_time, id), so
 * pages never skip or repeat a row even while new events arrive.
 */
export async function listRequests(ctx: ProjectCtx, input: ListRequestsInput = {}): Promise<RequestPage> {
  assertCan(ctx, "requests.read");
  const parsed = ListRequestsInput.safeParse(input);
  if (!parsed.success) throw fromZod(parsed.error);
  const { filters, cursor, limit, order } = parsed.data;
  const rows = await pageQuery(ctx, filters, cursor ? decodeCursor(cursor) : null, limit + 1, order);
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    items: page.map(toItem),
    nextCursor: rows.length > limit && last ? encodeCursor({ startMs: last.startTime.getTime(), id: last.id }) : null,
  };
}

/** The page's SQL: bounded by the time range (and the cursor) on start_time, so only the day partitions it touches are read. */
export function pageQuery(ctx: ProjectCtx, filters: RequestFilters, after: Cursor | null, take: number, order: ListOrder = "desc") {
  const where = requestConditions(ctx.projectId, filters);
  if (after) {
    const at = new Date(after.startMs);
    const row = sql`(${requests.startTime}, ${requests.id})`;
    const last = sql`(${at.toISOString()}::timestamptz, ${after.id})`;
    // The explicit bound on start_time lets the planner prune partitions; the row comparison breaks ties by id.
    if (order === "desc") where.push(lte(requests.startTime, at), sql`${row} < ${last}`);
    else where.push(gte(requests.startTime, at), sql`${row} > ${last}`);
  }
  const by = order === "desc" ? desc : asc;
  return ctx.db
    .select()
    .from(requests)
    .where(and(...where))
    .orderBy(by(requests.startTime), by(requests.id))
    .limit(take);
}
