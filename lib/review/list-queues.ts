import "server-only";
import { asc, eq, sql } from "drizzle-orm";
import { reviewQueues } from "@/db/schema";
import { assertCan, type ProjectCtx } from "@/lib/context";
import { toQueue, type Queue } from "./rows";

export type QueueSummary = Queue & { counts: { pending: number; completed: number } };

/** The project's queues by name, each with its pending and completed item counts. */
export async function listQueues(ctx: ProjectCtx): Promise<QueueSummary[]> {
  assertCan(ctx, "review.read");
  const [rows, counts] = await Promise.all([
    ctx.db.select().from(reviewQueues).where(eq(reviewQueues.projectId, ctx.projectId)).orderBy(asc(reviewQueues.name)),
    ctx.db.execute<{ queue_id: string; pending: number; completed: number }>(sql`
      select queue_id, count(*) filter (where status = 'pending')::int as pending, count(*) filter (where status = 'completed')::int as completed
      from review_items where project_id = ${ctx.projectId} group by queue_id`),
  ]);
  const byQueue = new Map(counts.rows.map((c) => [c.queue_id, { pending: c.pending, completed: c.completed }]));
  return rows.map((r) => ({ ...toQueue(r), counts: byQueue.get(r.id) ?? { pending: 0, completed: 0 } }));
}
