import "server-only";
import { sql } from "drizzle-orm";
import type { ReviewScores } from "@/db/schema/review";
import { assertCan, type ProjectCtx } from "@/lib/context";
import { loadQueue } from "./rows";

/** One line of the export: a completed item as an evaluation example. */
export type ExportLine = {
  itemId: string;
  requestId: string;
  traceId: string | null;
  input: unknown;
  output: unknown;
  /** The newest correction any reviewer gave, else null. */
  correctedOutput: unknown;
  /** The answers of the newest review; every review is in `reviews`. */
  scores: ReviewScores;
  comments: string[];
  reviews: { reviewer: string; scores: ReviewScores; correctedOutput: unknown; comment: string | null; reviewedAt: string }[];
  completedAt: string;
};

const PAGE = 200;

/**
 * The queue's completed items, oldest completion first, as JSON lines. Checks access
 * before the first line (so a route can still answer 404/403), then reads in keyset pages.
 */
export async function exportQueue(ctx: ProjectCtx, queueId: string): Promise<AsyncGenerator<string>> {
  assertCan(ctx, "review.read");
  assertCan(ctx, "requests.read");
  const queue = await loadQueue(ctx.db, ctx.projectId, queueId);
  return lines(ctx, queue.id);
}

async function* lines(ctx: ProjectCtx, queueId: string): AsyncGenerator<string> {
  let after: { at: string; id: string } | null = null;
  for (;;) {
    const page: { rows: { id: string; request_id: string; trace_id: string | null; completed_at: string; input: unknown; output: unknown }[] } = await ctx.db.execute(sql`
      select i.id, i.request_id, i.trace_id, to_char(i.completed_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as completed_at, b.input, b.output
      from review_items i
      left join request_ids ri on ri.project_id = i.project_id and ri.id = i.request_id
      left join request_bodies b on b.project_id = ri.project_id and b.start_time = ri.start_time and b.request_id = ri.id
      where i.project_id = ${ctx.projectId} and i.queue_id = ${queueId} and i.status = 'completed'
        ${after ? sql`and (i.completed_at, i.id) > (${after.at}::timestamptz, ${after.id}::uuid)` : sql``}
      order by i.completed_at, i.id
      limit ${PAGE}`);
    if (page.rows.length === 0) return;
    const ids = page.rows.map((r) => r.id);
    const reviewRows = await ctx.db.execute<{ item_id: string; reviewer_label: string; scores: ReviewScores; corrected_output: unknown; comment: string | null; created_at: string }>(sql`
      select item_id, reviewer_label, scores, corrected_output, comment, created_at from reviews
      where project_id = ${ctx.projectId} and item_id = any(${sql.param(ids)}::uuid[]) and status = 'completed'
      order by created_at, reviewer_id`);
    const byItem = new Map<string, ExportLine["reviews"]>();
    for (const r of reviewRows.rows) {
      const list = byItem.get(r.item_id) ?? [];
      list.push({ reviewer: r.reviewer_label, scores: r.scores ?? {}, correctedOutput: r.corrected_output, comment: r.comment, reviewedAt: new Date(r.created_at).toISOString() });
      byItem.set(r.item_id, list);
    }
    for (const row of page.rows) {
      const reviews = byItem.get(row.id) ?? [];
      const newest = reviews[reviews.length - 1];
      const corrected = [...reviews].reverse().find((r) => r.correctedOutput !== null);
      const line: ExportLine = {
        itemId: row.id,
        requestId: row.request_id,
        traceId: row.trace_id,
        input: row.input ?? null,
        output: row.output ?? null,
        correctedOutput: corrected?.correctedOutput ?? null,
        scores: newest?.scores ?? {},
        comments: reviews.flatMap((r) => (r.comment ? [r.comment] : [])),
        reviews,
        completedAt: row.completed_at,
      };
      yield `${JSON.stringify(line)}\n`;
    }
    const last = page.rows[page.rows.length - 1]!;
    after = { at: last.completed_at, id: last.id };
    if (page.rows.length < PAGE) return;
  }
}
