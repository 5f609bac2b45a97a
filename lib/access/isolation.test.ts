// Tenancy: nothing of organization B is visible or changeable from organization A,
// and B's resources answer exactly like ones that do not exist.
import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { apiKeys, invites, memberships, projects } from "@/db/schema";
import { orgContext, projectContext } from "@/lib/access/resolve";
import { authenticateKey } from "@/lib/api-keys/authenticate";
import { createApiKey } from "@/lib/api-keys/create";
import { listApiKeys } from "@/lib/api-keys/list";
import { revokeApiKey } from "@/lib/api-keys/revoke";
import { listAudit } from "@/lib/audit/list";
import { createInvite } from "@/lib/members/invite";
import { listMembers } from "@/lib/members/list";
import { removeMember, revokeInvite } from "@/lib/members/remove";
import { updateRole } from "@/lib/members/update-role";
import { listProjects } from "@/lib/projects/list";
import { renameProject } from "@/lib/projects/rename";
import { testDb } from "@/test/db";
import { expectAppError, makeWorld, orgCtx, orgFootprint } from "@/test/factories";

/** Two organizations, each with a key, an invite and an audit trail. */
async function twoOrgs() {
  const a = await makeWorld();
  const b = await makeWorld();
  const keyA = await createApiKey(a.as("owner"), { name: "A key" });
  const keyB = await createApiKey(b.as("owner"), { name: "B key" });
  const inviteB = await createInvite(orgCtx(b.as("owner")), { role: "member" });
  await createInvite(orgCtx(a.as("owner")), { role: "member" });
  await renameProject(b.as("owner"), { name: `b-${randomUUID()}` });
  return { a, b, keyA, keyB, inviteB };
}

describe("cross-organization isolation", () => {
  it("answers NOT_FOUND for another org's project exactly as for a missing one", async () => {
    const { a, b } = await twoOrgs();
    const db = testDb();
    const userA = a.users.owner.id;
    const foreign = await expectAppError(projectContext(db, userA, b.projectId), "NOT_FOUND");
    const missing = await expectAppError(projectContext(db, userA, randomUUID()), "NOT_FOUND");
    const garbage = await expectAppError(projectContext(db, userA, "not-a-uuid"), "NOT_FOUND");
    const injection = await expectAppError(projectContext(db, userA, "' or 1=1 --"), "NOT_FOUND");
    expect(foreign.message).toBe(missing.message);
    expect(garbage.message).toBe(missing.message);
    expect(injection.message).toBe(missing.message);

    // Their own project resolves, with the role they hold.
    const own = await projectContext(db, a.users.viewer.id, a.projectId);
    expect(own).toMatchObject({ orgId: a.orgId, projectId: a.projectId, actor: { type: "user", userId: a.users.viewer.id, role: "viewer" } });
  });

  it("answers NOT_FOUND for another org in orgContext too", async () => {
    const { a, b } = await twoOrgs();
    const db = testDb();
    const foreign = await expectAppError(orgContext(db, a.users.admin.id, b.orgId), "NOT_FOUND");
    const missing = await expectAppError(orgContext(db, a.users.admin.id, randomUUID()), "NOT_FOUND");
    await expectAppError(orgContext(db, a.users.admin.id, "x"), "NOT_FOUND");
    expect(foreign.message).toBe(missing.message);
    expect((await orgContext(db, a.users.admin.id, a.orgId)).actor).toMatchObject({ role: "admin" });
  });

  it("never lists another org's keys, audit rows, members, invites or projects", async () => {
    const { a, b, keyA } = await twoOrgs();
    const ctxA = a.as("owner");

    const keys = await listApiKeys(ctxA);
    expect(keys.map((k) => k.id)).toEqual([keyA.id]);

    const audit = await listAudit(orgCtx(ctxA), { limit: 200 });
    expect(audit.rows.length).toBeGreaterThan(0);
    expect(audit.rows.every((r) => r.orgId === a.orgId)).toBe(true);
    // Even when asked for B's project explicitly.
    expect((await listAudit(orgCtx(ctxA), { projectId: b.projectId })).rows).toEqual([]);

    const { members, invites: pending } = await listMembers(orgCtx(ctxA));
    const bUsers = new Set(Object.values(b.users).map((u) => u.id));
    expect(members).toHaveLength(5);
    expect(members.some((m) => bUsers.has(m.userId))).toBe(false);
    const aInvites = await testDb().select({ id: invites.id }).from(invites).where(eq(invites.orgId, a.orgId));
    expect(pending.map((i) => i.id)).toEqual(aInvites.map((i) => i.id));

    expect((await listProjects(orgCtx(ctxA))).map((p) => p.id)).toEqual([a.projectId]);
  });

  it("cannot revoke another org's key: NOT_FOUND, and the key keeps working", async () => {
    const { a, b, keyB } = await twoOrgs();
    const before = await orgFootprint(b);
    await expectAppError(revokeApiKey(a.as("owner"), { id: keyB.id }), "NOT_FOUND");
    expect(await orgFootprint(b)).toEqual(before);
    const [row] = await testDb().select().from(apiKeys).where(eq(apiKeys.id, keyB.id));
    expect(row!.revokedAt).toBeNull();
    const identity = await authenticateKey(testDb(), keyB.secretKey);
    expect(identity).toMatchObject({ keyId: keyB.id, projectId: b.projectId, orgId: b.orgId });
    expect((await authenticateKey(testDb(), keyB.publicKey))?.keyId).toBe(keyB.id);
  });

  it("cannot change another org's members or invites", async () => {
    const { a, b, inviteB } = await twoOrgs();
    const ctxA = orgCtx(a.as("owner"));
    const before = await orgFootprint(b);
    await expectAppError(updateRole(ctxA, { userId: b.users.viewer.id, role: "admin" }), "NOT_FOUND");
    await expectAppError(removeMember(ctxA, { userId: b.users.owner.id }), "NOT_FOUND");
    await expectAppError(revokeInvite(ctxA, { inviteId: inviteB.id }), "NOT_FOUND");
    expect(await orgFootprint(b)).toEqual(before);
    const [m] = await testDb().select().from(memberships).where(and(eq(memberships.orgId, b.orgId), eq(memberships.userId, b.users.viewer.id)));
    expect(m!.role).toBe("viewer");
  });

  it("keeps a project context pinned to its own project", async () => {
    const { a, b } = await twoOrgs();
    const [bBefore] = await testDb().select().from(projects).where(eq(projects.id, b.projectId));
    // A forged context: A's org with B's project id. Verbs filter by both, so nothing happens to B.
    await expectAppError(renameProject({ ...a.as("owner"), projectId: b.projectId }, { name: "hijacked" }), "NOT_FOUND");
    const [bAfter] = await testDb().select().from(projects).where(eq(projects.id, b.projectId));
    expect(bAfter!.name).toBe(bBefore!.name);
  });
});
