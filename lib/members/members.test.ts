import { createHash } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { invites, memberships } from "@/db/schema";
import { acceptInvite } from "@/lib/members/accept-invite";
import { createInvite } from "@/lib/members/invite";
import { listMembers } from "@/lib/members/list";
import { peekInvite } from "@/lib/members/peek-invite";
import { removeMember, revokeInvite } from "@/lib/members/remove";
import { updateRole } from "@/lib/members/update-role";
import { testDb } from "@/test/db";
import { addMember, auditRowsOf, expectAppError, makeUser, makeWorld, orgCtx, orgFootprint } from "@/test/factories";

const sha256 = (v: string) => createHash("sha256").update(v).digest("hex");

async function roleOf(orgId: string, userId: string) {
  const [m] = await testDb().select().from(memberships).where(and(eq(memberships.orgId, orgId), eq(memberships.userId, userId)));
  return m?.role ?? null;
}

async function ownerCount(orgId: string) {
  const rows = await testDb().select().from(memberships).where(and(eq(memberships.orgId, orgId), eq(memberships.role, "owner")));
  return rows.length;
}

describe("invites", () => {
  it("invite → accept adds the membership with the invited role, once", async () => {
    const world = await makeWorld();
    const invite = await createInvite(orgCtx(world.as("admin")), { role: "reviewer" });
    expect(invite.path).toBe(`/invite/${invite.token}`);
    expect(invite.token.length).toBeGreaterThanOrEqual(32);

    // Only the token's hash is stored.
    const [row] = await testDb().select().from(invites).where(and(eq(invites.orgId, world.orgId), eq(invites.id, invite.id)));
    expect(row!.tokenHash).toBe(sha256(invite.token));
    expect(JSON.stringify(row)).not.toContain(invite.token);
    expect(await peekInvite(testDb(), invite.token)).toMatchObject({ role: "reviewer", status: "open" });

    const joiner = await makeUser("joiner");
    const result = await acceptInvite(testDb(), { userId: joiner.id, email: joiner.email, token: invite.token });
    expect(result).toEqual({ orgId: world.orgId });
    expect(await roleOf(world.orgId, joiner.id)).toBe("reviewer");

    const [used] = await testDb().select().from(invites).where(and(eq(invites.orgId, world.orgId), eq(invites.id, invite.id)));
    expect(used!.acceptedBy).toBe(joiner.id);
    expect(used!.acceptedAt).toBeInstanceOf(Date);
    expect(await peekInvite(testDb(), invite.token)).toMatchObject({ status: "used" });

    const audit = await auditRowsOf(world.orgId);
    expect(audit.map((r) => r.action)).toEqual(["invite.create", "member.add"]);
    expect(audit[0]).toMatchObject({ actorId: world.users.admin.id, resourceType: "invite", resourceId: invite.id });
    expect(audit[1]).toMatchObject({ actorId: joiner.id, resourceType: "member", resourceId: joiner.id, after: { role: "reviewer", inviteId: invite.id } });
    expect(JSON.stringify(audit)).not.toContain(invite.token);
  });

  it("refuses a used invite with CONFLICT", async () => {
    const world = await makeWorld();
    const invite = await createInvite(orgCtx(world.as("owner")), { role: "member" });
    const first = await makeUser("first");
    await acceptInvite(testDb(), { userId: first.id, email: first.email, token: invite.token });
    const second = await makeUser("second");
    await expectAppError(acceptInvite(testDb(), { userId: second.id, email: second.email, token: invite.token }), "CONFLICT");
    expect(await roleOf(world.orgId, second.id)).toBeNull();
  });

  it("refuses an expired invite with CONFLICT", async () => {
    const world = await makeWorld();
    const invite = await createInvite(orgCtx(world.as("owner")), { role: "member", expiresInDays: 1 });
    await testDb()
      .update(invites)
      .set({ expiresAt: sql`now() - interval '1 minute'` })
      .where(and(eq(invites.orgId, world.orgId), eq(invites.id, invite.id)));
    const user = await makeUser("late");
    await expectAppError(acceptInvite(testDb(), { userId: user.id, email: user.email, token: invite.token }), "CONFLICT");
    expect(await roleOf(world.orgId, user.id)).toBeNull();
    expect(await peekInvite(testDb(), invite.token)).toMatchObject({ status: "expired" });
    // Expired invites are no longer listed as pending.
    expect((await listMembers(orgCtx(world.as("owner")))).invites).toEqual([]);
  });

  it("refuses a revoked invite with NOT_FOUND, like an unknown one", async () => {
    const world = await makeWorld();
    const invite = await createInvite(orgCtx(world.as("owner")), { role: "viewer" });
    await revokeInvite(orgCtx(world.as("admin")), { inviteId: invite.id });
    const user = await makeUser("too-late");
    const revoked = await expectAppError(acceptInvite(testDb(), { userId: user.id, email: user.email, token: invite.token }), "NOT_FOUND");
    const unknown = await expectAppError(acceptInvite(testDb(), { userId: user.id, email: user.email, token: "x".repeat(32) }), "NOT_FOUND");
    expect(revoked.message).toBe(unknown.message);
    expect(await roleOf(world.orgId, user.id)).toBeNull();
    expect(await peekInvite(testDb(), invite.token)).toBeNull();
    expect((await auditRowsOf(world.orgId)).map((r) => r.action)).toEqual(["invite.create", "invite.revoke"]);
  });

  it("refuses an existing member with CONFLICT and leaves the invite usable", async () => {
    const world = await makeWorld();
    const invite = await createInvite(orgCtx(world.as("owner")), { role: "admin" });
    await expectAppError(acceptInvite(testDb(), { userId: world.users.viewer.id, email: world.users.viewer.email, token: invite.token }), "CONFLICT");
    expect(await roleOf(world.orgId, world.users.viewer.id)).toBe("viewer");
    expect(await peekInvite(testDb(), invite.token)).toMatchObject({ status: "open" });
  });

  it("lets an invite be accepted only once under concurrency", async () => {
    const world = await makeWorld();
    const invite = await createInvite(orgCtx(world.as("owner")), { role: "member" });
    const racers = await Promise.all([makeUser("racer"), makeUser("racer"), makeUser("racer")]);
    const results = await Promise.allSettled(racers.map((u) => acceptInvite(testDb(), { userId: u.id, email: u.email, token: invite.token })));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    for (const r of results) if (r.status === "rejected") expect(r.reason).toMatchObject({ code: "CONFLICT" });
    const joined = await Promise.all(racers.map((u) => roleOf(world.orgId, u.id)));
    expect(joined.filter(Boolean)).toEqual(["member"]);
  });

  it("does not let an admin invite someone as owner; an owner can", async () => {
    const world = await makeWorld();
    const before = await orgFootprint(world);
    await expectAppError(createInvite(orgCtx(world.as("admin")), { role: "owner" }), "FORBIDDEN");
    expect(await orgFootprint(world)).toEqual(before);
    const invite = await createInvite(orgCtx(world.as("owner")), { role: "owner" });
    expect(invite.role).toBe("owner");
  });

  it("validates the invite input", async () => {
    const world = await makeWorld();
    await expectAppError(createInvite(orgCtx(world.as("owner")), { role: "superuser" as never }), "UNPROCESSABLE_ENTITY");
    await expectAppError(createInvite(orgCtx(world.as("owner")), { role: "member", expiresInDays: 90 }), "UNPROCESSABLE_ENTITY");
    expect((await orgFootprint(world)).invites).toBe(0);
  });

  it("shows pending invites only to those who can manage them", async () => {
    const world = await makeWorld();
    const invite = await createInvite(orgCtx(world.as("owner")), { role: "member" });
    expect((await listMembers(orgCtx(world.as("admin")))).invites.map((i) => i.id)).toEqual([invite.id]);
    expect((await listMembers(orgCtx(world.as("member")))).invites).toEqual([]);
  });
});

