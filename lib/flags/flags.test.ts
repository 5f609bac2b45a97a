// The flag verbs against the real database: validation, roles, audit, kill switch, concurrency.
import { describe, expect, it } from "vitest";
import { sampleFlag } from "@/app/api/v1/flags/test-client";
import { auditRowsOf, expectAppError, makeWorld, orgFootprint } from "@/test/factories";
import { flagConfig, flagConfigEtag } from "./config";
import { createFlag } from "./create";
import { deleteFlag } from "./delete";
import { getFlag } from "./get";
import { listFlags } from "./list";
import { patchFlag } from "./patch";
import { toggleFlag } from "./toggle";

const flagAudit = async (orgId: string) => (await auditRowsOf(orgId)).filter((a) => a.resourceType === "flag");

describe("flag verbs", () => {
  it("creates, reads, lists and deletes a flag, auditing each change with before and after", async () => {
    const w = await makeWorld();
    const created = await createFlag(w.as("member"), sampleFlag());
    expect(created).toMatchObject({ ...sampleFlag(), version: 1 });
    expect(await getFlag(w.as("viewer"), { key: "new-model" })).toEqual(created);
    expect((await listFlags(w.as("reviewer"))).map((f) => f.key)).toEqual(["new-model"]);

    await deleteFlag(w.as("admin"), { key: "new-model" });
    await expectAppError(getFlag(w.as("owner"), { key: "new-model" }), "NOT_FOUND");
    const audit = await flagAudit(w.orgId);
    expect(audit.map((a) => [a.action, a.resourceId, a.actorLabel])).toEqual([
      ["flag.create", "new-model", w.users.member.email],
      ["flag.delete", "new-model", w.users.admin.email],
    ]);
    expect(audit[0]).toMatchObject({ projectId: w.projectId, before: null, after: sampleFlag() });
    expect(audit[1]).toMatchObject({ before: sampleFlag(), after: null });
  });

  it("refuses an invalid definition with each field's path and stores nothing", async () => {
    const w = await makeWorld();
    const bad = sampleFlag();
    bad.environments.production.defaultVariant = "maybe";
    bad.environments.production.rules[1]!.serve = { split: [{ variant: "on", weight: 30 }, { variant: "off", weight: 60 }] };
    (bad.environments.production.rules[0]!.conditions[0] as { operator: string; values: string[] }) = { ...bad.environments.production.rules[0]!.conditions[0]!, operator: "matches", values: ["(a+)+$"] };
    const err = await expectAppError(createFlag(w.as("owner"), bad), "UNPROCESSABLE_ENTITY");
    expect(err.issues!.map((i) => i.path).sort()).toEqual([
      "environments.production.defaultVariant",
      "environments.production.rules.0.conditions.0.values.0",
      "environments.production.rules.1.serve.split",
    ]);
    expect(err.issues!.find((i) => i.path.endsWith("defaultVariant"))!.message).toBe('There is no variant "maybe"; define it under variants first.');
    await expectAppError(createFlag(w.as("owner"), { ...sampleFlag(), key: "Upper Case" }), "UNPROCESSABLE_ENTITY");
    const reserved = await expectAppError(createFlag(w.as("owner"), { ...sampleFlag(), key: "config" }), "UNPROCESSABLE_ENTITY");
    expect(reserved.issues).toEqual([{ path: "key", message: '"config" is reserved for a route; choose another key.' }]);
    expect(await listFlags(w.as("owner"))).toEqual([]);
    expect(await flagAudit(w.orgId)).toEqual([]);
  });

  it("answers 409 for a key the project already has", async () => {
    const w = await makeWorld();
    await createFlag(w.as("owner"), sampleFlag());
    const err = await expectAppError(createFlag(w.as("owner"), { ...sampleFlag(), description: "again" }), "CONFLICT");
    expect(err.message).toContain('"new-model"');
    expect((await getFlag(w.as("owner"), { key: "new-model" })).description).toBe("Route answers to the new model");
  });

  it.each(["viewer", "reviewer"] as const)("a %s cannot create, change, toggle or delete flags, and nothing is written", async (role) => {
    const w = await makeWorld();
    await createFlag(w.as("owner"), sampleFlag());
    const before = { footprint: await orgFootprint(w), flag: await getFlag(w.as("owner"), { key: "new-model" }) };
    const ctx = w.as(role);
    for (const call of [
      () => createFlag(ctx, sampleFlag("other")),
      () => patchFlag(ctx, { key: "new-model", patch: { description: "mine" } }),
      () => toggleFlag(ctx, { key: "new-model", environment: "production", body: { enabled: false } }),
      () => deleteFlag(ctx, { key: "new-model" }),
    ]) {
      const err = await expectAppError(call, "FORBIDDEN");
      expect(err.message).toContain('"flags.write"');
    }
    expect(await orgFootprint(w)).toEqual(before.footprint);
    expect(await getFlag(w.as("owner"), { key: "new-model" })).toEqual(before.flag);
  });

  it("patches by merging environments by name, bumps the version and audits before/after", async () => {
    const w = await makeWorld();
    await createFlag(w.as("owner"), sampleFlag());
    const dev = { enabled: false, offVariant: "off", defaultVariant: "on", rules: [] };
    const patched = await patchFlag(w.as("member"), { key: "new-model", patch: { description: null, tags: ["models", "q4"], environments: { staging: null, dev } } });
    expect(patched.version).toBe(2);
    expect(patched.description).toBeUndefined();
    expect(patched.tags).toEqual(["models", "q4"]);
    expect(Object.keys(patched.environments).sort()).toEqual(["dev", "production"]);
    expect(patched.environments.production).toEqual(sampleFlag().environments.production);

    const [, update] = await flagAudit(w.orgId);
    expect(update).toMatchObject({ action: "flag.update", before: sampleFlag(), after: { key: "new-model", tags: ["models", "q4"] } });
    expect((update!.after as { environments: object }).environments).toEqual({ production: sampleFlag().environments.production, dev });

    // A change that changes nothing writes nothing.
    expect((await patchFlag(w.as("owner"), { key: "new-model", patch: { tags: ["models", "q4"] } })).version).toBe(2);
    expect(await flagAudit(w.orgId)).toHaveLength(2);
  });

  it("refuses bad patches: unknown fields, a new key, an invalid result, a stale version", async () => {
    const w = await makeWorld();
    await createFlag(w.as("owner"), sampleFlag());
    const unknown = await expectAppError(patchFlag(w.as("owner"), { key: "new-model", patch: { enviroments: {} } }), "UNPROCESSABLE_ENTITY");
    expect(unknown.message).toContain("enviroments");
    const rename = await expectAppError(patchFlag(w.as("owner"), { key: "new-model", patch: { key: "renamed" } }), "UNPROCESSABLE_ENTITY");
    expect(rename.issues).toEqual([{ path: "key", message: "A flag's key cannot change; create a new flag and delete this one." }]);
    const invalid = await expectAppError(patchFlag(w.as("owner"), { key: "new-model", patch: { variants: { on: true, off: "no" } } }), "UNPROCESSABLE_ENTITY");
    expect(invalid.issues!.map((i) => i.path)).toEqual(["variants.off"]);
    const stale = await expectAppError(patchFlag(w.as("owner"), { key: "new-model", ifVersion: 7, patch: { description: "x" } }), "CONFLICT");
    expect(stale.message).toContain("version 1");
    await expectAppError(patchFlag(w.as("owner"), { key: "missing", patch: {} }), "NOT_FOUND");
    expect(await getFlag(w.as("owner"), { key: "new-model" })).toMatchObject({ ...sampleFlag(), version: 1 });
    expect(await flagAudit(w.orgId)).toHaveLength(1);
  });

  it("flips the kill switch of one environment only, audited; flipping to the same state writes nothing", async () => {
    const w = await makeWorld();
    await createFlag(w.as("owner"), sampleFlag());
    const killed = await toggleFlag(w.as("member"), { key: "new-model", environment: "production", body: { enabled: false } });
    expect(killed.environments.production!.enabled).toBe(false);
    expect(killed.environments.production!.rules).toEqual(sampleFlag().environments.production.rules);
    expect(killed.environments.staging!.enabled).toBe(true);
    await toggleFlag(w.as("member"), { key: "new-model", environment: "production", body: { enabled: false } });
    const audit = await flagAudit(w.orgId);
    expect(audit.map((a) => a.action)).toEqual(["flag.create", "flag.toggle"]);
    const envs = (x: unknown) => (x as { environments: Record<string, { enabled: boolean }> }).environments.production!.enabled;
    expect([envs(audit[1]!.before), envs(audit[1]!.after)]).toEqual([true, false]);
    await expectAppError(toggleFlag(w.as("owner"), { key: "new-model", environment: "qa", body: { enabled: false } }), "NOT_FOUND");
    await expectAppError(toggleFlag(w.as("owner"), { key: "new-model", environment: "production", body: { enabled: "no" } }), "UNPROCESSABLE_ENTITY");
  });

  it("loses no update when changes race (the project's flag lock serializes them)", async () => {
    const w = await makeWorld();
    await createFlag(w.as("owner"), sampleFlag());
    const env = { enabled: true, offVariant: "off", defaultVariant: "on", rules: [] };
    await Promise.all([
      ...Array.from({ length: 8 }, (_, i) => patchFlag(w.as("owner"), { key: "new-model", patch: { environments: { [`env-${i}`]: env } } })),
      toggleFlag(w.as("admin"), { key: "new-model", environment: "production", body: { enabled: false } }),
    ]);
    const flag = await getFlag(w.as("owner"), { key: "new-model" });
    expect(Object.keys(flag.environments)).toHaveLength(2 + 8);
    expect(flag.environments.production!.enabled).toBe(false);
    expect(flag.version).toBe(10);
    expect(await flagAudit(w.orgId)).toHaveLength(10);
  });

  it("keeps flags to their project", async () => {
    const mine = await makeWorld();
    const theirs = await makeWorld();
    await createFlag(mine.as("owner"), sampleFlag());
    await expectAppError(getFlag(theirs.as("owner"), { key: "new-model" }), "NOT_FOUND");
    await expectAppError(patchFlag(theirs.as("owner"), { key: "new-model", patch: { description: "x" } }), "NOT_FOUND");
    await expectAppError(toggleFlag(theirs.as("owner"), { key: "new-model", environment: "production", body: { enabled: false } }), "NOT_FOUND");
    await expectAppError(deleteFlag(theirs.as("owner"), { key: "new-model" }), "NOT_FOUND");
    expect(await listFlags(theirs.as("owner"))).toEqual([]);
    expect((await flagConfig(theirs.as("owner"), {})).config.flags).toEqual([]);
    await createFlag(theirs.as("owner"), sampleFlag());
    expect((await getFlag(mine.as("owner"), { key: "new-model" })).version).toBe(1);
  });

  it("moves the config ETag with every change and only then", async () => {
    const w = await makeWorld();
    const empty = await flagConfigEtag(w.as("viewer"), {});
    await createFlag(w.as("owner"), sampleFlag());
    const one = await flagConfig(w.as("viewer"), { environment: "staging" });
    expect(one.etag).not.toBe(empty);
    expect(one.etag).toBe(await flagConfigEtag(w.as("viewer"), { environment: "staging" }));
    expect(one.config.flags[0]!.environments).toEqual({ staging: sampleFlag().environments.staging });
    await patchFlag(w.as("owner"), { key: "new-model", patch: { tags: ["models"] } }); // already so: no change
    expect(await flagConfigEtag(w.as("viewer"), { environment: "staging" })).toBe(one.etag);
    await toggleFlag(w.as("owner"), { key: "new-model", environment: "production", body: { enabled: false } });
    expect(await flagConfigEtag(w.as("viewer"), { environment: "staging" })).not.toBe(one.etag);
    await expectAppError(flagConfigEtag(w.as("viewer"), { environment: "no such env!" }), "UNPROCESSABLE_ENTITY");
  });
});
