import { createHash } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { apiKeys, auditLog } from "@/db/schema";
import { authenticateKey, bearerToken } from "@/lib/api-keys/authenticate";
import { createApiKey } from "@/lib/api-keys/create";
import { listApiKeys } from "@/lib/api-keys/list";
import { revokeApiKey } from "@/lib/api-keys/revoke";
import { testDb } from "@/test/db";
import { auditRowsOf, expectAppError, makeWorld } from "@/test/factories";

const sha256 = (v: string) => createHash("sha256").update(v).digest("hex");

/** The id of the transaction that last wrote a row, to prove two writes shared one. */
async function writerTx(table: "api_keys" | "audit_log", where: ReturnType<typeof sql>): Promise<string> {
  const res = await testDb().execute<{ xmin: string }>(sql`select xmin::text as xmin from ${sql.identifier(table)} where ${where}`);
  expect(res.rows).toHaveLength(1);
  return res.rows[0]!.xmin;
}

describe("API keys", () => {
  it("creates an sk-/pk- pair and stores only the secret's SHA-256", async () => {
    const world = await makeWorld();
    const key = await createApiKey(world.as("admin"), { name: "backend" });
    expect(key.publicKey).toMatch(/^pk-[A-Za-z0-9_-]{22}$/);
    expect(key.secretKey).toMatch(/^sk-[A-Za-z0-9_-]{32}$/);
    expect(key.name).toBe("backend");

    const db = testDb();
    const [row] = await db.select().from(apiKeys).where(eq(apiKeys.id, key.id));
    expect(row).toMatchObject({ projectId: world.projectId, publicKey: key.publicKey, secretHash: sha256(key.secretKey), createdBy: world.users.admin.id, revokedAt: null });
    expect(row!.secretPrefix).toBe(`${key.secretKey.slice(0, 7)}…`);

    // The plaintext secret (and its random part) appears nowhere in the stored row or the audit log.
    const secretBody = key.secretKey.slice(3);
    const raw = await db.execute(sql`select row_to_json(k)::text as j from api_keys k where id = ${key.id}`);
    const audit = await db.execute(sql`select row_to_json(a)::text as j from audit_log a where org_id = ${world.orgId}`);
    expect(audit.rows.length).toBeGreaterThan(0);
    for (const { j } of [...raw.rows, ...audit.rows] as { j: string }[]) {
      expect(j).not.toContain(key.secretKey);
      expect(j).not.toContain(secretBody);
    }
  });

  it("defaults the name and refuses an empty one", async () => {
    const world = await makeWorld();
    const key = await createApiKey(world.as("owner"), {});
    expect(key.name).toBe("Default");
    await expectAppError(createApiKey(world.as("owner"), { name: "   " }), "UNPROCESSABLE_ENTITY");
    expect((await listApiKeys(world.as("owner"))).map((k) => k.id)).toEqual([key.id]);
  });

  it("authenticates both keys of the pair, and nothing else", async () => {
    const world = await makeWorld();
    const key = await createApiKey(world.as("member"), { name: "sdk" });
    const db = testDb();
    const expected = { keyId: key.id, projectId: world.projectId, orgId: world.orgId, name: "sdk", publicKey: key.publicKey };
    expect(await authenticateKey(db, key.secretKey)).toEqual({ ...expected, kind: "secret" });
    expect(await authenticateKey(db, key.publicKey)).toEqual({ ...expected, kind: "public" });
    // The stored hash is not a credential, nor is a key with one character changed.
    expect(await authenticateKey(db, `sk-${sha256(key.secretKey).slice(0, 40)}`)).toBeNull();
    const flipped = key.secretKey.slice(0, -1) + (key.secretKey.endsWith("A") ? "B" : "A");
    expect(await authenticateKey(db, flipped)).toBeNull();
    expect(await authenticateKey(db, "not a key")).toBeNull();
  });

  it("stops authenticating a key the moment it is revoked (even when it was cached)", async () => {
    const world = await makeWorld();
    const key = await createApiKey(world.as("owner"), { name: "short-lived" });
    const db = testDb();
    // Warm the lookup cache for both halves first.
    expect(await authenticateKey(db, key.secretKey)).not.toBeNull();
    expect(await authenticateKey(db, key.publicKey)).not.toBeNull();
    await revokeApiKey(world.as("member"), { id: key.id });
    expect(await authenticateKey(db, key.secretKey)).toBeNull();
    expect(await authenticateKey(db, key.publicKey)).toBeNull();
    const [listed] = await listApiKeys(world.as("viewer"));
    expect(listed!.revokedAt).toBeInstanceOf(Date);
  });

  it("writes audit rows for create and revoke in the same transaction as the change", async () => {
    const world = await makeWorld();
    const key = await createApiKey(world.as("admin"), { name: "audited" });
    const createdTx = await writerTx("api_keys", sql`id = ${key.id}`);

    let rows = await auditRowsOf(world.orgId);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      projectId: world.projectId,
      actorType: "user",
      actorId: world.users.admin.id,
      actorLabel: world.users.admin.email,
      action: "api_key.create",
      resourceType: "api_key",
      resourceId: key.id,
      before: null,
      after: { name: "audited", publicKey: key.publicKey, secretPrefix: `${key.secretKey.slice(0, 7)}…` },
    });
    expect(await writerTx("audit_log", sql`org_id = ${world.orgId} and id = ${rows[0]!.id}`)).toBe(createdTx);

    await revokeApiKey(world.as("owner"), { id: key.id });
    const revokedTx = await writerTx("api_keys", sql`id = ${key.id}`);
    expect(revokedTx).not.toBe(createdTx);
    rows = await auditRowsOf(world.orgId);
    expect(rows).toHaveLength(2);
    expect(rows[1]).toMatchObject({
      actorType: "user",
      actorId: world.users.owner.id,
      actorLabel: world.users.owner.email,
      action: "api_key.revoke",
      resourceType: "api_key",
      resourceId: key.id,
      before: { name: "audited", publicKey: key.publicKey },
      after: null,
    });
    expect(await writerTx("audit_log", sql`org_id = ${world.orgId} and id = ${rows[1]!.id}`)).toBe(revokedTx);
  });

  it("revoking twice is harmless and audits once", async () => {
    const world = await makeWorld();
    const key = await createApiKey(world.as("owner"), { name: "twice" });
    await revokeApiKey(world.as("owner"), { id: key.id });
    const [first] = await testDb().select().from(apiKeys).where(eq(apiKeys.id, key.id));
    await revokeApiKey(world.as("owner"), { id: key.id });
    const [second] = await testDb().select().from(apiKeys).where(eq(apiKeys.id, key.id));
    expect(second!.revokedAt).toEqual(first!.revokedAt);
    const revokes = await testDb().select().from(auditLog).where(and(eq(auditLog.orgId, world.orgId), eq(auditLog.action, "api_key.revoke")));
    expect(revokes).toHaveLength(1);
  });

  it("answers NOT_FOUND for an unknown key id and 422 for a malformed one", async () => {
    const world = await makeWorld();
    await expectAppError(revokeApiKey(world.as("owner"), { id: "3f1c6a57-0b5e-4a8e-9a53-2f0f1d1b7c11" }), "NOT_FOUND");
    await expectAppError(revokeApiKey(world.as("owner"), { id: "nope" }), "UNPROCESSABLE_ENTITY");
    expect(await auditRowsOf(world.orgId)).toEqual([]);
  });

  it("parses only well-formed Bearer headers", () => {
    expect(bearerToken("Bearer sk-abc")).toBe("sk-abc");
    expect(bearerToken("bearer   pk-abc  ")).toBe("pk-abc");
    expect(bearerToken(null)).toBeNull();
    expect(bearerToken("Basic dXNlcjpwYXNz")).toBeNull();
    expect(bearerToken("Bearer a b")).toBeNull();
  });
});
