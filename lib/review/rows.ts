import "server-only";
import { and, eq, or } from "drizzle-orm";
import { z } from "zod";
import type { DbOrTx } from "@/db/client";
import { reviewItems, reviewQueues } from "@/db/schema";
import type { Actor, ProjectCtx } from "@/lib/context";
import { forbidden, notFound } from "@/lib/http/errors";

export type QueueRow = typeof reviewQueues.$inferSelect;
export type ItemRow = typeof reviewItems.$inferSelect;

export type Queue = {
  id: string;
  name: string;
  description: string | null;
  instructions: string | null;
  rubric: QueueRow["rubric"];
  allowCorrection: boolean;
  reviewsPerItem: number;
  reviewers: string[];
  samplingRules: QueueRow["samplingRules"];
  lockSeconds: number;
  createdAt: string;
  updatedAt: string;
};

export type Item = {
  id: string;
  queueId: string;
  requestId: string;
  traceId: string | null;
  priority: number;
  source: string;
  reason: string | null;
  status: string;
  completedReviews: number;
  lockedBy: string | null;
  lockedUntil: string | null;
  createdAt: string;
  completedAt: string | null;
};

export function toQueue(r: QueueRow): Queue {
  return {
    id: r.id,
    name: r.name,
    description: r.description,
    instructions: r.instructions,
    rubric: r.rubric,
    allowCorrection: r.allowCorrection,
    reviewsPerItem: r.reviewsPerItem,
    reviewers: r.reviewers,
    samplingRules: r.samplingRules,
    lockSeconds: r.lockSeconds,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  };
}

export function toItem(r: ItemRow): Item {
  return {
    id: r.id,
    queueId: r.queueId,
    requestId: r.requestId,
    traceId: r.traceId,
    priority: r.priority,
    source: r.source,
    reason: r.reason,
    status: r.status,
    completedReviews: r.completedReviews,
    lockedBy: r.lockedBy,
    lockedUntil: r.lockedUntil?.toISOString() ?? null,
    createdAt: r.createdAt.toISOString(),
    completedAt: r.completedAt?.toISOString() ?? null,
  };
}

const Uuid = z.uuid();
/** Ids in a URL that are not even uuids name nothing: 404, like another project's ids. */
export function parseId(id: string, what: string): string {
  if (!Uuid.safeParse(id).success) throw notFound(what);
  return id;
}

/** The queue by id (or, for escalations, by name), in this project; optionally row-locked. */
export async function loadQueue(db: DbOrTx, projectId: string, idOrName: string, opts: { byName?: boolean; lock?: boolean } = {}): Promise<QueueRow> {
  const isId = Uuid.safeParse(idOrName).success;
  if (!isId && !opts.byName) throw notFound("Review queue");
  const match = isId && opts.byName ? or(eq(reviewQueues.id, idOrName), eq(reviewQueues.name, idOrName)) : isId ? eq(reviewQueues.id, idOrName) : eq(reviewQueues.name, idOrName);
  const q = db.select().from(reviewQueues).where(and(eq(reviewQueues.projectId, projectId), match));
  // "no key update" does not wait for ingest transactions adding items (they hold key-share locks on the queue).
  const [row] = opts.lock ? await q.for("no key update") : await q;
  if (!row) throw notFound("Review queue");
  return row;
}

/** Who a review belongs to: a user, or the project's API key acting as one reviewer. */
export type Reviewer = { id: string; label: string };
export function reviewerOf(actor: Actor): Reviewer {
  if (actor.type === "user") return { id: actor.userId, label: actor.email };
  if (actor.type === "api_key") return { id: `key:${actor.keyId}`, label: actor.label };
  return { id: `system:${actor.label}`, label: actor.label };
}

/** A queue with assigned reviewers is worked only by them (a project key always may). */
export function assertAssigned(ctx: ProjectCtx, queue: QueueRow): void {
  if (ctx.actor.type !== "user" || queue.reviewers.length === 0) return;
  if (!queue.reviewers.includes(ctx.actor.userId)) throw forbidden("This queue is assigned to other reviewers.");
}
