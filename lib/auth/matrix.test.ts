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
};

const CASES = ROLES.flatMap((role) =>
  Object.entries(VERBS).map(([verb, spec]) => ({ role, verb, spec, allowed: MATRIX[role].includes(spec.action) })),
);

describe("permission matrix, end to end", () => {
  it("drives every action of the matrix through at least one verb", () => {
    const covered = new Set(Object.values(VERBS).map((v) => v.action));
    expect(ACTIONS.filter((a) => !covered.has(a))).toEqual([]);
    expect(CASES).toHaveLength(ROLES.length * 12);
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
