import "server-only";
import { and, eq } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { reviewItems, reviews } from "@/db/schema";
import type { ProjectCtx } from "@/lib/context";
import { conflict, notFound } from "@/lib/http/errors";
import { assertAssigned, loadQueue, parseId, reviewerOf, type ItemRow, type QueueRow, type Reviewer } from "./rows";

/**
 * The item a reviewer is finishing, row-locked, with its queue. It must be claimed by
 * them: a lock that expired is still theirs until someone else claims the item.
 */
export async function heldItem(tx: Tx, ctx: ProjectCtx, itemId: string): Promise<{ item: ItemRow; queue: QueueRow; me: Reviewer }> {
  const id = parseId(itemId, "Review item");
  const [item] = await tx
    .select()
    .from(reviewItems)
    .where(and(eq(reviewItems.projectId, ctx.projectId), eq(reviewItems.id, id)))
    .for("update");
  if (!item) throw notFound("Review item");
  const queue = await loadQueue(tx, ctx.projectId, item.queueId);
  assertAssigned(ctx, queue);
  const me = reviewerOf(ctx.actor);
  const [mine] = await tx
    .select({ status: reviews.status })
    .from(reviews)
    .where(and(eq(reviews.projectId, ctx.projectId), eq(reviews.itemId, id), eq(reviews.reviewerId, me.id)));
  if (mine) throw conflict(`You already ${mine.status === "completed" ? "reviewed" : "skipped"} this item.`);
  if (item.status !== "pending") throw conflict("This item has all its reviews already.");
  if (item.lockedBy !== me.id) {
    throw conflict(item.lockedBy ? "Another reviewer holds this item now (your claim expired or you never had it). Claim the next one." : "Claim this item first (POST /api/v1/review-queues/{id}/claim).");
  }
  return { item, queue, me };
}
