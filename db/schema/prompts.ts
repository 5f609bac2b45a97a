import { sql } from "drizzle-orm";
import { bigint, boolean, check, foreignKey, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { projects } from "./projects";

export const PROMPT_TYPES = ["text", "chat"] as const;
export type PromptType = (typeof PROMPT_TYPES)[number];
export type ChatMessage = { role: string; content: string };
/** A version's template: a string (text) or role/content messages (chat). */
export type PromptBody = string | ChatMessage[];

/** A named prompt; `latestVersion` is the counter new versions take their number from (under this row's lock). */
export const prompts = pgTable(
  "prompts",
  {
    projectId: uuid().notNull().references(() => projects.id, { onDelete: "cascade" }),
    name: text().notNull(),
    type: text().$type<PromptType>().notNull(),
    latestVersion: integer().notNull().default(0),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.projectId, t.name] }), check("prompts_type_check", sql`${t.type} in ('text', 'chat')`)],
);

/** One immutable version: a trigger refuses every UPDATE (see drizzle/0004_prompts.sql). */
export const promptVersions = pgTable(
  "prompt_versions",
  {
    projectId: uuid().notNull(),
    promptName: text().notNull(),
    version: integer().notNull(),
    prompt: jsonb().$type<PromptBody>().notNull(),
    config: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    commitMessage: text(),
    authorId: text(),
    authorLabel: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.projectId, t.promptName, t.version] }),
    foreignKey({ columns: [t.projectId, t.promptName], foreignColumns: [prompts.projectId, prompts.name], name: "prompt_versions_prompt_fk" }).onDelete("cascade"),
  ],
);

/** Where each label (production, staging, custom) points now. `latest` is not stored: it is the newest version. */
export const promptLabels = pgTable(
  "prompt_labels",
  {
    projectId: uuid().notNull(),
    promptName: text().notNull(),
    label: text().notNull(),
    version: integer().notNull(),
    movedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    movedBy: text().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.projectId, t.promptName, t.label] }),
    foreignKey({ columns: [t.projectId, t.promptName], foreignColumns: [prompts.projectId, prompts.name], name: "prompt_labels_prompt_fk" }).onDelete("cascade"),
    // No cascade: a version a label points to cannot be deleted.
    foreignKey({ columns: [t.projectId, t.promptName, t.version], foreignColumns: [promptVersions.projectId, promptVersions.promptName, promptVersions.version], name: "prompt_labels_version_fk" }),
  ],
);

/** Every label move, in order: the history rollback reads and the dashboard annotates. */
export const promptLabelMoves = pgTable(
  "prompt_label_moves",
  {
    projectId: uuid().notNull(),
    id: bigint({ mode: "number" }).generatedAlwaysAsIdentity(),
    promptName: text().notNull(),
    label: text().notNull(),
    fromVersion: integer(),
    toVersion: integer().notNull(),
    movedBy: text().notNull(),
    movedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.projectId, t.id] }),
    foreignKey({ columns: [t.projectId, t.promptName], foreignColumns: [prompts.projectId, prompts.name], name: "prompt_label_moves_prompt_fk" }).onDelete("cascade"),
    index("prompt_label_moves_time_idx").on(t.projectId, t.movedAt),
  ],
);

/** Per-project prompt policy: whether members may move the `production` label. */
export const promptSettings = pgTable("prompt_settings", {
  projectId: uuid()
    .primaryKey()
    .references(() => projects.id, { onDelete: "cascade" }),
  membersMayDeployProduction: boolean().notNull().default(false),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});
