import { randomUUID } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { memberships, organizations, users } from "@/db/schema";
import { verifyPassword } from "@/lib/auth/password";
import { createInvite } from "@/lib/members/invite";
import { signUp } from "@/lib/users/sign-up";
import { verifyCredentials } from "@/lib/users/verify-credentials";
import { testDb } from "@/test/db";
import { auditRowsOf, expectAppError, makeWorld, orgCtx } from "@/test/factories";

const PASSWORD = "correct horse battery";

function uniqueEmail(label = "person") {
  return `${label}-${randomUUID()}@example.test`;
}

async function userByEmail(email: string) {
  return testDb().select().from(users).where(sql`lower(${users.email}) = lower(${email})`);
}

describe("signUp", () => {
  it("creates the user and a new organization they own", async () => {
    const email = uniqueEmail("ada");
    const name = `Ada ${randomUUID()}`;
    const { userId, orgId } = await signUp(testDb(), { name, email, password: PASSWORD });

    const [user] = await userByEmail(email);
    expect(user).toMatchObject({ id: userId, email, name });
    const [org] = await testDb().select().from(organizations).where(eq(organizations.id, orgId));
    expect(org!.name).toBe(`${name}'s organization`);
    const ms = await testDb().select().from(memberships).where(eq(memberships.userId, userId));
    expect(ms).toEqual([expect.objectContaining({ orgId, role: "owner" })]);
    expect((await auditRowsOf(orgId)).map((r) => r.action)).toEqual(["org.create", "member.add"]);
  });

  it("stores a scrypt hash, never the password", async () => {
    const email = uniqueEmail("hash");
    await signUp(testDb(), { name: "Hash", email, password: PASSWORD });
    const [user] = await userByEmail(email);
    expect(user!.passwordHash).toMatch(/^scrypt\$32768\$8\$1\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
    expect(user!.passwordHash).not.toContain(PASSWORD);
    expect(await verifyPassword(PASSWORD, user!.passwordHash)).toBe(true);
    expect(await verifyPassword(`${PASSWORD}!`, user!.passwordHash)).toBe(false);
    // Salted: the same password hashes differently for another user.
    const other = uniqueEmail("hash");
    await signUp(testDb(), { name: "Hash", email: other, password: PASSWORD });
    const [second] = await userByEmail(other);
    expect(second!.passwordHash).not.toBe(user!.passwordHash);
  });

  it("normalizes the email to lower case and refuses a duplicate in another case with CONFLICT", async () => {
    const local = `Grace-${randomUUID()}`;
    await signUp(testDb(), { name: "Grace", email: `${local}@Example.TEST`, password: PASSWORD });
    const [user] = await userByEmail(`${local}@example.test`);
    expect(user!.email).toBe(`${local}@example.test`.toLowerCase());

    const again = `Grace again ${randomUUID()}`;
    await expectAppError(signUp(testDb(), { name: again, email: `${local.toUpperCase()}@EXAMPLE.test`, password: PASSWORD }), "CONFLICT");
    expect(await userByEmail(`${local}@example.test`)).toHaveLength(1);
    // The refused sign-up left no organization behind.
    expect(await testDb().select().from(organizations).where(eq(organizations.name, `${again}'s organization`))).toEqual([]);
  });

  it("refuses a duplicate under concurrency with CONFLICT, not a 500", async () => {
    const email = uniqueEmail("twin");
    const results = await Promise.allSettled([
      signUp(testDb(), { name: "Twin", email, password: PASSWORD }),
      signUp(testDb(), { name: "Twin", email: email.toUpperCase(), password: PASSWORD }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect((results.find((r) => r.status === "rejected") as PromiseRejectedResult).reason).toMatchObject({ code: "CONFLICT" });
    expect(await userByEmail(email)).toHaveLength(1);
  });

  it.each([
    ["a short password", { password: "short" }],
    ["an invalid email", { email: "not-an-email" }],
    ["an empty name", { name: "   " }],
  ])("refuses %s with UNPROCESSABLE_ENTITY and creates nothing", async (_label, override) => {
    const email = uniqueEmail("invalid");
    const err = await expectAppError(signUp(testDb(), { name: "Valid", email, password: PASSWORD, ...override }), "UNPROCESSABLE_ENTITY");
    expect(err.issues?.length).toBeGreaterThan(0);
    expect(await userByEmail(email)).toEqual([]);
  });

  it("joins the invite's organization with the invited role instead of creating one", async () => {
    const world = await makeWorld();
    const invite = await createInvite(orgCtx(world.as("admin")), { role: "reviewer" });
    const email = uniqueEmail("invited");
    const name = `Invited ${randomUUID()}`;
    const { userId, orgId } = await signUp(testDb(), { name, email, password: PASSWORD, inviteToken: invite.token });
    expect(orgId).toBe(world.orgId);
    const ms = await testDb().select().from(memberships).where(eq(memberships.userId, userId));
    expect(ms).toEqual([expect.objectContaining({ orgId: world.orgId, role: "reviewer" })]);
    expect(await testDb().select().from(organizations).where(eq(organizations.name, `${name}'s organization`))).toEqual([]);
    const audit = await auditRowsOf(world.orgId);
    expect(audit.at(-1)).toMatchObject({ action: "member.add", actorId: userId, resourceId: userId, after: { role: "reviewer" } });
  });

  it("rolls the whole sign-up back when the invite is not valid", async () => {
    const world = await makeWorld();
    const invite = await createInvite(orgCtx(world.as("owner")), { role: "member" });
    await signUp(testDb(), { name: "First", email: uniqueEmail("first"), password: PASSWORD, inviteToken: invite.token });
    const email = uniqueEmail("second");
    await expectAppError(signUp(testDb(), { name: "Second", email, password: PASSWORD, inviteToken: invite.token }), "CONFLICT");
    await expectAppError(signUp(testDb(), { name: "Second", email, password: PASSWORD, inviteToken: "z".repeat(40) }), "NOT_FOUND");
    expect(await userByEmail(email)).toEqual([]);
    const members = await testDb().select().from(memberships).where(and(eq(memberships.orgId, world.orgId), eq(memberships.role, "member")));
    expect(members).toHaveLength(2); // the world's member and "First"
  });
});

describe("verifyCredentials", () => {
  it("returns the user for the right password (any email case) and null otherwise", async () => {
    const email = uniqueEmail("login");
    const { userId } = await signUp(testDb(), { name: "Login", email, password: PASSWORD });
    const db = testDb();
    expect(await verifyCredentials(db, { email, password: PASSWORD })).toEqual({ id: userId, email, name: "Login" });
    expect(await verifyCredentials(db, { email: email.toUpperCase(), password: PASSWORD })).toMatchObject({ id: userId });
    expect(await verifyCredentials(db, { email, password: `${PASSWORD}x` })).toBeNull();
    expect(await verifyCredentials(db, { email, password: "" })).toBeNull();
    expect(await verifyCredentials(db, { email: uniqueEmail("nobody"), password: PASSWORD })).toBeNull();
    expect(await verifyCredentials(db, { email: "garbage" })).toBeNull();
    expect(await verifyCredentials(db, null)).toBeNull();
  });
});
