import { and, eq, sql } from "drizzle-orm";
import { describe, expect, it, vi } from "vitest";
import { modelPrices } from "@/db/schema";
import { testDb } from "@/test/db";
import { auditRowsOf, expectAppError, makeWorld } from "@/test/factories";
import { priceEvent } from "./compute";
import { createModelPrice } from "./overrides/create";
import { deleteModelPrice } from "./overrides/delete";
import { listModelPrices } from "./overrides/list";
import { forgetOverrides, loadOverrides } from "./overrides/load";
import { resolveModelPrice } from "./overrides/resolve";

const countPrices = async (projectId: string) =>
  (await testDb().select({ n: sql<number>`count(*)::int` }).from(modelPrices).where(eq(modelPrices.projectId, projectId)))[0]!.n;

const usage = { inputTokens: 1_000_000, outputTokens: 1_000_000 };

describe("model price overrides", () => {
  it("create → list → delete, each change audited", async () => {
    const world = await makeWorld();
    const created = await createModelPrice(world.as("admin"), { modelPattern: "  acme-* ", inputPerMTok: "0.50", outputPerMTok: 1.5, cachedInputPerMTok: "0.050000000" });
    expect(created).toMatchObject({ modelPattern: "acme-*", inputPerMTok: "0.5", outputPerMTok: "1.5", cachedInputPerMTok: "0.05", reasoningPerMTok: null });
    expect(created.createdAt).toBeInstanceOf(Date);
    expect(await listModelPrices(world.as("viewer"))).toEqual([created]);

    let audit = await auditRowsOf(world.orgId);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      projectId: world.projectId,
      actorId: world.users.admin.id,
      action: "model_price.create",
      resourceType: "model_price",
      resourceId: created.id,
      before: null,
      after: { modelPattern: "acme-*", inputPerMTok: "0.5", outputPerMTok: "1.5", cachedInputPerMTok: "0.05", reasoningPerMTok: null },
    });

    await deleteModelPrice(world.as("owner"), { id: created.id });
    expect(await listModelPrices(world.as("owner"))).toEqual([]);
    audit = await auditRowsOf(world.orgId);
    expect(audit).toHaveLength(2);
    expect(audit[1]).toMatchObject({ actorId: world.users.owner.id, action: "model_price.delete", resourceId: created.id, before: { modelPattern: "acme-*" }, after: null });
    await expectAppError(deleteModelPrice(world.as("owner"), { id: created.id }), "NOT_FOUND");
  });

  it("keeps nine decimals exactly and refuses prices it cannot store exactly", async () => {
    const world = await makeWorld();
    const ctx = world.as("owner");
    const tiny = await createModelPrice(ctx, { modelPattern: "tiny", inputPerMTok: "0.000000001", outputPerMTok: 0.15, reasoningPerMTok: "123456.123456789" });
    expect(tiny).toMatchObject({ inputPerMTok: "0.000000001", outputPerMTok: "0.15", reasoningPerMTok: "123456.123456789" });
    const [stored] = await testDb().select().from(modelPrices).where(eq(modelPrices.id, tiny.id));
    expect(stored!.inputPerMTok).toBe("0.000000001");

    const bad = [
      { inputPerMTok: "0.0000000001" }, // 10 decimals
      { inputPerMTok: -1 },
      { inputPerMTok: "-0.5" },
      { inputPerMTok: 1e-7 }, // String(1e-7) is "1e-7"
      { inputPerMTok: "2,50" },
      { inputPerMTok: "1000001" },
      { outputPerMTok: undefined },
      { modelPattern: "   " },
      { modelPattern: "m".repeat(201) },
    ];
    for (const patch of bad) {
      const err = await expectAppError(createModelPrice(ctx, { modelPattern: "m", inputPerMTok: "1", outputPerMTok: "1", ...patch } as never), "UNPROCESSABLE_ENTITY");
      expect(err.issues?.length, JSON.stringify(patch)).toBeGreaterThan(0);
    }
    expect(await countPrices(world.projectId)).toBe(1);
  });

  it("refuses a second price for the same pattern (ignoring case)", async () => {
    const world = await makeWorld();
    await createModelPrice(world.as("owner"), { modelPattern: "My-Model", inputPerMTok: "1", outputPerMTok: "2" });
    await expectAppError(createModelPrice(world.as("owner"), { modelPattern: "my-model", inputPerMTok: "3", outputPerMTok: "4" }), "CONFLICT");
    expect(await countPrices(world.projectId)).toBe(1);
    expect(await auditRowsOf(world.orgId)).toHaveLength(1);
  });

  it.each(["viewer", "reviewer", "member"] as const)("refuses a %s creating or deleting a price, and writes nothing", async (role) => {
    const world = await makeWorld();
    const existing = await createModelPrice(world.as("owner"), { modelPattern: "gpt-4o", inputPerMTok: "1", outputPerMTok: "1" });
    const err = await expectAppError(createModelPrice(world.as(role), { modelPattern: "x", inputPerMTok: "1", outputPerMTok: "1" }), "FORBIDDEN");
    expect(err.message).toContain('"settings.update"');
    await expectAppError(deleteModelPrice(world.as(role), { id: existing.id }), "FORBIDDEN");
    expect(await countPrices(world.projectId)).toBe(1);
    expect(await auditRowsOf(world.orgId)).toHaveLength(1);
    // Reading is allowed to every role.
    expect((await listModelPrices(world.as(role))).map((p) => p.id)).toEqual([existing.id]);
  });

  it("keeps another project's prices invisible, undeletable and out of its pricing", async () => {
    const one = await makeWorld();
    const two = await makeWorld();
    const mine = await createModelPrice(one.as("owner"), { modelPattern: "gpt-4o", inputPerMTok: "0", outputPerMTok: "0" });
    expect(await listModelPrices(two.as("owner"))).toEqual([]);
    await expectAppError(deleteModelPrice(two.as("owner"), { id: mine.id }), "NOT_FOUND");
    expect(await countPrices(one.projectId)).toBe(1);
    expect(await auditRowsOf(two.orgId)).toEqual([]);
    expect(await resolveModelPrice(one.as("viewer"), { model: "gpt-4o" })).toMatchObject({ source: "override", overrideId: mine.id });
    expect(await resolveModelPrice(two.as("viewer"), { model: "gpt-4o" })).toMatchObject({ source: "table", model: "gpt-4o" });
    expect(priceEvent({ model: "gpt-4o", usage }, await loadOverrides(testDb(), two.projectId))).toEqual({ costNanos: 12_500_000_000n, costSource: "table" });
    expect(priceEvent({ model: "gpt-4o", usage }, await loadOverrides(testDb(), one.projectId))).toEqual({ costNanos: 0n, costSource: "override" });
  });

  it("ingest prices with a new or removed override at once on this instance", async () => {
    const world = await makeWorld();
    const db = testDb();
    expect(priceEvent({ model: "acme-7b", usage }, await loadOverrides(db, world.projectId)).costSource).toBe("unpriced");
    const created = await createModelPrice(world.as("owner"), { modelPattern: "acme-*", inputPerMTok: "1", outputPerMTok: "3" });
    expect(priceEvent({ model: "acme-7b", usage }, await loadOverrides(db, world.projectId))).toEqual({ costNanos: 4_000_000_000n, costSource: "override" });
    await deleteModelPrice(world.as("owner"), { id: created.id });
    expect(priceEvent({ model: "acme-7b", usage }, await loadOverrides(db, world.projectId)).costSource).toBe("unpriced");
  });

  it("caches a project's overrides for ingest, shared by every bundle of the app", async () => {
    const world = await makeWorld();
    const db = testDb();
    expect(await loadOverrides(db, world.projectId)).toEqual([]);
    // A row written behind the verbs' back is not seen until the entry expires or is forgotten.
    await db.insert(modelPrices).values({ projectId: world.projectId, modelPattern: "raw", inputPerMTok: "1", outputPerMTok: "1" });
    expect(await loadOverrides(db, world.projectId)).toEqual([]);
    // A second copy of the module (as Next.js gives route handlers and server actions) shares the cache.
    vi.resetModules();
    const other = await import("./overrides/load");
    expect(other.forgetOverrides).not.toBe(forgetOverrides);
    expect(await other.loadOverrides(db, world.projectId)).toEqual([]);
    other.forgetOverrides(world.projectId);
    expect((await loadOverrides(db, world.projectId)).map((r) => r.modelPattern)).toEqual(["raw"]);
  });

  it("expires a cached entry after the TTL", async () => {
    const world = await makeWorld();
    const db = testDb();
    vi.useFakeTimers({ toFake: ["Date"] });
    try {
      expect(await loadOverrides(db, world.projectId)).toEqual([]);
      await db.insert(modelPrices).values({ projectId: world.projectId, modelPattern: "late", inputPerMTok: "1", outputPerMTok: "1" });
      vi.setSystemTime(Date.now() + 9_000);
      expect(await loadOverrides(db, world.projectId)).toEqual([]);
      vi.setSystemTime(Date.now() + 2_000);
      expect((await loadOverrides(db, world.projectId)).map((r) => r.modelPattern)).toEqual(["late"]);
    } finally {
      vi.useRealTimers();
    }
  });

  it("deleting needs a well-formed id", async () => {
    const world = await makeWorld();
    await expectAppError(deleteModelPrice(world.as("owner"), { id: "nope" }), "UNPROCESSABLE_ENTITY");
    const rows = await testDb().select().from(modelPrices).where(and(eq(modelPrices.projectId, world.projectId)));
    expect(rows).toEqual([]);
  });
});
