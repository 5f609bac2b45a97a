import { describe, expect, it } from "vitest";
import { auditRowsOf } from "@/test/factories";
import { errorOf, flagsApi, keyedProject, sampleFlag } from "./test-client";

type FlagBody = ReturnType<typeof sampleFlag> & { version: number; createdAt: string; updatedAt: string };

describe("/api/v1/flags", () => {
  it("creates, reads, patches, toggles and deletes a flag with the secret key", async () => {
    const { api, world } = await keyedProject();
    const created = await api.create(sampleFlag());
    expect(created.status).toBe(201);
    expect(created.headers.get("etag")).toBe('"1"');
    const flag = (await created.json()) as FlagBody;
    expect(flag).toMatchObject({ ...sampleFlag(), version: 1 });
    expect(Date.parse(flag.createdAt)).not.toBeNaN();

    expect(await (await api.list()).json()).toEqual({ flags: [flag] });
    const read = await api.get("new-model");
    expect([read.status, read.headers.get("etag")]).toEqual([200, '"1"']);
    expect(await read.json()).toEqual(flag);

    const patched = await api.patch("new-model", { environments: { staging: null } }, { "if-match": '"1"' });
    expect([patched.status, patched.headers.get("etag")]).toEqual([200, '"2"']);
    expect(Object.keys(((await patched.json()) as FlagBody).environments)).toEqual(["production"]);

    const killed = await api.toggle("new-model", "production", { enabled: false });
    expect(killed.status).toBe(200);
    expect(((await killed.json()) as FlagBody).environments.production.enabled).toBe(false);

    const removed = await api.remove("new-model", { "if-match": '"3"' });
    expect([removed.status, await removed.text()]).toEqual([204, ""]);
    expect((await api.get("new-model")).status).toBe(404);

    const audit = (await auditRowsOf(world.orgId)).filter((a) => a.resourceType === "flag");
    expect(audit.map((a) => [a.action, a.actorType, a.actorLabel])).toEqual([
      ["flag.create", "api_key", "API key “flags”"],
      ["flag.update", "api_key", "API key “flags”"],
      ["flag.toggle", "api_key", "API key “flags”"],
      ["flag.delete", "api_key", "API key “flags”"],
    ]);
  });

  it("answers 422 with every field's path, 415, 400, 409 and nothing is stored", async () => {
    const { api } = await keyedProject();
    const bad = { ...sampleFlag(), variants: { on: true, off: 0 } };
    const invalid = await api.create(bad);
    expect(invalid.status).toBe(422);
    const error = await errorOf(invalid);
    expect(error.code).toBe("UNPROCESSABLE_ENTITY");
    expect(error.issues).toEqual([{ path: "variants.off", message: 'Variant "off" must be a boolean, because the flag\'s type is boolean.' }]);
    expect((await api.create("key=x", { "content-type": "application/x-www-form-urlencoded" })).status).toBe(415);
    expect((await api.create("{not json")).status).toBe(400);
    expect(await (await api.list()).json()).toEqual({ flags: [] });

    expect((await api.create(sampleFlag())).status).toBe(201);
    const dup = await api.create(sampleFlag());
    expect([dup.status, (await errorOf(dup)).code]).toEqual([409, "CONFLICT"]);
    const stale = await api.patch("new-model", { description: "x" }, { "if-match": '"4"' });
    expect([stale.status, (await errorOf(stale)).code]).toEqual([409, "CONFLICT"]);
    expect((await api.patch("new-model", { description: "x" }, { "if-match": "yesterday" })).status).toBe(400);
    const badToggle = await api.toggle("new-model", "production", { enabled: "off" });
    expect([badToggle.status, (await errorOf(badToggle)).issues?.[0]?.path]).toEqual([422, "enabled"]);
    expect((await api.toggle("new-model", "qa", { enabled: false })).status).toBe(404);
  });

  it("lets the public key read but never write, and keeps each key to its own project", async () => {
    const one = await keyedProject();
    const two = await keyedProject();
    await one.api.create(sampleFlag());

    expect((await one.publicApi.list()).status).toBe(200);
    expect((await one.publicApi.get("new-model")).status).toBe(200);
    for (const res of [
      await one.publicApi.create(sampleFlag("other")),
      await one.publicApi.patch("new-model", { description: "x" }),
      await one.publicApi.toggle("new-model", "production", { enabled: false }),
      await one.publicApi.remove("new-model"),
    ]) {
      expect([res.status, (await errorOf(res)).code]).toEqual([403, "FORBIDDEN"]);
    }

    expect(await (await two.api.list()).json()).toEqual({ flags: [] });
    for (const res of [
      await two.api.get("new-model"),
      await two.api.patch("new-model", { description: "x" }),
      await two.api.toggle("new-model", "production", { enabled: false }),
      await two.api.remove("new-model"),
    ]) {
      expect([res.status, (await errorOf(res)).code]).toEqual([404, "NOT_FOUND"]);
    }
    expect(((await (await one.api.get("new-model")).json()) as FlagBody).version).toBe(1);
  });

  it("answers 401 without a valid key", async () => {
    const res = await flagsApi().list();
    expect([res.status, (await errorOf(res)).code]).toEqual([401, "UNAUTHORIZED"]);
    expect((await flagsApi("sk-not-a-real-key-000000000000").config()).status).toBe(401);
  });
});

describe("GET /api/v1/flags/config", () => {
  it("serves every definition with an ETag, 304 while nothing changed, a new ETag after a change", async () => {
    const { api, publicApi } = await keyedProject();
    await api.create(sampleFlag());
    await api.create({ ...sampleFlag("prod-only"), environments: { production: sampleFlag().environments.production } });

    const first = await publicApi.config("?environment=staging");
    expect(first.status).toBe(200);
    const etag = first.headers.get("etag")!;
    const body = (await first.json()) as { revision: number; environment: string; flags: { key: string; environments: object }[] };
    expect(body.revision).toBe(2);
    expect(body.environment).toBe("staging");
    expect(body.flags).toEqual([
      { ...sampleFlag(), environments: { staging: sampleFlag().environments.staging } },
      { ...sampleFlag("prod-only"), environments: {} },
    ]);

    const again = await publicApi.config("?environment=staging", { "if-none-match": etag });
    expect([again.status, again.headers.get("etag"), await again.text()]).toEqual([304, etag, ""]);
    const all = await api.config("", { "if-none-match": etag });
    expect(all.status).toBe(200);
    expect(Object.keys(((await all.json()) as { flags: { environments: object }[] }).flags[0]!.environments).sort()).toEqual(["production", "staging"]);

    await api.toggle("new-model", "production", { enabled: false });
    const changed = await publicApi.config("?environment=staging", { "if-none-match": etag });
    expect(changed.status).toBe(200);
    expect(changed.headers.get("etag")).not.toBe(etag);
    expect(((await changed.json()) as { revision: number }).revision).toBe(3);

    const bad = await api.config("?environment=no%20spaces");
    expect([bad.status, (await errorOf(bad)).issues?.[0]?.path]).toEqual([422, "environment"]);
  });
});
