import { sql } from "drizzle-orm";
import { boolean, check, foreignKey, index, integer, jsonb, pgTable, primaryKey, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import { projects } from "./projects";

/** One rubric line: what a reviewer scores (see lib/review/schemas.ts for the rules). */
export type RubricItem = {
  name: string;
  type: "numeric" | "categorical" | "boolean" | "text";
  description?: string;
  min?: number;
  max?: number;
  options?: string[];
};
/** Which ingested requests a queue samples, and how many of them (percent, by hash of the request id). */
export type SamplingRule = { filter: Record<string, unknown>; rate: number };
export type ReviewScores = Record<string, number | boolean | string>;

/** A review queue: its rubric, its reviewers (empty = any reviewer or above) and its sampling rules. */
export const reviewQueues = pgTable(
  "review_queues",
  {
    projectId: uuid().notNull().references(() => projects.id, { onDelete: "cascade" }),
    id: uuid().notNull().defaultRandom(),
    name: text().notNull(),
    description: text(),
    instructions: text(),
    rubric: jsonb().$type<RubricItem[]>().notNull(),
    allowCorrection: boolean().notNull().default(false),
    reviewsPerItem: integer().notNull().default(1),
    reviewers: jsonb().$type<string[]>().notNull().default([]),
    samplingRules: jsonb().$type<SamplingRule[]>().notNull().default([]),
    lockSeconds: integer().notNull().default(300),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.projectId, t.id] }), unique("review_queues_name_key").on(t.projectId, t.name)],
);

/**
 * A request waiting in (or done with) a queue. One row per (queue, request): adding a
 * request twice, or sampling a re-sent event, is a no-op. The lock columns hand the item
 * to one reviewer at a time; an expired lock is as good as none.
 */
export const reviewItems = pgTable(
  "review_items",
  {
    projectId: uuid().notNull(),
    id: uuid().notNull().defaultRandom(),
    queueId: uuid().notNull(),
    requestId: text().notNull(),
    traceId: text(),
    priority: integer().notNull().default(0),
    /** sampling | feedback | manual | escalation */
    source: text().notNull(),
    reason: text(),
    /** pending until `reviewsPerItem` reviews are complete, then completed. */
    status: text().notNull().default("pending"),
    completedReviews: integer().notNull().default(0),
    lockedBy: text(),
    lockedUntil: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    completedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.projectId, t.id] }),
    unique("review_items_request_key").on(t.projectId, t.queueId, t.requestId),
    foreignKey({ columns: [t.projectId, t.queueId], foreignColumns: [reviewQueues.projectId, reviewQueues.id], name: "review_items_queue_fk" }).onDelete("cascade"),
    // The claim order: highest priority, then oldest, among pending items.
    index("review_items_claim_idx").on(t.projectId, t.queueId, t.priority.desc(), t.createdAt).where(sql`status = 'pending'`),
    check("review_items_status_check", sql`${t.status} in ('pending', 'completed')`),
  ],
);

/** One reviewer's verdict on an item (completed) or their pass on it (skipped). */
export const reviews = pgTable(
  "reviews",
  {
    projectId: uuid().notNull(),
    itemId: uuid().notNull(),
    reviewerId: text().notNull(),
    reviewerLabel: text().notNull(),
    queueId: uuid().notNull(),
    /** completed | skipped */
    status: text().notNull(),
    scores: jsonb().$type<ReviewScores>(),
    correctedOutput: jsonb(),
    comment: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.projectId, t.itemId, t.reviewerId] }),
    foreignKey({ columns: [t.projectId, t.itemId], foreignColumns: [reviewItems.projectId, reviewItems.id], name: "reviews_item_fk" }).onDelete("cascade"),
    index("reviews_queue_idx").on(t.projectId, t.queueId, t.reviewerId),
    check("reviews_status_check", sql`${t.status} in ('completed', 'skipped')`),
  ],
);
