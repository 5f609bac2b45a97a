import "server-only";
import { and, eq, gt, sql } from "drizzle-orm";
import { reviewItems } from "@/db/schema";
import { assertCan, type ProjectCtx } from "@/lib/context";
import { getRequest, type RequestDetail } from "@/lib/requests/get";
import { AppError } from "@/lib/http/errors";
import { systemClock, type Clock } from "./clock";
import { assertAssigned, loadQueue, reviewerOf, toItem, type Item, type ItemRow } from "./rows";

export type Claimed = { item: Item; request: RequestDetail | null } | { item: null; request: null };

/**
 * Hands the caller the next item of a queue: the one they already hold, else the
 * highest-priority, oldest pending item that nobody holds (or whose lock expired) and
 * that they have not reviewed or skipped. `FOR UPDATE SKIP LOCKED` makes concurrent
 * claims take different items; the lock lasts the queue's `lockSeconds` on `clock`.
 */
export async function claimItem(ctx: ProjectCtx, queueId: string, clock: Clock = systemClock): Promise<Claimed> {
  assertCan(ctx, "review.work");
  const me = reviewerOf(ctx.actor);
  const now = clock();
  const row = await ctx.db.transaction(async (tx) => {
    const queue = await loadQueue(tx, ctx.projectId, queueId);
    assertAssigned(ctx, queue);
    const [held] = await tx
      .select()
      .from(reviewItems)
      .where(and(eq(reviewItems.projectId, ctx.projectId), eq(reviewItems.queueId, queue.id), eq(reviewItems.status, "pending"), eq(reviewItems.lockedBy, me.id), gt(reviewItems.lockedUntil, now)))
      .limit(1);
    if (held) return held;
    const next = await tx.execute<{ id: string }>(sql`
      select i.id from review_items i
      where i.project_id = ${ctx.projectId} and i.queue_id = ${queue.id} and i.status = 'pending'
        and (i.locked_until is null or i.locked_until <= ${now.toISOString()}::timestamptz)
        and not exists (select 1 from reviews r where r.project_id = i.project_id and r.item_id = i.id and r.reviewer_id = ${me.id})
      order by i.priority desc, i.created_at, i.id
      limit 1
      for update of i skip locked`);
    const id = next.rows[0]?.id;
    if (!id) return null;
    const [locked] = await tx
      .update(reviewItems)
      .set({ lockedBy: me.id, lockedUntil: new Date(now.getTime() + queue.lockSeconds * 1000) })
      .where(and(eq(reviewItems.projectId, ctx.projectId), eq(reviewItems.id, id)))
      .returning();
    return locked!;
  });
  if (!row) return { item: null, request: null };
  return { item: toItem(row), request: await requestOf(ctx, row) };
}

/** The request under review; null while its event has not arrived or after retention removed it. */
export async function requestOf(ctx: ProjectCtx, item: ItemRow): Promise<RequestDetail | null> {
  try {
    return await getRequest({ ...ctx, actor: { type: "system", label: "review" } }, item.requestId);
  } catch (err) {
    if (err instanceof AppError && err.code === "NOT_FOUND") return null;
    throw err;
  }
}
