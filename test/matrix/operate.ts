// The permission matrix's verbs (see lib/auth/matrix.test.ts): flags, prompts, alert rules, review queues and budgets.
import { eq } from "drizzle-orm";
import { expect } from "vitest";
import { storeSmallTrace } from "@/lib/requests/test-events";
import { createFlag } from "@/lib/flags/create";
import { listFlags } from "@/lib/flags/list";
import { alertRules, flags } from "@/db/schema";
import { createAlertRule } from "@/lib/alerts/create-rule";
import { addVersion } from "@/lib/prompts/add-version";
import { createPrompt } from "@/lib/prompts/create";
import { getPrompt } from "@/lib/prompts/get";
import { listPrompts } from "@/lib/prompts/list";
import { moveLabel } from "@/lib/prompts/move-label";
import { getPromptSettings, updatePromptSettings } from "@/lib/prompts/settings";
import { listAlertRules } from "@/lib/alerts/list-rules";
import { reviewItems, reviewQueues } from "@/db/schema";
import { addItems } from "@/lib/review/add-items";
import { claimItem } from "@/lib/review/claim";
import { createQueue } from "@/lib/review/create-queue";
import { listQueues } from "@/lib/review/list-queues";
import { budgets } from "@/db/schema";
import { createBudget } from "@/lib/budgets/create";
import { listBudgets } from "@/lib/budgets/list";
import { db, readVerb, type Verb } from "./verb";

export const OPERATE_VERBS: Record<string, Verb> = {
  listFlags: readVerb(
    "flags.read",
    (w) => createFlag(w.as("owner"), { key: "matrix-listed", type: "boolean", variants: { on: true, off: false }, environments: {} }).then(() => ["matrix-listed"]),
    async (w, role) => (await listFlags(w.as(role))).map((f) => f.key),
  ),
  createFlag: {
    action: "flags.write",
    prepare: async (w) => ({
      call: (role) => createFlag(w.as(role), { key: "matrix-created", type: "boolean", variants: { on: true, off: false }, environments: {} }),
      verify: async () => expect((await db().select().from(flags).where(eq(flags.projectId, w.projectId))).map((f) => f.key)).toEqual(["matrix-created"]),
    }),
  },
  listPrompts: readVerb(
    "prompts.read",
    (w) => createPrompt(w.as("owner"), { name: "matrix-listed", type: "text", prompt: "Hello {{name}}" }).then(() => ["matrix-listed"]),
    async (w, role) => (await listPrompts(w.as(role))).map((p) => p.name),
  ),
  createPrompt: {
    action: "prompts.write",
    prepare: async (w) => ({
      call: (role) => createPrompt(w.as(role), { name: "matrix-created", type: "text", prompt: "Hi" }),
      verify: async () => expect((await listPrompts(w.as("owner"))).map((p) => p.name)).toEqual(["matrix-created"]),
    }),
  },
  deployPrompt: {
    action: "prompts.deploy",
    prepare: async (w) => {
      await createPrompt(w.as("owner"), { name: "matrix-deployed", type: "text", prompt: "v1", labels: ["production"] });
      await addVersion(w.as("owner"), "matrix-deployed", { prompt: "v2" });
      return {
        call: (role) => moveLabel(w.as(role), { name: "matrix-deployed", label: "production", version: 2 }),
        verify: async () => expect((await getPrompt(w.as("owner"), "matrix-deployed")).version).toBe(2),
      };
    },
  },
  updatePromptSettings: {
    action: "prompts.manage",
    prepare: async (w) => ({
      call: (role) => updatePromptSettings(w.as(role), { membersMayDeployProduction: true }),
      verify: async () => expect(await getPromptSettings(w.as("owner"))).toEqual({ membersMayDeployProduction: true }),
    }),
  },
  listAlertRules: readVerb(
    "alerts.read",
    (w) => createAlertRule(w.as("owner"), { name: "matrix-listed", metric: "error_rate", condition: { op: ">", threshold: 0.1 }, windowSeconds: 300 }).then(() => ["matrix-listed"]),
    async (w, role) => (await listAlertRules(w.as(role))).map((r) => r.name),
  ),
  createAlertRule: {
    action: "alerts.write",
    prepare: async (w) => ({
      call: (role) => createAlertRule(w.as(role), { name: "matrix-created", metric: "error_rate", condition: { op: ">", threshold: 0.1 }, windowSeconds: 300 }),
      verify: async () => expect((await db().select().from(alertRules).where(eq(alertRules.projectId, w.projectId))).map((r) => r.name)).toEqual(["matrix-created"]),
    }),
  },
  listReviewQueues: readVerb(
    "review.read",
    (w) => createQueue(w.as("owner"), { name: "matrix-listed", rubric: [{ name: "ok", type: "boolean" }] }).then(() => ["matrix-listed"]),
    async (w, role) => (await listQueues(w.as(role))).map((q) => q.name),
  ),
  createReviewQueue: {
    action: "review.write",
    prepare: async (w) => ({
      call: (role) => createQueue(w.as(role), { name: "matrix-created", rubric: [{ name: "ok", type: "boolean" }] }),
      verify: async () => expect((await db().select().from(reviewQueues).where(eq(reviewQueues.projectId, w.projectId))).map((q) => q.name)).toEqual(["matrix-created"]),
    }),
  },
  claimReviewItem: {
    action: "review.work",
    prepare: async (w) => {
      await storeSmallTrace(w);
      const queue = await createQueue(w.as("owner"), { name: "matrix-claimed", rubric: [{ name: "ok", type: "boolean" }] });
      await addItems(w.as("owner"), queue.id, { requestIds: ["matrix-1"] });
      let who = "";
      return {
        call: async (role) => {
          who = w.users[role].id;
          return claimItem(w.as(role), queue.id);
        },
        verify: async () => expect((await db().select().from(reviewItems).where(eq(reviewItems.projectId, w.projectId))).map((i) => i.lockedBy)).toEqual([who]),
      };
    },
  },
  listBudgets: readVerb(
    "budgets.read",
    (w) => createBudget(w.as("owner"), { name: "matrix-listed", scope: "project", period: "day", limitUsd: 5, enforcement: "hard" }).then(() => ["matrix-listed"]),
    async (w, role) => (await listBudgets(w.as(role))).budgets.map((b) => b.name),
  ),
  createBudget: {
    action: "budgets.write",
    prepare: async (w) => ({
      call: (role) => createBudget(w.as(role), { name: "matrix-created", scope: "project", period: "month", limitUsd: 100, enforcement: "hard" }),
      verify: async () => expect((await db().select().from(budgets).where(eq(budgets.projectId, w.projectId))).map((b) => b.name)).toEqual(["matrix-created"]),
    }),
  },
  // Ingestion is for project keys only: no signed-in role may write events or scores.
};
