import "server-only";
import { getTableColumns, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { reviewItems } from "@/db/schema";
import type { ItemRow } from "./rows";

export type NewItem = { requestId: string; traceId: string | null; priority: number; source: "manual" | "escalation"; reason: string | null };

/**
 * Puts requests in a queue. A request already waiting there keeps its place but takes the
 * higher priority (and the newer reason); one already reviewed is left alone.
 */
export async function putItems(db: DbOrTx, projectId: string, queueId: string, items: NewItem[]): Promise<{ row: ItemRow; created: boolean }[]> {
  if (items.length === 0) return [];
  const sorted = [...items].sort((a, b) => (a.requestId < b.requestId ? -1 : a.requestId > b.requestId ? 1 : 0));
  const rows = await db
    .insert(reviewItems)
    .values(sorted.map((i) => ({ projectId, queueId, ...i })))
    .onConflictDoUpdate({
      target: [reviewItems.projectId, reviewItems.queueId, reviewItems.requestId],
      set: { priority: sql`greatest(${reviewItems.priority}, excluded.priority)`, reason: sql`coalesce(excluded.reason, ${reviewItems.reason})` },
      setWhere: sql`${reviewItems.status} = 'pending'`,
    })
    .returning({ ...getTableColumns(reviewItems), created: sql<boolean>`xmax = 0` });
  return rows.map(({ created, ...row }) => ({ row, created }));
}

/** The stored requests among `ids` with their trace ids; the others are not in this project (or not stored yet). */
export async function knownRequests(db: DbOrTx, projectId: string, ids: string[]): Promise<Map<string, string | null>> {
  const r = await db.execute<{ id: string; trace_id: string | null }>(sql`
    select i.id, r.trace_id from request_ids i
    join requests r on r.project_id = i.project_id and r.start_time = i.start_time and r.id = i.id
    where i.project_id = ${projectId} and i.id = any(${sql.param(ids)}::text[])`);
  return new Map(r.rows.map((x) => [x.id, x.trace_id]));
}
