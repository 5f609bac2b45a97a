import { integer, jsonb, numeric, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { projects } from "./projects";

export type RedactionSettings = {
  detectors: Partial<Record<"email" | "phone" | "creditCard" | "ip" | "secret", boolean>>;
  customPatterns: { name: string; pattern: string }[];
};

/** Per-project settings that the ingest path reads (cached briefly). */
export const projectSettings = pgTable("project_settings", {
  projectId: uuid()
    .primaryKey()
    .references(() => projects.id, { onDelete: "cascade" }),
  retentionDays: integer().notNull().default(30),
  redaction: jsonb().$type<RedactionSettings>().notNull().default({ detectors: {}, customPatterns: [] }),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

/** A project's own prices: overrides for shipped models or custom ones. USD per million tokens. */
export const modelPrices = pgTable(
  "model_prices",
  {
    projectId: uuid()
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    id: uuid().notNull().defaultRandom(),
    modelPattern: text().notNull(),
    inputPerMTok: numeric({ precision: 20, scale: 9 }).notNull(),
    outputPerMTok: numeric({ precision: 20, scale: 9 }).notNull(),
    cachedInputPerMTok: numeric({ precision: 20, scale: 9 }),
    reasoningPerMTok: numeric({ precision: 20, scale: 9 }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.projectId, t.id] })],
);
