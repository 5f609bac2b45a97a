import "server-only";
import { and, eq } from "drizzle-orm";
import { reviewItems, reviews } from "@/db/schema";
import { assertCan, type ProjectCtx } from "@/lib/context";
import { heldItem } from "./held";
import { toItem, type Item } from "./rows";

/** Passes on the held item: it goes back to the queue for others and is never offered to this reviewer again. */
export async function skipItem(ctx: ProjectCtx, itemId: string): Promise<Item> {
  assertCan(ctx, "review.work");
  return ctx.db.transaction(async (tx) => {
    const { item, queue, me } = await heldItem(tx, ctx, itemId);
    await tx.insert(reviews).values({ projectId: ctx.projectId, itemId: item.id, queueId: queue.id, reviewerId: me.id, reviewerLabel: me.label, status: "skipped" });
    const [row] = await tx
      .update(reviewItems)
      .set({ lockedBy: null, lockedUntil: null })
      .where(and(eq(reviewItems.projectId, ctx.projectId), eq(reviewItems.id, item.id)))
      .returning();
    return toItem(row!);
  });
}
