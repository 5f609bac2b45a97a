import { sql } from "drizzle-orm";
import { bigint, boolean, check, doublePrecision, foreignKey, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { projects } from "./projects";

export const ALERT_STATES = ["ok", "pending", "firing", "resolved", "no_data", "error"] as const;
export type AlertState = (typeof ALERT_STATES)[number];
export type AlertCondition = { op: ">" | ">=" | "<" | "<="; threshold: number; warnThreshold?: number; recoverThreshold?: number };
export type AlertBudget = { period: "day" | "month"; projected: boolean };

/** An alert rule: one metric of the dashboards, filtered and optionally grouped, against a condition. */
export const alertRules = pgTable(
  "alert_rules",
  {
    projectId: uuid().notNull().references(() => projects.id, { onDelete: "cascade" }),
    id: uuid().notNull().defaultRandom(),
    name: text().notNull(),
    description: text(),
    severity: text().notNull(),
    enabled: boolean().notNull().default(true),
    metric: text().notNull(),
    scoreName: text(),
    filters: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    groupBy: text(),
    condition: jsonb().$type<AlertCondition>().notNull(),
    windowSeconds: integer().notNull(),
    forSeconds: integer().notNull().default(0),
    minRequests: integer(),
    noData: text().notNull().default("ok"),
    channels: jsonb().$type<string[]>().notNull().default([]),
    repeatIntervalSeconds: integer(),
    sendResolved: boolean().notNull().default(true),
    labels: jsonb().$type<Record<string, string>>().notNull().default({}),
    runbookUrl: text(),
    budget: jsonb().$type<AlertBudget>(),
    lastEvaluatedAt: timestamp({ withTimezone: true }),
    lastError: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.projectId, t.id] }), index("alert_rules_enabled_idx").on(t.enabled, t.projectId)],
);

/**
 * Where notifications go. The URL and the signing secret are credentials (a Slack webhook
 * URL is one by itself): both are stored encrypted (lib/alerts/secret.ts) and never returned;
 * `url_hint` is what the API shows.
 */
export const notificationChannels = pgTable(
  "notification_channels",
  {
    projectId: uuid().notNull().references(() => projects.id, { onDelete: "cascade" }),
    id: uuid().notNull().defaultRandom(),
    type: text().notNull(),
    name: text().notNull(),
    urlEncrypted: text().notNull(),
    urlHint: text().notNull(),
    secretEncrypted: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.projectId, t.id] }), check("notification_channels_type_check", sql`${t.type} in ('webhook', 'slack')`)],
);

/** Silenced instances still change state; they only do not notify. Matched by rule, labels, or both. */
export const alertSilences = pgTable(
  "alert_silences",
  {
    projectId: uuid().notNull().references(() => projects.id, { onDelete: "cascade" }),
    id: uuid().notNull().defaultRandom(),
    ruleId: uuid(),
    matchers: jsonb().$type<Record<string, string>>().notNull().default({}),
    startsAt: timestamp({ withTimezone: true }).notNull(),
    endsAt: timestamp({ withTimezone: true }).notNull(),
    comment: text().notNull(),
    createdBy: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.projectId, t.id] }), index("alert_silences_ends_idx").on(t.projectId, t.endsAt)],
);

/** One instance per rule and group value ("" without groupBy). Rows exist only for groups that ever left `ok`. */
export const alertInstances = pgTable(
  "alert_instances",
  {
    projectId: uuid().notNull(),
    ruleId: uuid().notNull(),
    groupKey: text().notNull(),
    state: text().$type<AlertState>().notNull(),
    severity: text(),
    value: doublePrecision(),
    pendingSince: timestamp({ withTimezone: true }),
    firingSince: timestamp({ withTimezone: true }),
    resolvedAt: timestamp({ withTimezone: true }),
    notifiedFiring: boolean().notNull().default(false),
    owesResolved: boolean().notNull().default(false),
    lastNotifiedAt: timestamp({ withTimezone: true }),
    heldState: text().$type<AlertState>(),
    evaluatedAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.projectId, t.ruleId, t.groupKey] }),
    foreignKey({ columns: [t.projectId, t.ruleId], foreignColumns: [alertRules.projectId, alertRules.id], name: "alert_instances_rule_fk" }).onDelete("cascade"),
  ],
);

/** Every state change of an instance with the value that caused it: the rule's history. */
export const alertTransitions = pgTable(
  "alert_transitions",
  {
    projectId: uuid().notNull(),
    id: bigint({ mode: "number" }).generatedAlwaysAsIdentity(),
    ruleId: uuid().notNull(),
    groupKey: text().notNull(),
    fromState: text().$type<AlertState>().notNull(),
    toState: text().$type<AlertState>().notNull(),
    value: doublePrecision(),
    threshold: doublePrecision().notNull(),
    reason: text().notNull(),
    at: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.projectId, t.id] }),
    foreignKey({ columns: [t.projectId, t.ruleId], foreignColumns: [alertRules.projectId, alertRules.id], name: "alert_transitions_rule_fk" }).onDelete("cascade"),
    index("alert_transitions_rule_at_idx").on(t.projectId, t.ruleId, t.at),
  ],
);

export const DELIVERY_STATUSES = ["pending", "sent", "failed"] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

/**
 * The notification outbox and log: written in the evaluation's transaction, sent after
 * commit, retried with backoff. Kept when a rule or channel is deleted (no foreign key).
 */
export const alertDeliveries = pgTable(
  "alert_deliveries",
  {
    projectId: uuid().notNull(),
    id: bigint({ mode: "number" }).generatedAlwaysAsIdentity(),
    ruleId: uuid(),
    channelId: uuid().notNull(),
    groupKey: text(),
    kind: text().$type<"firing" | "resolved" | "test">().notNull(),
    status: text().$type<DeliveryStatus>().notNull().default("pending"),
    attempts: integer().notNull().default(0),
    nextAttemptAt: timestamp({ withTimezone: true }).notNull(),
    payload: jsonb().notNull(),
    responseStatus: integer(),
    responseExcerpt: text(),
    error: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.projectId, t.id] }),
    index("alert_deliveries_due_idx").on(t.nextAttemptAt).where(sql`${t.status} = 'pending'`),
    index("alert_deliveries_rule_idx").on(t.projectId, t.ruleId, t.createdAt),
  ],
);
