// The permission matrix, end to end: every role calls every verb against the real
// database, and the outcome must be exactly what MATRIX says.
import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { apiKeys, invites, memberships, projects } from "@/db/schema";
import { createApiKey } from "@/lib/api-keys/create";
import { listApiKeys } from "@/lib/api-keys/list";
import { revokeApiKey } from "@/lib/api-keys/revoke";
import { listAudit } from "@/lib/audit/list";
import { ACTIONS, MATRIX, ROLES, type Action, type Role } from "@/lib/auth/permissions";
import { createInvite } from "@/lib/members/invite";
import { listMembers } from "@/lib/members/list";
import { removeMember, revokeInvite } from "@/lib/members/remove";
import { updateRole } from "@/lib/members/update-role";
import { createProject } from "@/lib/projects/create";
import { listProjects } from "@/lib/projects/list";
import { renameProject } from "@/lib/projects/rename";
import { modelPrices, projectSettings } from "@/db/schema/settings";
import { createModelPrice } from "@/lib/cost/overrides/create";
import { deleteModelPrice } from "@/lib/cost/overrides/delete";
import { listModelPrices } from "@/lib/cost/overrides/list";
import { getProjectSettings } from "@/lib/settings/get";
import { updateProjectSettings } from "@/lib/settings/update";
import { queryMetrics } from "@/lib/metrics/query";
import { getRequest } from "@/lib/requests/get";
import { listRequests } from "@/lib/requests/list";
import { storeSmallTrace } from "@/lib/requests/test-events";
import { getTrace } from "@/lib/requests/trace";
import { ingestEvents } from "@/lib/ingest/ingest";
import { ingestScores } from "@/lib/scores/ingest";
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
import { addMember, expectAppError, makeWorld, orgCtx, orgFootprint, type World } from "@/test/factories";
import { testDb } from "@/test/db";

/**
 * One verb of the foundation: `prepare` does the set-up as the owner (a key to revoke,
 * a member to demote …) and returns the call to make as the role under test and a
 * check of its effect when it is allowed.
 */
type Verb = {
  action: Action;
  prepare: (w: World) => Promise<{ call: (role: Role) => Promise<unknown>; verify: () => Promise<void> }>;
};

const db = () => testDb();

