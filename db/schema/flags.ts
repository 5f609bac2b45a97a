import { sql } from "drizzle-orm";
import { bigint, check, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import type { Flag } from "@sextant/sdk";
import { projects } from "./projects";

/**
 * One feature flag: the fields of the SDK's `Flag` contract, stored as validated.
 * `version` counts this flag's changes (optimistic concurrency for editors: If-Match).
 */
export const flags = pgTable(
  "flags",
  {
    projectId: uuid().notNull().references(() => projects.id, { onDelete: "cascade" }),
    key: text().notNull(),
    type: text().$type<Flag["type"]>().notNull(),
    description: text(),
    tags: jsonb().$type<string[]>(),
    variants: jsonb().$type<Flag["variants"]>().notNull(),
    environments: jsonb().$type<Flag["environments"]>().notNull(),
    version: integer().notNull().default(1),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.projectId, t.key] }), check("flags_type_check", sql`${t.type} in ('boolean', 'string', 'number', 'json')`)],
);

/**
 * The project's flag revision: bumped in the transaction of every flag change, so the SDK
 * config ETag is one primary-key read, and its row lock serializes a project's flag writes.
 */
export const flagRevisions = pgTable("flag_revisions", {
  projectId: uuid()
    .primaryKey()
    .references(() => projects.id, { onDelete: "cascade" }),
  revision: bigint({ mode: "number" }).notNull().default(0),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

/**
 * How often the SDKs served each variant of a flag, per hour (counts sent by each SDK once a
 * minute and added up here). Read for stale-flag hints and the share each variant really gets;
 * small (flags × environments × variants × hours), so no rollup of its own.
 */
export const flagExposures = pgTable(
  "flag_exposures",
  {
    projectId: uuid().notNull().references(() => projects.id, { onDelete: "cascade" }),
    flagKey: text().notNull(),
    environment: text().notNull(),
    hour: timestamp({ withTimezone: true }).notNull(),
    variant: text().notNull(),
    count: bigint({ mode: "number" }).notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.projectId, t.flagKey, t.environment, t.hour, t.variant] })],
);
