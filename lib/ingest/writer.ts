import "server-only";
import type { Db } from "@/db/client";
import { AppError, isConnectionError } from "@/lib/http/errors";
import { ensureDayPartitions } from "./partitions";
import { writeGroup, type BatchResult, type PreparedBatch } from "./write";

/**
 * Group commit with a bounded queue. Concurrent ingest requests enqueue their
 * prepared rows; up to WRITERS loops each take everything waiting (up to
 * MAX_GROUP_EVENTS) and write it in one transaction, then answer every request in
 * it. When the queue holds MAX_QUEUED_EVENTS the next request gets 503 with
 * Retry-After instead of growing memory. See docs/decisions/0003.
 */
export const LIMITS = {
  maxQueuedEvents: Number(process.env.SEXTANT_INGEST_QUEUE_EVENTS ?? 50_000),
  maxGroupEvents: 5_000,
  writers: 2,
};

type Job = { batch: PreparedBatch; days: string[]; resolve: (r: BatchResult) => void; reject: (e: unknown) => void };
type State = { queue: Job[]; queued: number; active: number };

const shared = globalThis as typeof globalThis & { __sextantWriter?: State };
const state = (shared.__sextantWriter ??= { queue: [], queued: 0, active: 0 });

function unavailable(err: unknown): AppError {
  if (!isConnectionError(err)) console.error("[ingest] write failed:", err);
  return new AppError("UNAVAILABLE", "Events could not be stored right now; nothing from this batch was kept. Retry after the given delay.", undefined, 2);
}

export function submit(db: Db, batch: PreparedBatch, days: string[]): Promise<BatchResult> {
  if (batch.rows.length === 0) return Promise.resolve({ accepted: 0, duplicates: 0 });
  if (state.queued + batch.rows.length > LIMITS.maxQueuedEvents) {
    return Promise.reject(new AppError("UNAVAILABLE", "The write queue is full. Retry after the given delay.", undefined, 1));
  }
  return new Promise((resolve, reject) => {
    state.queue.push({ batch, days, resolve, reject });
    state.queued += batch.rows.length;
    if (state.active < LIMITS.writers) void drain(db);
  });
}

/**
 * Writes a group; if it fails for a reason other than a lost database, each batch
 * is retried alone so one bad batch cannot fail the others that shared its commit.
 */
async function writeJobs(db: Db, group: Job[]): Promise<void> {
  try {
    await ensureDayPartitions(db, group.flatMap((j) => j.days));
    const results = await writeGroup(db, group.map((j) => j.batch));
    group.forEach((job, i) => job.resolve(results[i]!));
  } catch (err) {
    if (group.length > 1 && !isConnectionError(err)) {
      for (const job of group) await writeJobs(db, [job]);
      return;
    }
    const error = unavailable(err);
    for (const job of group) job.reject(error);
  }
}

async function drain(db: Db): Promise<void> {
  state.active += 1;
  try {
    while (state.queue.length > 0) {
      const group: Job[] = [];
      let events = 0;
      while (state.queue.length > 0 && (group.length === 0 || events + state.queue[0]!.batch.rows.length <= LIMITS.maxGroupEvents)) {
        const job = state.queue.shift()!;
        group.push(job);
        events += job.batch.rows.length;
      }
      try {
        await writeJobs(db, group);
      } finally {
        state.queued -= events;
      }
    }
  } finally {
    state.active -= 1;
  }
}

export function queueDepth(): number {
  return state.queued;
}