const VERBS: Record<string, Verb> = {
  createProject: {
    action: "project.create",
    prepare: async (w) => {
      const name = `p-${randomUUID()}`;
      return {
        call: (role) => createProject(orgCtx(w.as(role)), { name }),
        verify: async () => {
          const rows = await db().select().from(projects).where(and(eq(projects.orgId, w.orgId), eq(projects.name, name)));
          expect(rows).toHaveLength(1);
        },
      };
    },
  },
  renameProject: {
    action: "project.update",
    prepare: async (w) => {
      const name = `renamed-${randomUUID()}`;
      return {
        call: (role) => renameProject(w.as(role), { name }),
        verify: async () => {
          const [row] = await db().select().from(projects).where(eq(projects.id, w.projectId));
          expect(row!.name).toBe(name);
        },
      };
    },
  },
  listProjects: {
    action: "project.read",
    prepare: async (w) => {
      let list: { id: string }[] = [];
      return {
        call: async (role) => (list = await listProjects(orgCtx(w.as(role)))),
        verify: async () => expect(list.map((p) => p.id)).toEqual([w.projectId]),
      };
    },
  },
  createApiKey: {
    action: "api_key.create",
    prepare: async (w) => {
      let id = "";
      return {
        call: async (role) => (id = (await createApiKey(w.as(role), { name: "matrix" })).id),
        verify: async () => {
          const rows = await db().select().from(apiKeys).where(eq(apiKeys.id, id));
          expect(rows).toHaveLength(1);
          expect(rows[0]!.projectId).toBe(w.projectId);
        },
      };
    },
  },
  revokeApiKey: {
    action: "api_key.revoke",
    prepare: async (w) => {
      const key = await createApiKey(w.as("owner"), { name: "to revoke" });
      return {
        call: (role) => revokeApiKey(w.as(role), { id: key.id }),
        verify: async () => {
          const [row] = await db().select().from(apiKeys).where(eq(apiKeys.id, key.id));
          expect(row!.revokedAt).toBeInstanceOf(Date);
        },
      };
    },
  },
  listApiKeys: {
    action: "api_key.read",
    prepare: async (w) => {
      const key = await createApiKey(w.as("owner"), { name: "listed" });
      let list: { id: string }[] = [];
      return {
        call: async (role) => (list = await listApiKeys(w.as(role))),
        verify: async () => expect(list.map((k) => k.id)).toEqual([key.id]),
      };
    },
  },
  createInvite: {
    action: "member.invite",
    prepare: async (w) => {
      let id = "";
      return {
        call: async (role) => (id = (await createInvite(orgCtx(w.as(role)), { role: "viewer" })).id),
        verify: async () => {
          const [row] = await db().select().from(invites).where(and(eq(invites.orgId, w.orgId), eq(invites.id, id)));
          expect(row!.role).toBe("viewer");
        },
      };
    },
  },
  updateRole: {
    action: "member.update_role",
    prepare: async (w) => {
      const target = await addMember(w.orgId, "viewer", "target");
      return {
        call: (role) => updateRole(orgCtx(w.as(role)), { userId: target.id, role: "reviewer" }),
        verify: async () => {
          const [row] = await db().select().from(memberships).where(and(eq(memberships.orgId, w.orgId), eq(memberships.userId, target.id)));
          expect(row!.role).toBe("reviewer");
        },
      };
    },
  },
  removeMember: {
    action: "member.remove",
    prepare: async (w) => {
      const target = await addMember(w.orgId, "viewer", "target");
      return {
        call: (role) => removeMember(orgCtx(w.as(role)), { userId: target.id }),
        verify: async () => {
          const rows = await db().select().from(memberships).where(and(eq(memberships.orgId, w.orgId), eq(memberships.userId, target.id)));
          expect(rows).toHaveLength(0);
        },
      };
    },
  },
  revokeInvite: {
    action: "member.invite",
    prepare: async (w) => {
      const invite = await createInvite(orgCtx(w.as("owner")), { role: "member" });
      return {
        call: (role) => revokeInvite(orgCtx(w.as(role)), { inviteId: invite.id }),
        verify: async () => {
          const [row] = await db().select().from(invites).where(and(eq(invites.orgId, w.orgId), eq(invites.id, invite.id)));
          expect(row!.revokedAt).toBeInstanceOf(Date);
        },
      };
    },
  },
  listMembers: {
    action: "member.read",
    prepare: async (w) => {
      let ids: string[] = [];
      return {
        call: async (role) => (ids = (await listMembers(orgCtx(w.as(role)))).members.map((m) => m.userId)),
        verify: async () => expect(ids.sort()).toEqual(Object.values(w.users).map((u) => u.id).sort()),
      };
    },
  },
  listAudit: {
    action: "audit.read",
    prepare: async (w) => {
      await renameProject(w.as("owner"), { name: `audited-${randomUUID()}` });
      let rows: { orgId: string; action: string }[] = [];
      return {
        call: async (role) => (rows = (await listAudit(orgCtx(w.as(role)), {})).rows),
        verify: async () => {
          expect(rows.map((r) => r.action)).toContain("project.update");
          expect(rows.every((r) => r.orgId === w.orgId)).toBe(true);
        },
      };
    },
  },
  getProjectSettings: {
    action: "settings.read",
    prepare: async (w) => {
      await updateProjectSettings(w.as("owner"), { retentionDays: 45 });
      let days = 0;
      return {
        call: async (role) => (days = (await getProjectSettings(w.as(role))).retentionDays),
        verify: async () => expect(days).toBe(45),
      };
    },
  },
  updateProjectSettings: {
    action: "settings.update",
    prepare: async (w) => ({
      call: (role) => updateProjectSettings(w.as(role), { retentionDays: 90, redaction: { detectors: { phone: false } } }),
      verify: async () => {
        const [row] = await db().select().from(projectSettings).where(eq(projectSettings.projectId, w.projectId));
        expect(row!.retentionDays).toBe(90);
        expect(row!.redaction.detectors.phone).toBe(false);
      },
    }),
  },
  listRequests: {
    action: "requests.read",
    prepare: async (w) => {
      await storeSmallTrace(w);
      let ids: string[] = [];
      return {
        call: async (role) => (ids = (await listRequests(w.as(role), {})).items.map((i) => i.id)),
        verify: async () => expect(ids).toEqual(["matrix-2", "matrix-1"]),
      };
    },
  },
  getRequest: {
    action: "requests.read",
    prepare: async (w) => {
      await storeSmallTrace(w);
      let id = "";
      return {
        call: async (role) => (id = (await getRequest(w.as(role), "matrix-1")).id),
        verify: async () => expect(id).toBe("matrix-1"),
      };
    },
  },
  getTrace: {
    action: "requests.read",
    prepare: async (w) => {
      await storeSmallTrace(w);
      let spans: string[] = [];
      return {
        call: async (role) => (spans = (await getTrace(w.as(role), "matrix-trace")).spans.map((s) => s.id)),
        verify: async () => expect(spans).toEqual(["matrix-1", "matrix-2"]),
      };
    },
  },
  queryMetrics: {
    action: "requests.read",
    prepare: async (w) => {
      await storeSmallTrace(w);
      let requests = 0;
      return {
        call: async (role) => (requests = (await queryMetrics(w.as(role), {})).groups[0]!.requests),
        verify: async () => expect(requests).toBe(2),
      };
    },
  },
  listModelPrices: {
    action: "settings.read",
    prepare: async (w) => {
      const price = await createModelPrice(w.as("owner"), { modelPattern: "matrix-listed", inputPerMTok: "1", outputPerMTok: "2" });
      let ids: string[] = [];
      return {
        call: async (role) => (ids = (await listModelPrices(w.as(role))).map((p) => p.id)),
        verify: async () => expect(ids).toEqual([price.id]),
      };
    },
  },
  createModelPrice: {
    action: "settings.update",
    prepare: async (w) => ({
      call: (role) => createModelPrice(w.as(role), { modelPattern: "matrix-*", inputPerMTok: "0.5", outputPerMTok: 1.5 }),
      verify: async () => {
        const rows = await db().select().from(modelPrices).where(eq(modelPrices.projectId, w.projectId));
        expect(rows.map((r) => [r.modelPattern, r.inputPerMTok, r.outputPerMTok])).toEqual([["matrix-*", "0.500000000", "1.500000000"]]);
      },
    }),
  },
  deleteModelPrice: {
    action: "settings.update",
    prepare: async (w) => {
      const price = await createModelPrice(w.as("owner"), { modelPattern: "matrix-deleted", inputPerMTok: "1", outputPerMTok: "2" });
      return {
        call: (role) => deleteModelPrice(w.as(role), { id: price.id }),
        verify: async () => expect(await db().select().from(modelPrices).where(eq(modelPrices.projectId, w.projectId))).toEqual([]),
      };
    },
  },
  listFlags: {
    action: "flags.read",
    prepare: async (w) => {
      await createFlag(w.as("owner"), { key: "matrix-listed", type: "boolean", variants: { on: true, off: false }, environments: {} });
      let keys: string[] = [];
      return {
        call: async (role) => (keys = (await listFlags(w.as(role))).map((f) => f.key)),
        verify: async () => expect(keys).toEqual(["matrix-listed"]),
      };
    },
  },
  createFlag: {
    action: "flags.write",
    prepare: async (w) => ({
      call: (role) => createFlag(w.as(role), { key: "matrix-created", type: "boolean", variants: { on: true, off: false }, environments: {} }),
      verify: async () => expect((await db().select().from(flags).where(eq(flags.projectId, w.projectId))).map((f) => f.key)).toEqual(["matrix-created"]),
    }),
  },
  listPrompts: {
    action: "prompts.read",
    prepare: async (w) => {
      await createPrompt(w.as("owner"), { name: "matrix-listed", type: "text", prompt: "Hello {{name}}" });
      let names: string[] = [];
      return { call: async (role) => (names = (await listPrompts(w.as(role))).map((p) => p.name)), verify: async () => expect(names).toEqual(["matrix-listed"]) };
    },
  },
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
  listAlertRules: {
    action: "alerts.read",
    prepare: async (w) => {
      await createAlertRule(w.as("owner"), { name: "matrix-listed", metric: "error_rate", condition: { op: ">", threshold: 0.1 }, windowSeconds: 300 });
      let names: string[] = [];
      return { call: async (role) => (names = (await listAlertRules(w.as(role))).map((r) => r.name)), verify: async () => expect(names).toEqual(["matrix-listed"]) };
    },
  },
  createAlertRule: {
    action: "alerts.write",
    prepare: async (w) => ({
      call: (role) => createAlertRule(w.as(role), { name: "matrix-created", metric: "error_rate", condition: { op: ">", threshold: 0.1 }, windowSeconds: 300 }),
      verify: async () => expect((await db().select().from(alertRules).where(eq(alertRules.projectId, w.projectId))).map((r) => r.name)).toEqual(["matrix-created"]),
    }),
  },
  listReviewQueues: {
    action: "review.read",
    prepare: async (w) => {
      await createQueue(w.as("owner"), { name: "matrix-listed", rubric: [{ name: "ok", type: "boolean" }] });
      let names: string[] = [];
      return {
        call: async (role) => (names = (await listQueues(w.as(role))).map((q) => q.name)),
        verify: async () => expect(names).toEqual(["matrix-listed"]),
      };
    },
  },
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
  listBudgets: {
    action: "budgets.read",
    prepare: async (w) => {
      await createBudget(w.as("owner"), { name: "matrix-listed", scope: "project", period: "day", limitUsd: 5, enforcement: "hard" });
      let names: string[] = [];
      return { call: async (role) => (names = (await listBudgets(w.as(role))).budgets.map((b) => b.name)), verify: async () => expect(names).toEqual(["matrix-listed"]) };
    },
  },
  createBudget: {
    action: "budgets.write",
    prepare: async (w) => ({
      call: (role) => createBudget(w.as(role), { name: "matrix-created", scope: "project", period: "month", limitUsd: 100, enforcement: "hard" }),
      verify: async () => expect((await db().select().from(budgets).where(eq(budgets.projectId, w.projectId))).map((b) => b.name)).toEqual(["matrix-created"]),
    }),
  },
  // Ingestion is for project keys only: no signed-in role may write events or scores.
  ingestEvents: {
    action: "ingest.write",
    prepare: async (w) => ({
      call: (role) => ingestEvents(w.as(role), [{ id: "matrix-ingest", startTime: new Date().toISOString(), durationMs: 1 }]),
      verify: async () => undefined,
    }),
  },
  ingestScores: {
    action: "ingest.write",
    prepare: async (w) => ({
      call: (role) => ingestScores(w.as(role), [{ requestId: "r", name: "q", value: 1 }]),
      verify: async () => undefined,
    }),
  },
};

