import { sql } from "drizzle-orm";
import { check, integer, numeric, pgTable, primaryKey, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import { projects } from "./projects";

/**
 * A spending limit defined in the console (Settings → Budgets) and enforced by the SDK
 * before each call (delivered with the flag configuration). `name` is the budget's id in
 * the SDK (errors, `metadata["reliable.budgetId"]`), so it is unique per project. A soft
 * budget is backed by a cost alert rule (`alert_rule_id`), kept in step by lib/budgets.
 */
export const budgets = pgTable(
  "budgets",
  {
    projectId: uuid().notNull().references(() => projects.id, { onDelete: "cascade" }),
    id: uuid().notNull().defaultRandom(),
    name: text().notNull(),
    scope: text().notNull(),
    /** The endpoint name or user id; null with endpoint/user scope: each one gets a budget of this size. */
    match: text(),
    period: text().notNull(),
    /** Exact USD. */
    limitUsd: numeric({ precision: 20, scale: 9 }).notNull(),
    enforcement: text().notNull(),
    action: text(),
    downgradeTo: text(),
    alertRuleId: uuid(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.projectId, t.id] }),
    unique("budgets_name_key").on(t.projectId, t.name),
    check("budgets_scope_check", sql`${t.scope} in ('project', 'endpoint', 'user')`),
    check("budgets_period_check", sql`${t.period} in ('day', 'month')`),
    check("budgets_enforcement_check", sql`${t.enforcement} in ('soft', 'hard')`),
  ],
);

/** The project's per-user request and token limits (token buckets in the SDK); one row per project. */
export const userRateLimits = pgTable("user_rate_limits", {
  projectId: uuid().primaryKey().references(() => projects.id, { onDelete: "cascade" }),
  requestsPerMinute: integer(),
  tokensPerMinute: integer(),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});
