import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { projectSettings } from "@/db/schema";
import { testDb } from "@/test/db";
import { auditRowsOf, expectAppError, makeWorld } from "@/test/factories";
import { getProjectSettings } from "./get";
import { forgetIngestSettings, loadIngestSettings } from "./load";
import { updateProjectSettings } from "./update";

const DEFAULTS = {
  retentionDays: 30,
  redaction: { detectors: { email: true, phone: true, creditCard: true, ip: true, secret: true }, customPatterns: [] },
};

async function storedRow(projectId: string) {
  const [row] = await testDb().select().from(projectSettings).where(eq(projectSettings.projectId, projectId));
  return row ?? null;
}

describe("project settings", () => {
  it("answers the defaults before anything is saved, and saves nothing by reading", async () => {
    const world = await makeWorld();
    expect(await getProjectSettings(world.as("viewer"))).toEqual(DEFAULTS);
    expect(await storedRow(world.projectId)).toBeNull();
  });

  it("merges a partial update, stores it and audits before/after in the same transaction", async () => {
    const world = await makeWorld();
    const saved = await updateProjectSettings(world.as("admin"), {
      retentionDays: 90,
      redaction: { detectors: { phone: false }, customPatterns: [{ name: "order_id", pattern: "ORD-\\d+" }] },
    });
    const expected = {
      retentionDays: 90,
      redaction: { detectors: { ...DEFAULTS.redaction.detectors, phone: false }, customPatterns: [{ name: "order_id", pattern: "ORD-\\d+" }] },
    };
    expect(saved).toEqual(expected);
    expect(await getProjectSettings(world.as("reviewer"))).toEqual(expected);

    const [audit] = await auditRowsOf(world.orgId);
    expect(audit).toMatchObject({
      projectId: world.projectId,
      actorType: "user",
      actorId: world.users.admin.id,
      action: "settings.update",
      resourceType: "project_settings",
      resourceId: world.projectId,
      before: DEFAULTS,
      after: expected,
    });
    const xmin = async (table: string, where: ReturnType<typeof sql>) =>
      (await testDb().execute<{ x: string }>(sql`select xmin::text as x from ${sql.identifier(table)} where ${where}`)).rows[0]!.x;
    expect(await xmin("audit_log", sql`org_id = ${world.orgId} and id = ${audit!.id}`)).toBe(await xmin("project_settings", sql`project_id = ${world.projectId}`));

    // A second change keeps what it does not mention: the retention, the other detectors, the patterns.
    const again = await updateProjectSettings(world.as("owner"), { redaction: { detectors: { email: false } } });
    expect(again).toEqual({ ...expected, redaction: { ...expected.redaction, detectors: { ...expected.redaction.detectors, email: false } } });
    const rows = await auditRowsOf(world.orgId);
    expect(rows).toHaveLength(2);
    expect(rows[1]).toMatchObject({ before: expected, after: again });
  });

  it("writes and audits nothing for a change that changes nothing", async () => {
    const world = await makeWorld();
    expect(await updateProjectSettings(world.as("owner"), {})).toEqual(DEFAULTS);
    expect(await updateProjectSettings(world.as("owner"), { retentionDays: 30, redaction: { detectors: { email: true } } })).toEqual(DEFAULTS);
    expect(await storedRow(world.projectId)).toBeNull();
    expect(await auditRowsOf(world.orgId)).toEqual([]);
  });

  it.each(["member", "reviewer", "viewer"] as const)("refuses a %s, and nothing changes", async (role) => {
    const world = await makeWorld();
    await updateProjectSettings(world.as("owner"), { retentionDays: 60 });
    const err = await expectAppError(updateProjectSettings(world.as(role), { retentionDays: 7, redaction: { detectors: { secret: false } } }), "FORBIDDEN");
    expect(err.message).toContain('"settings.update"');
    expect((await getProjectSettings(world.as(role))).retentionDays).toBe(60);
    expect(await auditRowsOf(world.orgId)).toHaveLength(1);
  });

  it("keeps each project's settings to itself", async () => {
    const one = await makeWorld();
    const two = await makeWorld();
    await updateProjectSettings(one.as("owner"), { retentionDays: 365, redaction: { detectors: { ip: false } } });
    expect(await getProjectSettings(two.as("owner"))).toEqual(DEFAULTS);
    await updateProjectSettings(two.as("owner"), { retentionDays: 7 });
    expect((await getProjectSettings(one.as("viewer"))).retentionDays).toBe(365);
    expect((await getProjectSettings(two.as("viewer"))).redaction.detectors.ip).toBe(true);
    expect((await auditRowsOf(two.orgId)).map((r) => r.projectId)).toEqual([two.projectId]);
  });

  it.each([
    ["a pattern that is not a regular expression", { redaction: { customPatterns: [{ name: "bad", pattern: "([a-z" }] } }, "redaction.customPatterns.0.pattern", "not a valid JavaScript regular expression"],
    ["a pattern that matches the empty string", { redaction: { customPatterns: [{ name: "all", pattern: "\\d*" }] } }, "redaction.customPatterns.0.pattern", "empty string"],
    ["a pattern that can backtrack exponentially", { redaction: { customPatterns: [{ name: "slow", pattern: "^(\\w+\\s?)*$" }] } }, "redaction.customPatterns.0.pattern", "exponential time"],
    ["a pattern name with spaces", { redaction: { customPatterns: [{ name: "order id", pattern: "x+" }] } }, "redaction.customPatterns.0.name", "letters, digits or underscores"],
    ["two patterns with one name", { redaction: { customPatterns: [{ name: "Ticket", pattern: "T\\d+" }, { name: "ticket", pattern: "K\\d+" }] } }, "redaction.customPatterns.1.name", "already used"],
    ["a pattern named like a built-in detector", { redaction: { customPatterns: [{ name: "email", pattern: "x+" }] } }, "redaction.customPatterns.0.name", "already used"],
    ["a pattern over 300 characters", { redaction: { customPatterns: [{ name: "long", pattern: "a".repeat(301) }] } }, "redaction.customPatterns.0.pattern", "300"],
    ["21 patterns", { redaction: { customPatterns: Array.from({ length: 21 }, (_, i) => ({ name: `p${i}`, pattern: `P${i}` })) } }, "redaction.customPatterns", "At most 20"],
    ["retention of 0 days", { retentionDays: 0 }, "retentionDays", "at least 1 day"],
    ["retention over 10 years", { retentionDays: 3651 }, "retentionDays", "at most 3650"],
    ["fractional retention", { retentionDays: 1.5 }, "retentionDays", "whole number"],
    ["an unknown detector", { redaction: { detectors: { ssn: true } } }, "redaction.detectors", ""],
    ["an unknown field", { retention: 7 }, "(body)", ""],
  ])("refuses %s with 422 and writes nothing", async (_what, input, path, message) => {
    const world = await makeWorld();
    const err = await expectAppError(updateProjectSettings(world.as("owner"), input as never), "UNPROCESSABLE_ENTITY");
    expect(err.issues?.[0]?.path).toBe(path);
    expect(err.issues?.[0]?.message).toContain(message);
    expect(await storedRow(world.projectId)).toBeNull();
    expect(await auditRowsOf(world.orgId)).toEqual([]);
  });
});

