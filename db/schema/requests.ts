import { bigint, boolean, doublePrecision, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";

// `requests` and `request_bodies` are range-partitioned by day on start_time in the
// migration (drizzle cannot express partitioning); see docs/decisions/0003.

/** One row per recorded model call or span. Append-only: never updated per event. */
export const requests = pgTable(
  "requests",
  {
    projectId: uuid().notNull(),
    startTime: timestamp({ withTimezone: true, precision: 3 }).notNull(),
    id: text().notNull(),
    endTime: timestamp({ withTimezone: true, precision: 3 }).notNull(),
    durationMs: doublePrecision().notNull(),
    timeToFirstTokenMs: doublePrecision(),
    traceId: text(),
    parentId: text(),
    name: text(),
    kind: text().notNull(),
    provider: text(),
    model: text(),
    status: text().notNull(),
    errorType: text(),
    errorMessage: text(),
    errorHttpStatus: integer(),
    errorRetryable: boolean(),
    inputTokens: bigint({ mode: "number" }),
    outputTokens: bigint({ mode: "number" }),
    cachedInputTokens: bigint({ mode: "number" }),
    reasoningTokens: bigint({ mode: "number" }),
    /** Exact cost in nano-dollars (1e-9 USD); null means unpriced. */
    costNanos: bigint({ mode: "bigint" }),
    costSource: text().notNull(),
    userId: text(),
    sessionId: text(),
    endpoint: text(),
    release: text(),
    environment: text().notNull(),
    promptName: text(),
    promptVersion: integer(),
    flags: jsonb().$type<Record<string, string>>(),
    attempts: integer(),
    fallbackFrom: text(),
    cacheHit: boolean(),
    tags: text().array(),
    metadata: jsonb().$type<Record<string, string | number | boolean>>(),
    redactions: jsonb().$type<Record<string, number>>(),
    ingestedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.projectId, t.startTime, t.id] }),
    index("requests_trace_idx").on(t.projectId, t.traceId),
    index("requests_start_brin").using("brin", t.startTime),
  ],
);

/**
 * The idempotency registry: one row per (project, event id), whatever its start
 * time, so a re-sent event is recognised even though `requests` is partitioned.
 * It also locates a request's partition for reads by id.
 */
export const requestIds = pgTable(
  "request_ids",
  {
    projectId: uuid().notNull(),
    id: text().notNull(),
    startTime: timestamp({ withTimezone: true, precision: 3 }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.projectId, t.id] }), index("request_ids_start_brin").using("brin", t.startTime)],
);

/** Input and output bodies, out of line so scans of request rows stay narrow. */
export const requestBodies = pgTable(
  "request_bodies",
  {
    projectId: uuid().notNull(),
    startTime: timestamp({ withTimezone: true, precision: 3 }).notNull(),
    requestId: text().notNull(),
    input: jsonb(),
    output: jsonb(),
  },
  (t) => [primaryKey({ columns: [t.projectId, t.startTime, t.requestId] })],
);

export const scores = pgTable(
  "scores",
  {
    projectId: uuid().notNull(),
    id: text().notNull(),
    requestId: text(),
    traceId: text(),
    name: text().notNull(),
    valueNumber: doublePrecision(),
    valueText: text(),
    dataType: text().notNull(),
    source: text().notNull(),
    comment: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.projectId, t.id] }),
    index("scores_request_idx").on(t.projectId, t.requestId),
    index("scores_trace_idx").on(t.projectId, t.traceId),
  ],
);
