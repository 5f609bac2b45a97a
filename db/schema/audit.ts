import { bigint, index, jsonb, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { organizations } from "./accounts";

export const ACTOR_TYPES = ["user", "api_key", "system"] as const;
export type ActorType = (typeof ACTOR_TYPES)[number];

/** Append-only record of every configuration change, written in the change's transaction. */
export const auditLog = pgTable(
  "audit_log",
  {
    orgId: uuid().notNull().references(() => organizations.id, { onDelete: "cascade" }),
    id: bigint({ mode: "number" }).generatedAlwaysAsIdentity(),
    projectId: uuid(),
    actorType: text().$type<ActorType>().notNull(),
    actorId: text(),
    actorLabel: text().notNull(),
    action: text().notNull(),
    resourceType: text().notNull(),
    resourceId: text().notNull(),
    before: jsonb(),
    after: jsonb(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    index("audit_log_org_created_idx").on(t.orgId, t.createdAt.desc()),
  ],
);