describe("roles and removal", () => {
  it("does not let an admin change an owner's role or make someone owner", async () => {
    const world = await makeWorld();
    const admin = orgCtx(world.as("admin"));
    const before = await orgFootprint(world);
    await expectAppError(updateRole(admin, { userId: world.users.owner.id, role: "viewer" }), "FORBIDDEN");
    await expectAppError(updateRole(admin, { userId: world.users.member.id, role: "owner" }), "FORBIDDEN");
    await expectAppError(updateRole(admin, { userId: world.users.admin.id, role: "owner" }), "FORBIDDEN");
    await expectAppError(removeMember(admin, { userId: world.users.owner.id }), "FORBIDDEN");
    expect(await orgFootprint(world)).toEqual(before);
  });

  it("lets an admin manage roles up to admin", async () => {
    const world = await makeWorld();
    await updateRole(orgCtx(world.as("admin")), { userId: world.users.viewer.id, role: "admin" });
    expect(await roleOf(world.orgId, world.users.viewer.id)).toBe("admin");
  });

  it("refuses to demote the last owner with CONFLICT", async () => {
    const world = await makeWorld();
    const owner = orgCtx(world.as("owner"));
    const before = await orgFootprint(world);
    await expectAppError(updateRole(owner, { userId: world.users.owner.id, role: "admin" }), "CONFLICT");
    expect(await orgFootprint(world)).toEqual(before);
    expect(await roleOf(world.orgId, world.users.owner.id)).toBe("owner");
  });

  it("refuses to remove the last owner with CONFLICT", async () => {
    const world = await makeWorld();
    const before = await orgFootprint(world);
    await expectAppError(removeMember(orgCtx(world.as("owner")), { userId: world.users.owner.id }), "CONFLICT");
    expect(await orgFootprint(world)).toEqual(before);
  });

  it("lets an owner step down or leave once there is another owner", async () => {
    const world = await makeWorld();
    const owner = orgCtx(world.as("owner"));
    const second = await addMember(world.orgId, "owner", "second-owner");
    await updateRole(owner, { userId: world.users.owner.id, role: "admin" });
    expect(await roleOf(world.orgId, world.users.owner.id)).toBe("admin");
    expect(await ownerCount(world.orgId)).toBe(1);
    // Now the second owner is the last one.
    await expectAppError(removeMember(owner, { userId: second.id }), "CONFLICT");
  });

  it("keeps at least one owner when two owners demote each other at the same time", async () => {
    const world = await makeWorld();
    const second = await addMember(world.orgId, "owner", "second-owner");
    const ctxFirst = orgCtx(world.as("owner"));
    const ctxSecond = { ...ctxFirst, actor: { type: "user" as const, userId: second.id, email: second.email, role: "owner" as const } };
    const results = await Promise.allSettled([
      updateRole(ctxFirst, { userId: second.id, role: "viewer" }),
      updateRole(ctxSecond, { userId: world.users.owner.id, role: "viewer" }),
    ]);
    expect(await ownerCount(world.orgId)).toBe(1);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const failure = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(failure.reason).toMatchObject({ code: "CONFLICT" });
  });

  it("keeps at least one owner when two owners are removed at the same time", async () => {
    const world = await makeWorld();
    const second = await addMember(world.orgId, "owner", "second-owner");
    const ctx = orgCtx(world.as("owner"));
    const results = await Promise.allSettled([removeMember(ctx, { userId: second.id }), removeMember(ctx, { userId: world.users.owner.id })]);
    expect(await ownerCount(world.orgId)).toBe(1);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect((results.find((r) => r.status === "rejected") as PromiseRejectedResult).reason).toMatchObject({ code: "CONFLICT" });
  });

  it("writes an audit row with the role before and after", async () => {
    const world = await makeWorld();
    await updateRole(orgCtx(world.as("admin")), { userId: world.users.member.id, role: "reviewer" });
    const audit = await auditRowsOf(world.orgId);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      actorType: "user",
      actorId: world.users.admin.id,
      actorLabel: world.users.admin.email,
      action: "member.update_role",
      resourceType: "member",
      resourceId: world.users.member.id,
      before: { role: "member" },
      after: { role: "reviewer" },
    });
    // Setting the same role again changes nothing and audits nothing.
    await updateRole(orgCtx(world.as("admin")), { userId: world.users.member.id, role: "reviewer" });
    expect(await auditRowsOf(world.orgId)).toHaveLength(1);
  });

  it("removes a member with an audit row, and NOT_FOUND for a non-member", async () => {
    const world = await makeWorld();
    await removeMember(orgCtx(world.as("admin")), { userId: world.users.viewer.id });
    expect(await roleOf(world.orgId, world.users.viewer.id)).toBeNull();
    expect(await auditRowsOf(world.orgId)).toMatchObject([{ action: "member.remove", resourceId: world.users.viewer.id, before: { role: "viewer" } }]);
    await expectAppError(removeMember(orgCtx(world.as("admin")), { userId: world.users.viewer.id }), "NOT_FOUND");
    const outsider = await makeUser("outsider");
    await expectAppError(updateRole(orgCtx(world.as("admin")), { userId: outsider.id, role: "viewer" }), "NOT_FOUND");
  });
});
