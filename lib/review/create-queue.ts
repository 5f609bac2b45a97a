import "server-only";
import { reviewQueues } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record";
import { assertCan, type ProjectCtx } from "@/lib/context";
import { conflict, fromZod, isUniqueViolation } from "@/lib/http/errors";
import { checkReviewers } from "./members";
import { toQueue, type Queue } from "./rows";
import { forgetSamplingRules } from "./sampling";
import { CreateQueueInput } from "./schemas";

/** Creates a queue with its rubric and sampling rules; 409 when the name is taken. */
export async function createQueue(ctx: ProjectCtx, input: unknown): Promise<Queue> {
  assertCan(ctx, "review.write");
  const parsed = CreateQueueInput.safeParse(input);
  if (!parsed.success) throw fromZod(parsed.error);
  const q = parsed.data;
  try {
    const queue = await ctx.db.transaction(async (tx) => {
      const reviewers = await checkReviewers(tx, ctx.orgId, q.reviewers ?? []);
      const [row] = await tx
        .insert(reviewQueues)
        .values({
          projectId: ctx.projectId,
          name: q.name,
          description: q.description ?? null,
          instructions: q.instructions ?? null,
          rubric: q.rubric,
          allowCorrection: q.allowCorrection ?? false,
          reviewsPerItem: q.reviewsPerItem ?? 1,
          reviewers,
          samplingRules: q.samplingRules ?? [],
          lockSeconds: q.lockSeconds ?? 300,
        })
        .returning();
      const queue = toQueue(row!);
      await recordAudit(tx, ctx.actor, { orgId: ctx.orgId, projectId: ctx.projectId, action: "review_queue.create", resourceType: "review_queue", resourceId: queue.id, after: queue });
      return queue;
    });
    forgetSamplingRules(ctx.projectId);
    return queue;
  } catch (err) {
    if (isUniqueViolation(err)) throw conflict(`This project already has a review queue named "${q.name}".`);
    throw err;
  }
}
