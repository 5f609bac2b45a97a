import "server-only";
import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";

/** Tables range-partitioned by day (UTC) on start_time. */
export const PARTITIONED_TABLES = ["requests", "request_bodies"] as const;
const PARTITION_LOCK = 7_318_223;
const DAY_MS = 86_400_000;

const shared = globalThis as typeof globalThis & { __sextantPartitions?: Set<string> };
const known = (shared.__sextantPartitions ??= new Set<string>());

/** `2026-11-26` for a time in that UTC day. */
export function dayOf(ms: number): string {
  return new Date(Math.floor(ms / DAY_MS) * DAY_MS).toISOString().slice(0, 10);
}

export function partitionName(table: string, day: string): string {
  return `${table}_p${day.replaceAll("-", "")}`;
}

/**
 * Creates the day partitions these days need, once per process. Runs in its own
 * short transaction (never inside an ingest transaction) under an advisory lock so
 * instances do not race on CREATE.
 */
export async function ensureDayPartitions(db: Db, days: Iterable<string>): Promise<void> {
  const missing = [...new Set(days)].filter((d) => !known.has(d));
  if (missing.length === 0) return;
  await db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${PARTITION_LOCK})`);
    for (const day of missing.sort()) {
      if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) throw new Error(`bad partition day ${day}`);
      const next = new Date(Date.parse(`${day}T00:00:00Z`) + DAY_MS).toISOString().slice(0, 10);
      for (const table of PARTITIONED_TABLES) {
        await tx.execute(
          sql.raw(
            `create table if not exists "${partitionName(table, day)}" partition of "${table}" ` +
              `for values from ('${day} 00:00:00+00') to ('${next} 00:00:00+00')`,
          ),
        );
      }
    }
  });
  for (const d of missing) known.add(d);
}

/** Today and the next `daysAhead` days, so the first events of a day never wait on DDL. */
export async function ensureUpcomingPartitions(db: Db, daysAhead = 3, now = Date.now()): Promise<void> {
  const days = Array.from({ length: daysAhead + 1 }, (_, i) => dayOf(now + i * DAY_MS));
  await ensureDayPartitions(db, days);
}

/** Forget what this process knows (after partitions are dropped by retention). */
export function forgetPartitions(days: Iterable<string>): void {
  for (const d of days) known.delete(d);
}
