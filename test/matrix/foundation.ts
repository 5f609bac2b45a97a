// The permission matrix's verbs (see lib/auth/matrix.test.ts): projects, API keys, members, the audit log and project settings.
import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { expect } from "vitest";
import { apiKeys, invites, memberships, projects } from "@/db/schema";
import { createApiKey } from "@/lib/api-keys/create";
import { listApiKeys } from "@/lib/api-keys/list";
import { revokeApiKey } from "@/lib/api-keys/revoke";
import { listAudit } from "@/lib/audit/list";
import { createInvite } from "@/lib/members/invite";
import { listMembers } from "@/lib/members/list";
import { removeMember, revokeInvite } from "@/lib/members/remove";
import { updateRole } from "@/lib/members/update-role";
import { createProject } from "@/lib/projects/create";
import { listProjects } from "@/lib/projects/list";
import { renameProject } from "@/lib/projects/rename";
import { projectSettings } from "@/db/schema/settings";
import { getProjectSettings } from "@/lib/settings/get";
import { updateProjectSettings } from "@/lib/settings/update";
import { addMember, orgCtx } from "@/test/factories";
import { db, readVerb, type Verb } from "./verb";

export const FOUNDATION_VERBS: Record<string, Verb> = {
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
  listProjects: readVerb(
    "project.read",
    async (w) => [w.projectId],
    async (w, role) => (await listProjects(orgCtx(w.as(role)))).map((p) => p.id),
  ),
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
  listApiKeys: readVerb(
    "api_key.read",
    async (w) => [(await createApiKey(w.as("owner"), { name: "listed" })).id],
    async (w, role) => (await listApiKeys(w.as(role))).map((k) => k.id),
  ),
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
  listMembers: readVerb(
    "member.read",
    async (w) => Object.values(w.users).map((u) => u.id).sort(),
    async (w, role) => (await listMembers(orgCtx(w.as(role)))).members.map((m) => m.userId).sort(),
  ),
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
  getProjectSettings: readVerb(
    "settings.read",
    (w) => updateProjectSettings(w.as("owner"), { retentionDays: 45 }).then(() => 45),
    async (w, role) => (await getProjectSettings(w.as(role))).retentionDays,
  ),
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
};
