import "server-only";
import { assertCan, type ProjectCtx } from "@/lib/context";
import { fromZod, notFound } from "@/lib/http/errors";
import { knownRequests, putItems } from "./items";
import { loadQueue } from "./rows";
import { AddItemsInput } from "./schemas";

export type AddItemsResult = { added: number; alreadyQueued: number; notFound: string[] };

/**
 * Adds requests to a queue by id (one or bulk, e.g. from the explorer). Ids that are not
 * stored requests of this project are named in `notFound`; if none is known, 404.
 */
export async function addItems(ctx: ProjectCtx, queueId: string, input: unknown): Promise<AddItemsResult> {
  assertCan(ctx, "review.write");
  const parsed = AddItemsInput.safeParse(input);
  if (!parsed.success) throw fromZod(parsed.error);
  const ids = [...new Set(parsed.data.requestIds)];
  return ctx.db.transaction(async (tx) => {
    const queue = await loadQueue(tx, ctx.projectId, queueId);
    const known = await knownRequests(tx, ctx.projectId, ids);
    const missing = ids.filter((id) => !known.has(id));
    if (missing.length === ids.length) throw notFound(ids.length === 1 ? "This request" : "None of these requests");
    const results = await putItems(
      tx,
      ctx.projectId,
      queue.id,
      [...known].map(([requestId, traceId]) => ({ requestId, traceId, priority: parsed.data.priority ?? 0, source: "manual", reason: null })),
    );
    const added = results.filter((r) => r.created).length;
    return { added, alreadyQueued: known.size - added, notFound: missing };
  });
}
