import "server-only";
import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { forgetPartitions, PARTITIONED_TABLES } from "@/lib/ingest/partitions";
import { DEFAULT_RETENTION_DAYS } from "@/lib/settings/schemas";

const BATCH = 5_000;
const DAY_MS = 86_400_000;

/** Deletes one project's rows older than the cutoff in small batches: short transactions, no long locks. */
async function deleteOlder(db: Db, table: string, timeColumn: string, keyColumns: string, projectId: string, cutoff: Date): Promise<number> {
  let total = 0;
  for (;;) {
    const r = await db.execute(
      sql`delete from ${sql.raw(table)} where (${sql.raw(keyColumns)}) in (
            select ${sql.raw(keyColumns)} from ${sql.raw(table)}
            where project_id = ${projectId} and ${sql.raw(timeColumn)} < ${cutoff.toISOString()} limit ${BATCH})`,
    );
    total += r.rowCount ?? 0;
    if ((r.rowCount ?? 0) < BATCH) return total;
  }
}

export type RetentionReport = { deleted: number; droppedPartitions: string[] };

/**
 * Enforces each project's retention (days; default 30) on raw data: requests,
 * bodies, the idempotency registry and scores. Rollups are kept — they are small
 * and dashboards read them. Day partitions older than every project's retention
 * are empty by then and are dropped whole.
 */
export async function enforceRetention(db: Db, now = Date.now()): Promise<RetentionReport> {
  const projects = await db.execute<{ id: string; days: number }>(
    sql`select p.id, coalesce(s.retention_days, ${DEFAULT_RETENTION_DAYS})::int as days from projects p left join project_settings s on s.project_id = p.id`,
  );
  let deleted = 0;
  let longest = DEFAULT_RETENTION_DAYS;
  for (const p of projects.rows) {
    longest = Math.max(longest, p.days);
    const cutoff = new Date(now - p.days * DAY_MS);
    deleted += await deleteOlder(db, "request_bodies", "start_time", "project_id, start_time, request_id", p.id, cutoff);
    deleted += await deleteOlder(db, "requests", "start_time", "project_id, start_time, id", p.id, cutoff);
    deleted += await deleteOlder(db, "request_ids", "start_time", "project_id, id", p.id, cutoff);
    deleted += await deleteOlder(db, "scores", "created_at", "project_id, id", p.id, cutoff);
  }
  const cutoffDay = new Date(now - (longest + 1) * DAY_MS).toISOString().slice(0, 10).replaceAll("-", "");
  const parts = await db.execute<{ name: string }>(sql`
    select c.relname as name from pg_inherits i join pg_class c on c.oid = i.inhrelid join pg_class p on p.oid = i.inhparent
    where p.relname = any(${sql.param([...PARTITIONED_TABLES])}::text[])`);
  const dropped: string[] = [];
  for (const { name } of parts.rows) {
    const day = /_p(\d{8})$/.exec(name)?.[1];
    if (day && day < cutoffDay) {
      await db.execute(sql.raw(`drop table if exists "${name}"`));
      dropped.push(name);
    }
  }
  forgetPartitions(dropped.map((n) => n.replace(/^.*_p(\d{4})(\d{2})(\d{2})$/, "$1-$2-$3")));
  return { deleted, droppedPartitions: dropped };
}
