import "server-only";
import { sql } from "drizzle-orm";
import { getDb, type Db } from "@/db/client";
import { ensureUpcomingPartitions } from "@/lib/ingest/partitions";
import { enforceRetention } from "./retention";
import { alertsJob } from "./alerts";
import { compactJob } from "./compact";

type Job = { name: string; lock: number; everyMs: number; run: (db: Db) => Promise<unknown> };

const JOBS: Job[] = [
  { name: "partitions", lock: 7_318_301, everyMs: 60 * 60_000, run: (db) => ensureUpcomingPartitions(db) },
  { name: "retention", lock: 7_318_302, everyMs: 15 * 60_000, run: (db) => enforceRetention(db) },
  alertsJob(),
  compactJob(),
];

/**
 * Runs a job on one instance at a time: a session advisory lock is tried, not
 * waited for, so other instances simply skip this round.
 */
export async function runJobOnce(db: Db, job: Job): Promise<boolean> {
  return db.transaction(async (tx) => {
    const got = await tx.execute<{ ok: boolean }>(sql`select pg_try_advisory_xact_lock(${job.lock}) as ok`);
    if (!got.rows[0]?.ok) return false;
    await job.run(db);
    return true;
  });
}

const shared = globalThis as typeof globalThis & { __sextantJobs?: NodeJS.Timeout[] };

/** Starts the background jobs once per process (Next.js may load instrumentation more than once). */
export function startJobs(): void {
  if (shared.__sextantJobs) return;
  const db = getDb();
  shared.__sextantJobs = JOBS.map((job) => {
    const tick = () => runJobOnce(db, job).catch((err: Error) => console.error(`[jobs] ${job.name} failed:`, err.message));
    setTimeout(tick, 5_000).unref();
    const timer = setInterval(tick, job.everyMs);
    timer.unref();
    return timer;
  });
}
