import { randomBytes, randomUUID } from "node:crypto";
import { eq, inArray, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { apiKeys, memberships, organizations, projects, users } from "@/db/schema";
import { authenticateKey } from "@/lib/api-keys/authenticate";
import { initConfigFromEnv, runInit, type InitConfig } from "@/lib/setup/init";
import { verifyCredentials } from "@/lib/users/verify-credentials";
import { testDb } from "@/test/db";
import { auditRowsOf } from "@/test/factories";

const token = (bytes = 24) => randomBytes(bytes).toString("base64url");

function config(): Required<InitConfig> {
  return {
    org: `init-org-${randomUUID()}`,
    project: "production",
    adminEmail: `init-${randomUUID()}@example.test`,
    adminPassword: "init password 123",
    publicKey: `pk-${token(18)}`,
    secretKey: `sk-${token(24)}`,
  };
}

/** Everything runInit could have created for this config. */
async function footprint(c: Required<InitConfig>) {
  const db = testDb();
  const orgs = await db.select().from(organizations).where(eq(organizations.name, c.org));
  const orgIds = orgs.map((o) => o.id);
  const projs = orgIds.length ? await db.select().from(projects).where(inArray(projects.orgId, orgIds)) : [];
  const people = await db.select().from(users).where(sql`lower(${users.email}) = ${c.adminEmail.toLowerCase()}`);
  const members = orgIds.length ? await db.select().from(memberships).where(inArray(memberships.orgId, orgIds)) : [];
  const keys = await db.select().from(apiKeys).where(eq(apiKeys.publicKey, c.publicKey));
  return { orgs, projs, people, members, keys };
}

describe("runInit", () => {
  it("creates the org, project, owner and key pair once, however often it runs", async () => {
    const c = config();
    const first = await runInit(testDb(), c);
    expect(first.created).toEqual(["org", "user", "membership", "project", "api_key"]);
    const second = await runInit(testDb(), c);
    expect(second).toEqual({ ...first, created: [] });

    const { orgs, projs, people, members, keys } = await footprint(c);
    expect(orgs).toHaveLength(1);
    expect(projs).toHaveLength(1);
    expect(projs[0]).toMatchObject({ id: first.projectId, name: "production", orgId: first.orgId });
    expect(people).toHaveLength(1);
    expect(members).toEqual([expect.objectContaining({ userId: first.userId, role: "owner" })]);
    expect(keys).toHaveLength(1);
    expect(keys[0]!.projectId).toBe(first.projectId);
    expect(JSON.stringify(keys[0])).not.toContain(c.secretKey);
    // Only the first run wrote audit rows, as the system.
    const audit = await auditRowsOf(first.orgId);
    expect(audit.map((r) => r.action)).toEqual(["org.create", "member.add", "project.create", "api_key.create"]);
    expect(audit.every((r) => r.actorType === "system")).toBe(true);
  });

  it("makes the configured secret and public key authenticate, and the admin sign in", async () => {
    const c = config();
    const result = await runInit(testDb(), c);
    expect(await authenticateKey(testDb(), c.secretKey)).toMatchObject({ kind: "secret", projectId: result.projectId, orgId: result.orgId });
    expect(await authenticateKey(testDb(), c.publicKey)).toMatchObject({ kind: "public", projectId: result.projectId });
    expect(await verifyCredentials(testDb(), { email: c.adminEmail, password: c.adminPassword })).toMatchObject({ id: result.userId });
  });

  it("does not duplicate anything when instances start at the same time", async () => {
    const c = config();
    const results = await Promise.all([runInit(testDb(), c), runInit(testDb(), c), runInit(testDb(), c)]);
    expect(new Set(results.map((r) => r.orgId)).size).toBe(1);
    expect(results.flatMap((r) => r.created).sort()).toEqual(["api_key", "membership", "org", "project", "user"]);
    const { orgs, projs, people, keys } = await footprint(c);
    expect([orgs.length, projs.length, people.length, keys.length]).toEqual([1, 1, 1, 1]);
  });

  it("matches the admin by email in any case, like sign-in does", async () => {
    const c = config();
    const shouting = { ...c, adminEmail: c.adminEmail.toUpperCase() };
    const first = await runInit(testDb(), shouting);
    const second = await runInit(testDb(), shouting);
    expect(second).toEqual({ ...first, created: [] });
    expect((await runInit(testDb(), c)).userId).toBe(first.userId);
    const { people } = await footprint(c);
    expect(people.map((p) => p.email)).toEqual([c.adminEmail.toLowerCase()]);
    expect(await verifyCredentials(testDb(), { email: c.adminEmail, password: c.adminPassword })).toMatchObject({ id: first.userId });
  });

  it("adds only what is missing to an existing org", async () => {
    const c = config();
    const first = await runInit(testDb(), { org: c.org });
    expect(first).toMatchObject({ projectId: null, userId: null, created: ["org"] });
    const second = await runInit(testDb(), c);
    expect(second.orgId).toBe(first.orgId);
    expect(second.created).toEqual(["user", "membership", "project", "api_key"]);
  });

  it.each([
    ["a public key without its secret", (c: Required<InitConfig>) => ({ ...c, secretKey: undefined }), /together/],
    ["a secret key without its public key", (c: Required<InitConfig>) => ({ ...c, publicKey: undefined }), /together/],
    ["keys without a project", (c: Required<InitConfig>) => ({ ...c, project: undefined }), /PROJECT/],
    ["no org", (c: Required<InitConfig>) => ({ ...c, org: undefined }), /ORG/],
    ["an email without a password", (c: Required<InitConfig>) => ({ ...c, adminPassword: undefined }), /together/],
    ["a short secret key", (c: Required<InitConfig>) => ({ ...c, secretKey: "sk-tooshorttooshort12" }), /secret key/],
    ["keys swapped", (c: Required<InitConfig>) => ({ ...c, publicKey: c.secretKey, secretKey: c.publicKey }), /public key/],
  ])("throws for %s and creates nothing", async (_label, change, message) => {
    const c = config();
    await expect(runInit(testDb(), change(c))).rejects.toThrow(message);
    const { orgs, people, keys } = await footprint(c);
    expect([orgs.length, people.length, keys.length]).toEqual([0, 0, 0]);
  });

  it("throws when the public key exists with another secret, and keeps the original working", async () => {
    const c = config();
    await runInit(testDb(), c);
    await expect(runInit(testDb(), { ...c, secretKey: `sk-${token(24)}` })).rejects.toThrow(/different secret/);
    expect(await authenticateKey(testDb(), c.secretKey)).not.toBeNull();
  });

  it("throws when the public key belongs to another project", async () => {
    const c = config();
    await runInit(testDb(), c);
    await expect(runInit(testDb(), { ...c, project: "staging" })).rejects.toThrow(/another project/);
    const { projs } = await footprint(c);
    expect(projs.map((p) => p.name)).toEqual(["production"]);
  });

  it("reads its config from SEXTANT_INIT_* variables, or none at all", () => {
    expect(initConfigFromEnv({})).toBeNull();
    expect(initConfigFromEnv({ SEXTANT_INIT_ORG: "Acme", SEXTANT_INIT_ADMIN_EMAIL: "Boss@Acme.TEST" })).toEqual({
      org: "Acme",
      project: undefined,
      adminEmail: "boss@acme.test",
      adminPassword: undefined,
      publicKey: undefined,
      secretKey: undefined,
    });
  });
});
