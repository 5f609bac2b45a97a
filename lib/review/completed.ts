import "server-only";
import { and, desc, eq, getTableColumns, inArray, sql, type SQL } from "drizzle-orm";
import { reviewItems, reviews } from "@/db/schema";
import type { ReviewScores } from "@/db/schema/review";
import { assertCan, type ProjectCtx } from "@/lib/context";
import { notFound } from "@/lib/http/errors";
import { requestOf } from "./claim";
import { loadQueue, parseId, toItem, type Item } from "./rows";
import type { RequestDetail } from "@/lib/requests/get";

/** One reviewer's verdict (or skip) on an item, as the console shows it. */
export type ReviewEntry = {
  reviewerId: string;
  reviewer: string;
  status: "completed" | "skipped";
  scores: ReviewScores;
  correctedOutput: unknown;
  comment: string | null;
  reviewedAt: string;
};

export type CompletedItem = Item & { reviews: ReviewEntry[] };
export type CompletedPage = { items: CompletedItem[]; nextBefore: string | null };

/**
 * "<completedAt to the microsecond>|<item id>": the keyset position of the last item on a
 * page. Microseconds, because a JS Date would round Postgres' time and skip items.
 */
function parseBefore(before: string | undefined): { at: string; id: string } | null {
  if (!before) return null;
  const [at, id] = before.split("|");
  if (!at || !/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/.test(at) || !id || !/^[0-9a-f-]{36}$/i.test(id)) return null;
  return { at, id };
}

async function reviewsOf(ctx: ProjectCtx, itemIds: string[]): Promise<Map<string, ReviewEntry[]>> {
  const byItem = new Map<string, ReviewEntry[]>();
  if (itemIds.length === 0) return byItem;
  const rows = await ctx.db
    .select()
    .from(reviews)
    .where(and(eq(reviews.projectId, ctx.projectId), inArray(reviews.itemId, itemIds)))
    .orderBy(reviews.createdAt, reviews.reviewerId);
  for (const r of rows) {
    const list = byItem.get(r.itemId) ?? [];
    list.push({
      reviewerId: r.reviewerId,
      reviewer: r.reviewerLabel,
      status: r.status as ReviewEntry["status"],
      scores: r.scores ?? {},
      correctedOutput: r.correctedOutput,
      comment: r.comment,
      reviewedAt: r.createdAt.toISOString(),
    });
    byItem.set(r.itemId, list);
  }
  return byItem;
}

/** A queue's completed items, newest completion first, with every review; keyset pages of `limit`. */
export async function listCompleted(ctx: ProjectCtx, queueId: string, opts: { before?: string; limit?: number } = {}): Promise<CompletedPage> {
  assertCan(ctx, "review.read");
  const queue = await loadQueue(ctx.db, ctx.projectId, queueId);
  const limit = Math.min(Math.max(opts.limit ?? 25, 1), 100);
  const before = parseBefore(opts.before);
  const conds: SQL[] = [eq(reviewItems.projectId, ctx.projectId), eq(reviewItems.queueId, queue.id), eq(reviewItems.status, "completed")];
  if (before) conds.push(sql`(${reviewItems.completedAt}, ${reviewItems.id}) < (${before.at}::timestamptz, ${before.id}::uuid)`);
  const rows = await ctx.db
    .select({ ...getTableColumns(reviewItems), position: sql<string>`to_char(${reviewItems.completedAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')` })
    .from(reviewItems)
    .where(and(...conds))
    .orderBy(desc(reviewItems.completedAt), desc(reviewItems.id))
    .limit(limit + 1);
  const page = rows.slice(0, limit);
  const byItem = await reviewsOf(ctx, page.map((r) => r.id));
  const last = page[page.length - 1];
  return {
    items: page.map((r) => ({ ...toItem(r), reviews: byItem.get(r.id) ?? [] })),
    nextBefore: rows.length > limit && last ? `${last.position}|${last.id}` : null,
  };
}

/** One item of this project with its reviews and its request (null when not stored); 404 otherwise. */
export async function getItem(ctx: ProjectCtx, itemId: string): Promise<{ item: CompletedItem; request: RequestDetail | null }> {
  assertCan(ctx, "review.read");
  const id = parseId(itemId, "Review item");
  const [row] = await ctx.db
    .select()
    .from(reviewItems)
    .where(and(eq(reviewItems.projectId, ctx.projectId), eq(reviewItems.id, id)));
  if (!row) throw notFound("Review item");
  const byItem = await reviewsOf(ctx, [row.id]);
  return { item: { ...toItem(row), reviews: byItem.get(row.id) ?? [] }, request: await requestOf(ctx, row) };
}