const CASES = ROLES.flatMap((role) =>
  Object.entries(VERBS).map(([verb, spec]) => ({ role, verb, spec, allowed: MATRIX[role].includes(spec.action) })),
);

describe("permission matrix, end to end", () => {
  it("drives every action of the matrix through at least one verb", () => {
    const covered = new Set(Object.values(VERBS).map((v) => v.action));
    expect(ACTIONS.filter((a) => !covered.has(a))).toEqual([]);
    expect(CASES).toHaveLength(ROLES.length * Object.keys(VERBS).length);
  });

  it.each(CASES)("$role → $verb: allowed = $allowed", async ({ role, spec, allowed }) => {
    const world = await makeWorld();
    const { call, verify } = await spec.prepare(world);
    if (allowed) {
      await call(role);
      await verify();
      return;
    }
    const before = await orgFootprint(world);
    const err = await expectAppError(call(role), "FORBIDDEN");
    expect(err.message).toContain(`"${spec.action}"`);
    expect(await orgFootprint(world)).toEqual(before);
  });
});

describe("explicit expectations (independent of MATRIX)", () => {
  it.each(["viewer", "reviewer"] as const)("a %s cannot create keys or change roles, and nothing is written", async (role) => {
    const world = await makeWorld();
    const before = await orgFootprint(world);
    await expectAppError(createApiKey(world.as(role), { name: "nope" }), "FORBIDDEN");
    await expectAppError(updateRole(orgCtx(world.as(role)), { userId: world.users.viewer.id, role: "admin" }), "FORBIDDEN");
    const after = await orgFootprint(world);
    expect(after).toEqual(before);
    expect(after.apiKeys).toBe(0);
    expect(after.audit).toBe(0);
  });

  it("a member can create API keys but cannot invite", async () => {
    const world = await makeWorld();
    const key = await createApiKey(world.as("member"), { name: "member key" });
    expect(key.secretKey).toMatch(/^sk-/);
    const before = await orgFootprint(world);
    await expectAppError(createInvite(orgCtx(world.as("member")), { role: "viewer" }), "FORBIDDEN");
    expect(await orgFootprint(world)).toEqual(before);
    expect(before.invites).toBe(0);
  });
});
