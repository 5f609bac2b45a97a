import "server-only";
import { createHash } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { reviewItems, reviews } from "@/db/schema";
import type { ReviewScores, RubricItem } from "@/db/schema/review";
import { assertCan, type ProjectCtx } from "@/lib/context";
import { AppError, fromZod } from "@/lib/http/errors";
import { ingestScores } from "@/lib/scores/ingest";
import { heldItem } from "./held";
import { checkScores } from "./rubric";
import { toItem, type Item } from "./rows";
import { CompleteInput } from "./schemas";

/**
 * Records a reviewer's verdict on the item they hold. Numeric, boolean and categorical
 * answers become scores (`source: "human"`) through the scores path, in the same
 * transaction, so they show on the request and in the quality metrics; text answers,
 * the comment and the corrected output stay with the review (and the export).
 */
export async function completeItem(ctx: ProjectCtx, itemId: string, input: unknown): Promise<Item> {
  assertCan(ctx, "review.work");
  const parsed = CompleteInput.safeParse(input);
  if (!parsed.success) throw fromZod(parsed.error);
  const body = parsed.data;
  return ctx.db.transaction(async (tx) => {
    const { item, queue, me } = await heldItem(tx, ctx, itemId);
    const scores = checkScores(queue.rubric, body.scores);
    if (body.correctedOutput !== undefined && !queue.allowCorrection) {
      throw new AppError("UNPROCESSABLE_ENTITY", "This queue does not take corrected outputs.", [{ path: "correctedOutput", message: "This queue does not take corrected outputs." }]);
    }
    await tx.insert(reviews).values({
      projectId: ctx.projectId,
      itemId: item.id,
      queueId: queue.id,
      reviewerId: me.id,
      reviewerLabel: me.label,
      status: "completed",
      scores,
      correctedOutput: body.correctedOutput ?? null,
      comment: body.comment?.trim() || null,
    });
    const done = item.completedReviews + 1 >= queue.reviewsPerItem;
    const [row] = await tx
      .update(reviewItems)
      .set({ completedReviews: sql`${reviewItems.completedReviews} + 1`, status: done ? "completed" : "pending", completedAt: done ? new Date() : null, lockedBy: null, lockedUntil: null })
      .where(and(eq(reviewItems.projectId, ctx.projectId), eq(reviewItems.id, item.id)))
      .returning();
    const asScores = scoreRecords(queue.rubric, scores, { itemId: item.id, reviewerId: me.id, requestId: item.requestId, comment: body.comment?.trim() || undefined });
    if (asScores.length) {
      // The scores path runs in this transaction (a savepoint): the review and its scores commit together.
      const result = await ingestScores({ ...ctx, db: tx as unknown as Db, actor: { type: "system", label: `review by ${me.label}` } }, asScores);
      if (result.rejected.length) throw new AppError("UNPROCESSABLE_ENTITY", `A score was refused: ${result.rejected[0]!.error.message}`);
    }
    return toItem(row!);
  });
}

/**
 * Scores for the rubric's numeric, boolean and categorical answers. The id names the item
 * and the reviewer (the scores table has no author column), and makes a retry a duplicate.
 */
export function scoreRecords(rubric: RubricItem[], scores: ReviewScores, at: { itemId: string; reviewerId: string; requestId: string; comment?: string }) {
  return rubric
    .filter((r) => r.type !== "text" && scores[r.name] !== undefined)
    .map((r) => ({
      id: scoreId(at.itemId, at.reviewerId, r.name),
      requestId: at.requestId,
      name: r.name,
      value: scores[r.name]!,
      source: "human" as const,
      comment: at.comment,
    }));
}

/** `review:<item>:<reviewer>:<name>`, hashed when it would pass the scores' 128-character id limit. */
export function scoreId(itemId: string, reviewerId: string, name: string): string {
  const id = `review:${itemId}:${reviewerId}:${name}`;
  return id.length <= 128 ? id : `review:${itemId}:${createHash("sha256").update(`${reviewerId}:${name}`).digest("hex").slice(0, 40)}`;
}
