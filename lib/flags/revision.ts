import "server-only";
import { eq, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { flagRevisions } from "@/db/schema";

/**
 * Takes the project's flag-revision row lock for the rest of the transaction. Every flag
 * write takes it first, so a project's flag changes are serialized (no lost updates, no
 * deadlocks) and the revision a reader sees always matches the flags it reads.
 */
export async function lockRevision(tx: DbOrTx, projectId: string): Promise<void> {
  await tx
    .insert(flagRevisions)
    .values({ projectId, revision: 0 })
    .onConflictDoUpdate({ target: flagRevisions.projectId, set: { revision: sql`${flagRevisions.revision}` } });
}

/** Marks a change: SDKs holding the previous config ETag fetch again. Call after lockRevision. */
export async function bumpRevision(tx: DbOrTx, projectId: string): Promise<number> {
  const [row] = await tx
    .update(flagRevisions)
    .set({ revision: sql`${flagRevisions.revision} + 1`, updatedAt: sql`now()` })
    .where(eq(flagRevisions.projectId, projectId))
    .returning({ revision: flagRevisions.revision });
  return row!.revision;
}

/** 0 until the project's first flag change. */
export async function currentRevision(db: DbOrTx, projectId: string): Promise<number> {
  const [row] = await db.select({ revision: flagRevisions.revision }).from(flagRevisions).where(eq(flagRevisions.projectId, projectId));
  return row?.revision ?? 0;
}
