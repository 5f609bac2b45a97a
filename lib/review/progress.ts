import "server-only";
import { sql } from "drizzle-orm";
import { assertCan, type ProjectCtx } from "@/lib/context";
import { agreementOf, type Agreement } from "./agreement";
import { systemClock, type Clock } from "./clock";
import { loadQueue } from "./rows";

export type ReviewerProgress = { reviewerId: string; reviewer: string; completed: number; skipped: number; lastReviewAt: string };
export type QueueProgress = {
  queueId: string;
  items: { pending: number; inReview: number; completed: number; total: number };
  reviewers: ReviewerProgress[];
  agreement: Agreement;
};

/** Where a queue stands: items by state, each reviewer's count, and agreement on items with 2+ reviews. */
export async function queueProgress(ctx: ProjectCtx, queueId: string, clock: Clock = systemClock): Promise<QueueProgress> {
  assertCan(ctx, "review.read");
  const queue = await loadQueue(ctx.db, ctx.projectId, queueId);
  const now = clock().toISOString();
  const [items, people, agreement] = await Promise.all([
    ctx.db.execute<{ pending: number; in_review: number; completed: number }>(sql`
      select count(*) filter (where status = 'pending')::int as pending,
             count(*) filter (where status = 'pending' and locked_until > ${now}::timestamptz)::int as in_review,
             count(*) filter (where status = 'completed')::int as completed
      from review_items where project_id = ${ctx.projectId} and queue_id = ${queue.id}`),
    ctx.db.execute<{ reviewer_id: string; reviewer: string; completed: number; skipped: number; last: string }>(sql`
      select reviewer_id, max(reviewer_label) as reviewer, count(*) filter (where status = 'completed')::int as completed,
             count(*) filter (where status = 'skipped')::int as skipped, max(created_at) as last
      from reviews where project_id = ${ctx.projectId} and queue_id = ${queue.id}
      group by reviewer_id order by 3 desc, 2`),
    agreementOf(ctx.db, ctx.projectId, queue),
  ]);
  const i = items.rows[0]!;
  return {
    queueId: queue.id,
    items: { pending: i.pending, inReview: i.in_review, completed: i.completed, total: i.pending + i.completed },
    reviewers: people.rows.map((p) => ({ reviewerId: p.reviewer_id, reviewer: p.reviewer, completed: p.completed, skipped: p.skipped, lastReviewAt: new Date(p.last).toISOString() })),
    agreement,
  };
}
