import "server-only";
import { and, eq } from "drizzle-orm";
import { reviewQueues } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record";
import { assertCan, type ProjectCtx } from "@/lib/context";
import { conflict, fromZod, isUniqueViolation } from "@/lib/http/errors";
import { checkReviewers } from "./members";
import { loadQueue, toQueue, type Queue } from "./rows";
import { forgetSamplingRules } from "./sampling";
import { UpdateQueueInput } from "./schemas";

/**
 * Changes the fields given (lists replace whole). A new rubric applies to reviews from
 * now on; completed reviews keep the answers they were given.
 */
export async function updateQueue(ctx: ProjectCtx, id: string, input: unknown): Promise<Queue> {
  assertCan(ctx, "review.write");
  const parsed = UpdateQueueInput.safeParse(input);
  if (!parsed.success) throw fromZod(parsed.error);
  const u = parsed.data;
  try {
    const queue = await ctx.db.transaction(async (tx) => {
      const before = await loadQueue(tx, ctx.projectId, id, { lock: true });
      const reviewers = u.reviewers === undefined ? undefined : await checkReviewers(tx, ctx.orgId, u.reviewers);
      const [row] = await tx
        .update(reviewQueues)
        .set({ ...u, reviewers, updatedAt: new Date() })
        .where(and(eq(reviewQueues.projectId, ctx.projectId), eq(reviewQueues.id, before.id)))
        .returning();
      const queue = toQueue(row!);
      await recordAudit(tx, ctx.actor, { orgId: ctx.orgId, projectId: ctx.projectId, action: "review_queue.update", resourceType: "review_queue", resourceId: queue.id, before: toQueue(before), after: queue });
      return queue;
    });
    forgetSamplingRules(ctx.projectId);
    return queue;
  } catch (err) {
    if (isUniqueViolation(err)) throw conflict(`This project already has a review queue named "${u.name}".`);
    throw err;
  }
}
