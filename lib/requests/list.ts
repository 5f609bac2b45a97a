import "server-only";
import { and, desc, lte, sql } from "drizzle-orm";
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
});
export type ListRequestsInput = z.input<typeof ListRequestsInput>;

export type RequestPage = { items: RequestItem[]; nextCursor: string | null };

/**
 * Requests newest first by (start_time desc, id desc), one page at a time. The
 * cursor is the last row's (start_time, id), so pages never skip or repeat a row
 * even while new events arrive.
 */
export async function listRequests(ctx: ProjectCtx, input: ListRequestsInput = {}): Promise<RequestPage> {
  assertCan(ctx, "requests.read");
  const parsed = ListRequestsInput.safeParse(input);
  if (!parsed.success) throw fromZod(parsed.error);
  const { filters, cursor, limit } = parsed.data;
  const rows = await pageQuery(ctx, filters, cursor ? decodeCursor(cursor) : null, limit + 1);
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    items: page.map(toItem),
    nextCursor: rows.length > limit && last ? encodeCursor({ startMs: last.startTime.getTime(), id: last.id }) : null,
  };
}

/** The page's SQL: bounded by the time range (and the cursor) on start_time, so only the day partitions it touches are read. */
export function pageQuery(ctx: ProjectCtx, filters: RequestFilters, after: Cursor | null, take: number) {
  const where = requestConditions(ctx.projectId, filters);
  if (after) {
    const at = new Date(after.startMs);
    // The explicit upper bound lets the planner prune partitions; the row comparison breaks ties by id.
    where.push(lte(requests.startTime, at), sql`(${requests.startTime}, ${requests.id}) < (${at.toISOString()}::timestamptz, ${after.id})`);
  }
  return ctx.db
    .select()
    .from(requests)
    .where(and(...where))
    .orderBy(desc(requests.startTime), desc(requests.id))
    .limit(take);
}
