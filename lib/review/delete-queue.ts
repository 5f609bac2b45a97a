import "server-only";
import { and, eq } from "drizzle-orm";
import { reviewQueues } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record";
import { assertCan, type ProjectCtx } from "@/lib/context";
import { loadQueue, toQueue } from "./rows";
import { forgetSamplingRules } from "./sampling";

/** Deletes a queue with its items and reviews. Scores already written from reviews stay on their requests. */
export async function deleteQueue(ctx: ProjectCtx, id: string): Promise<void> {
  assertCan(ctx, "review.write");
  await ctx.db.transaction(async (tx) => {
    const before = await loadQueue(tx, ctx.projectId, id, { lock: true });
    await tx.delete(reviewQueues).where(and(eq(reviewQueues.projectId, ctx.projectId), eq(reviewQueues.id, before.id)));
    await recordAudit(tx, ctx.actor, { orgId: ctx.orgId, projectId: ctx.projectId, action: "review_queue.delete", resourceType: "review_queue", resourceId: before.id, before: toQueue(before) });
  });
  forgetSamplingRules(ctx.projectId);
}
