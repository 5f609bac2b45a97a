import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { flagsApi, keyedProject, sampleFlag } from "@/app/api/v1/flags/test-client";

type Vectors = { flags: unknown[]; cases: { flagKey: string; environment: string; context: Record<string, unknown>; variant: string; value: unknown; reason: string }[] };
const vectors = JSON.parse(readFileSync(path.join(process.cwd(), "packages/sdk/test-vectors/flags.json"), "utf8")) as Vectors;

describe("POST /ofrep/v1/evaluate/flags/{key}", () => {
  it("evaluates rules, splits and the kill switch with the public key", async () => {
    const { api, publicApi } = await keyedProject();
    await api.create(sampleFlag());

    const staff = await publicApi.evaluate("new-model", { context: { targetingKey: "u1", email: "ana@acme.test" } });
    expect(staff.status).toBe(200);
    expect(await staff.json()).toEqual({ key: "new-model", value: true, variant: "on", reason: "TARGETING_MATCH", metadata: { environment: "production", ruleIndex: 0, ruleId: "staff" } });
    const split = (await (await publicApi.evaluate("new-model", { context: { targetingKey: "user-1" } })).json()) as { reason: string; metadata: object };
    expect(split).toMatchObject({ reason: "SPLIT", metadata: { ruleId: "rollout", ruleIndex: 1 } });
    const staging = await publicApi.evaluate("new-model", { context: { environment: "staging" } });
    expect(await staging.json()).toEqual({ key: "new-model", value: true, variant: "on", reason: "DEFAULT", metadata: { environment: "staging" } });

    await api.toggle("new-model", "production", { enabled: false });
    const killed = await publicApi.evaluate("new-model", { context: { targetingKey: "u1", email: "ana@acme.test" } });
    expect(await killed.json()).toEqual({ key: "new-model", value: false, variant: "off", reason: "DISABLED", metadata: { environment: "production" } });
  });

  it("answers OFREP's error shapes", async () => {
    const { api, publicApi } = await keyedProject();
    await api.create(sampleFlag());
    const cases: [unknown, number, object][] = [
      [{ context: {} }, 400, { key: "new-model", errorCode: "TARGETING_KEY_MISSING" }],
      [{ context: [] }, 400, { key: "new-model", errorCode: "INVALID_CONTEXT" }],
      [[1, 2], 400, { key: "new-model", errorCode: "INVALID_CONTEXT" }],
      [{ context: { targetingKey: "u", environment: "no spaces" } }, 400, { key: "new-model", errorCode: "INVALID_CONTEXT" }],
      [{ context: { targetingKey: "u", environment: "qa" } }, 404, { key: "new-model", errorCode: "FLAG_NOT_FOUND" }],
      ["{not json", 400, { key: "new-model", errorCode: "PARSE_ERROR" }],
    ];
    for (const [body, status, shape] of cases) {
      const res = await publicApi.evaluate("new-model", body);
      const json = (await res.json()) as { errorDetails: string };
      expect([res.status, json]).toEqual([status, expect.objectContaining(shape)]);
      expect(json.errorDetails.length).toBeGreaterThan(10);
    }
    const missing = await publicApi.evaluate("no-such-flag", { context: { targetingKey: "u" } });
    expect([missing.status, await missing.json()]).toEqual([404, { key: "no-such-flag", errorCode: "FLAG_NOT_FOUND", errorDetails: "No flag with this key." }]);
    expect((await flagsApi().evaluate("new-model", { context: {} })).status).toBe(401);
  });

  it("never shows a flag to another project's key", async () => {
    const mine = await keyedProject();
    const theirs = await keyedProject();
    await mine.api.create(sampleFlag());
    for (const api of [theirs.api, theirs.publicApi]) {
      const res = await api.evaluate("new-model", { context: { targetingKey: "u1" } });
      expect([res.status, ((await res.json()) as { errorCode: string }).errorCode]).toEqual([404, "FLAG_NOT_FOUND"]);
      expect(await (await api.bulk({ context: { targetingKey: "u1" } })).json()).toEqual({ flags: [] });
    }
  });

  it("gives every published test vector's variant, value and reason", async () => {
    const { api, publicApi } = await keyedProject();
    for (const flag of vectors.flags) expect((await api.create(flag)).status).toBe(201);
    expect(vectors.cases.length).toBeGreaterThan(50);
    for (const c of vectors.cases) {
      const res = await publicApi.evaluate(c.flagKey, { context: { ...c.context, environment: c.environment } });
      const got = (await res.json()) as { variant: string; value: unknown; reason: string };
      expect({ flagKey: c.flagKey, context: c.context, variant: got.variant, value: got.value, reason: got.reason }).toEqual({
        flagKey: c.flagKey, context: c.context, variant: c.variant, value: c.value, reason: c.reason,
      });
    }
  });
});

describe("POST /ofrep/v1/evaluate/flags", () => {
  it("evaluates every flag of the environment, with errors per flag, an ETag and 304", async () => {
    const { api, publicApi } = await keyedProject();
    await api.create(sampleFlag());
    await api.create({ ...sampleFlag("beta-banner"), environments: { production: { enabled: true, offVariant: "off", defaultVariant: "on", rules: [] } } });
    await api.create({ ...sampleFlag("staging-only"), environments: { staging: sampleFlag().environments.staging } });

    const res = await publicApi.bulk({ context: {} });
    expect(res.status).toBe(200);
    const etag = res.headers.get("etag")!;
    expect(etag).toMatch(/^".+"$/);
    expect(await res.json()).toEqual({
      flags: [
        { key: "beta-banner", value: true, variant: "on", reason: "DEFAULT", metadata: { environment: "production" } },
        { key: "new-model", errorCode: "TARGETING_KEY_MISSING", errorDetails: expect.stringContaining("targetingKey") },
      ],
    });

    const same = await publicApi.bulk({ context: {} }, { "if-none-match": etag });
    expect([same.status, same.headers.get("etag"), await same.text()]).toEqual([304, etag, ""]);
    const otherContext = await publicApi.bulk({ context: { targetingKey: "u1" } }, { "if-none-match": etag });
    expect(otherContext.status).toBe(200);

    await api.toggle("new-model", "production", { enabled: false });
    const afterKill = await publicApi.bulk({ context: {} }, { "if-none-match": etag });
    expect(afterKill.status).toBe(200);
    expect(((await afterKill.json()) as { flags: object[] }).flags[1]).toEqual({ key: "new-model", value: false, variant: "off", reason: "DISABLED", metadata: { environment: "production" } });

    const bad = await publicApi.bulk({ context: "user-1" });
    expect([bad.status, await bad.json()]).toEqual([400, { errorCode: "INVALID_CONTEXT", errorDetails: "context must be an object of attributes." }]);
    const unparsable = await publicApi.bulk("{");
    expect([unparsable.status, ((await unparsable.json()) as { errorCode: string }).errorCode]).toEqual([400, "PARSE_ERROR"]);
  });
});
