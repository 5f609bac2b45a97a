import { sql } from "drizzle-orm";
import { bigint, boolean, doublePrecision, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid, type PgColumn } from "drizzle-orm/pg-core";

/** Sums every rollup carries; `latency_hist` is a mergeable log histogram (docs/decisions/0003). */
const measures = {
  requests: bigint({ mode: "number" }).notNull().default(0),
  errors: bigint({ mode: "number" }).notNull().default(0),
  inputTokens: bigint({ mode: "number" }).notNull().default(0),
  outputTokens: bigint({ mode: "number" }).notNull().default(0),
  cachedInputTokens: bigint({ mode: "number" }).notNull().default(0),
  reasoningTokens: bigint({ mode: "number" }).notNull().default(0),
  costNanos: bigint({ mode: "bigint" }).notNull().default(sql`0`),
  unpriced: bigint({ mode: "number" }).notNull().default(0),
  durationSumMs: doublePrecision().notNull().default(0),
  ttftSumMs: doublePrecision().notNull().default(0),
  ttftCount: bigint({ mode: "number" }).notNull().default(0),
  retried: bigint({ mode: "number" }).notNull().default(0),
  fallbacks: bigint({ mode: "number" }).notNull().default(0),
  cacheHits: bigint({ mode: "number" }).notNull().default(0),
  latencyHist: jsonb().$type<Record<string, number>>().notNull().default({}),
  /** False for a delta appended by ingestion, true once `sx_rollup_compact` folded the key's rows into this one. */
  compacted: boolean().notNull().default(false),
};

/**
 * Rollup rows are append-only deltas (migration 0010): a key may have several rows
 * until the compaction job folds them, so the key is indexed, not unique. Readers sum.
 */
function deltaIndexes(name: string, key: [PgColumn, ...PgColumn[]], projectId: PgColumn, bucket: PgColumn, compacted: PgColumn) {
  return [index(`${name}_key_idx`).on(...key), index(`${name}_pending_idx`).on(projectId, bucket).where(sql`not ${compacted}`)];
}

/** The low-cardinality dimensions. Missing dimensions are '' (or 0) so the key is total. */
const mainTable = (name: string) =>
  pgTable(
    name,
    {
      projectId: uuid().notNull(),
      bucket: timestamp({ withTimezone: true }).notNull(),
      model: text().notNull(),
      provider: text().notNull(),
      endpoint: text().notNull(),
      environment: text().notNull(),
      status: text().notNull(),
      errorType: text().notNull(),
      promptName: text().notNull(),
      promptVersion: integer().notNull(),
      ...measures,
    },
    (t) => deltaIndexes(name, [t.projectId, t.bucket, t.model, t.provider, t.endpoint, t.environment, t.status, t.errorType, t.promptName, t.promptVersion], t.projectId, t.bucket, t.compacted),
  );

/** Per user: per-user breakdowns and cost rules. No minute tier because users are many. */
const userTable = (name: string) =>
  pgTable(
    name,
    { projectId: uuid().notNull(), bucket: timestamp({ withTimezone: true }).notNull(), userId: text().notNull(), environment: text().notNull(), ...measures },
    (t) => deltaIndexes(name, [t.projectId, t.bucket, t.userId, t.environment], t.projectId, t.bucket, t.compacted),
  );

/** Per flag variant: metrics per variant. */
const flagTable = (name: string) =>
  pgTable(
    name,
    {
      projectId: uuid().notNull(),
      bucket: timestamp({ withTimezone: true }).notNull(),
      flagKey: text().notNull(),
      variant: text().notNull(),
      environment: text().notNull(),
      ...measures,
    },
    (t) => deltaIndexes(name, [t.projectId, t.bucket, t.flagKey, t.variant, t.environment], t.projectId, t.bucket, t.compacted),
  );

// Each family has tiers by grain (UTC buckets); ingestion appends deltas to all of them, reads pick the coarsest that fits.
export const rollupsMinute = mainTable("rollups_minute");
export const rollupsHour = mainTable("rollups_hour");
export const rollupsDay = mainTable("rollups_day");
export const rollupsUserHour = userTable("rollups_user_hour");
export const rollupsUserDay = userTable("rollups_user_day");
export const rollupsFlagMinute = flagTable("rollups_flag_minute");
export const rollupsFlagHour = flagTable("rollups_flag_hour");
export const rollupsFlagDay = flagTable("rollups_flag_day");

/** Numeric and boolean scores per minute of the scored request, by the request's main dimensions. */
export const scoreRollupsMinute = pgTable(
  "score_rollups_minute",
  {
    projectId: uuid().notNull(),
    bucket: timestamp({ withTimezone: true }).notNull(),
    name: text().notNull(),
    model: text().notNull(),
    endpoint: text().notNull(),
    environment: text().notNull(),
    promptName: text().notNull(),
    promptVersion: integer().notNull(),
    sum: doublePrecision().notNull().default(0),
    count: bigint({ mode: "number" }).notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.projectId, t.bucket, t.name, t.model, t.endpoint, t.environment, t.promptName, t.promptVersion] })],
);