describe("ingest settings", () => {
  it("compiles the saved redaction once, reuses it, and picks up an update at once", async () => {
    const world = await makeWorld();
    const db = testDb();
    forgetIngestSettings(world.projectId);
    const first = await loadIngestSettings(db, world.projectId);
    expect(first.retentionDays).toBe(30);
    expect(first.redactor.text("mail jane@example.com about TCK-42", {})).toBe("mail [EMAIL] about TCK-42");
    expect(await loadIngestSettings(db, world.projectId)).toBe(first);

    await updateProjectSettings(world.as("owner"), { retentionDays: 14, redaction: { detectors: { email: false }, customPatterns: [{ name: "ticket", pattern: "TCK-\\d+" }] } });
    const next = await loadIngestSettings(db, world.projectId);
    expect(next).not.toBe(first);
    expect(next.retentionDays).toBe(14);
    const counts: Record<string, number> = {};
    expect(next.redactor.text("mail jane@example.com about TCK-42", counts)).toBe("mail jane@example.com about [TICKET]");
    expect(counts).toEqual({ ticket: 1 });
  });

  it("shares one read between concurrent batches, per project", async () => {
    const one = await makeWorld();
    const two = await makeWorld();
    await updateProjectSettings(two.as("owner"), { redaction: { detectors: { ip: false } } });
    const db = testDb();
    const [a, b, c] = await Promise.all([loadIngestSettings(db, one.projectId), loadIngestSettings(db, one.projectId), loadIngestSettings(db, two.projectId)]);
    expect(a).toBe(b);
    expect(a!.redactor.text("host 10.0.0.1", {})).toBe("host [IP]");
    expect(c!.redactor.text("host 10.0.0.1", {})).toBe("host 10.0.0.1");
  });

  it("skips a broken pattern that reached the database some other way, instead of failing ingest", async () => {
    const world = await makeWorld();
    await testDb()
      .insert(projectSettings)
      .values({ projectId: world.projectId, redaction: { detectors: {}, customPatterns: [{ name: "broken", pattern: "(" }, { name: "ticket", pattern: "TCK-\\d+" }] } });
    forgetIngestSettings(world.projectId);
    const { redactor } = await loadIngestSettings(testDb(), world.projectId);
    expect(redactor.event({ input: "TCK-7 for jane@example.com" })).toEqual({ event: { input: "[TICKET] for [EMAIL]" }, counts: { ticket: 1, email: 1 } });
  });
});
