import { sql } from "drizzle-orm";
import { check, index, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { organizations, users } from "./accounts";

export const projects = pgTable(
  "projects",
  {
    id: uuid().primaryKey().defaultRandom(),
    orgId: uuid().notNull().references(() => organizations.id, { onDelete: "cascade" }),
    name: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("projects_org_idx").on(t.orgId)],
);

/**
 * One row per key pair. The public key is stored as is (it ships inside client
 * apps); the secret key only as its SHA-256, with a short prefix for display.
 */
export const apiKeys = pgTable(
  "api_keys",
  {
    projectId: uuid().notNull().references(() => projects.id, { onDelete: "cascade" }),
    id: uuid().notNull().defaultRandom(),
    name: text().notNull(),
    publicKey: text().notNull(),
    secretHash: text().notNull(),
    secretPrefix: text().notNull(),
    createdBy: uuid().references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    lastUsedAt: timestamp({ withTimezone: true }),
    revokedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.projectId, t.id] }),
    uniqueIndex("api_keys_public_key_key").on(t.publicKey),
    uniqueIndex("api_keys_secret_hash_key").on(t.secretHash),
    check("api_keys_public_key_format", sql`${t.publicKey} like 'pk-%'`),
  ],
);
