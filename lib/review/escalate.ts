import "server-only";
import { sql } from "drizzle-orm";
import { assertCan, type ProjectCtx } from "@/lib/context";
import { conflict, fromZod, notFound } from "@/lib/http/errors";
import { knownRequests, putItems } from "./items";
import { loadQueue, toItem, type Item } from "./rows";
import { EscalateInput } from "./schemas";

/**
 * The SDK's human fallback: hands a request to a queue (by name or id) with a reason.
 * A request id is accepted before its event arrives (the SDK's exporter may still hold
 * it); a trace id is resolved to the trace's last model call (the answer to review; its root
 * when it has none), which must be stored.
 */
export async function escalate(ctx: ProjectCtx, input: unknown): Promise<{ item: Item; created: boolean }> {
  assertCan(ctx, "review.write");
  const parsed = EscalateInput.safeParse(input);
  if (!parsed.success) throw fromZod(parsed.error);
  const e = parsed.data;
  return ctx.db.transaction(async (tx) => {
    const queue = await loadQueue(tx, ctx.projectId, e.queue, { byName: true });
    let requestId = e.requestId;
    let traceId: string | null = e.traceId ?? null;
    if (requestId !== undefined) {
      traceId = (await knownRequests(tx, ctx.projectId, [requestId])).get(requestId) ?? null;
    } else {
      const root = await tx.execute<{ id: string }>(sql`
        select id from requests where project_id = ${ctx.projectId} and trace_id = ${traceId}
        order by (kind = 'llm') desc, start_time desc, id desc limit 1`);
      if (!root.rows[0]) throw notFound("This trace");
      requestId = root.rows[0].id;
    }
    const [result] = await putItems(tx, ctx.projectId, queue.id, [{ requestId, traceId, priority: e.priority ?? 0, source: "escalation", reason: e.reason ?? null }]);
    // Already reviewed: the conflict update is skipped and nothing comes back; say so plainly.
    if (!result) throw conflict("This request was already reviewed in this queue.");
    return { item: toItem(result.row), created: result.created };
  });
}
