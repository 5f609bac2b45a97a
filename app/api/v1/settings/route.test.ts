import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { createApiKey } from "@/lib/api-keys/create";
import { loadIngestSettings } from "@/lib/settings/load";
import { testDb } from "@/test/db";
import { auditRowsOf, makeWorld } from "@/test/factories";
import { GET, PATCH } from "./route";

const URL = "http://localhost/api/v1/settings";
const params = { params: Promise.resolve({}) };

function patch(token: string, body: unknown, contentType = "application/json") {
  const headers = { authorization: `Bearer ${token}`, "content-type": contentType };
  return PATCH(new NextRequest(URL, { method: "PATCH", headers, body: typeof body === "string" ? body : JSON.stringify(body) }), params);
}

function get(token: string) {
  return GET(new NextRequest(URL, { headers: { authorization: `Bearer ${token}` } }), params);
}

/** The settings changes audited in an org (creating the key is audited too). */
async function settingsAudit(orgId: string) {
  return (await auditRowsOf(orgId)).filter((r) => r.action === "settings.update");
}

async function keyedWorld() {
  const world = await makeWorld();
  const key = await createApiKey(world.as("owner"), { name: "settings" });
  return { world, key };
}

describe("/api/v1/settings", () => {
  it("GET answers the defaults for a fresh project", async () => {
    const { key } = await keyedWorld();
    const res = await get(key.secretKey);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      retentionDays: 30,
      redaction: { detectors: { email: true, phone: true, creditCard: true, ip: true, secret: true }, customPatterns: [] },
    });
  });

  it("PATCH saves a change, answers it, audits it as the key, and ingestion redacts with it", async () => {
    const { world, key } = await keyedWorld();
    const res = await patch(key.secretKey, { retentionDays: 7, redaction: { detectors: { email: false }, customPatterns: [{ name: "ticket", pattern: "TCK-\\d+" }] } });
    expect(res.status).toBe(200);
    const expected = {
      retentionDays: 7,
      redaction: { detectors: { email: false, phone: true, creditCard: true, ip: true, secret: true }, customPatterns: [{ name: "ticket", pattern: "TCK-\\d+" }] },
    };
    expect(await res.json()).toEqual(expected);
    expect(await (await get(key.secretKey)).json()).toEqual(expected);

    const [audit, ...more] = await settingsAudit(world.orgId);
    expect(more).toEqual([]);
    expect(audit).toMatchObject({ action: "settings.update", actorType: "api_key", actorId: key.id, actorLabel: "API key “settings”", after: expected });

    const { redactor } = await loadIngestSettings(testDb(), world.projectId);
    expect(redactor.text("TCK-12 from jane@example.com at 10.0.0.1", {})).toBe("[TICKET] from jane@example.com at [IP]");
  });

  it("PATCH refuses a pattern that is not a regular expression with 422 and the field's path", async () => {
    const { world, key } = await keyedWorld();
    const res = await patch(key.secretKey, { redaction: { customPatterns: [{ name: "bad", pattern: "(unclosed" }] } });
    expect(res.status).toBe(422);
    const body = (await res.json()) as { error: { code: string; message: string; issues: { path: string; message: string }[] } };
    expect(body.error.code).toBe("UNPROCESSABLE_ENTITY");
    expect(body.error.issues[0]).toEqual({ path: "redaction.customPatterns.0.pattern", message: expect.stringContaining("not a valid JavaScript regular expression") });
    expect(await settingsAudit(world.orgId)).toEqual([]);
  });

  it("PATCH answers 415 for a body that is not JSON and 400 for broken JSON", async () => {
    const { key } = await keyedWorld();
    expect((await patch(key.secretKey, "retentionDays=7", "application/x-www-form-urlencoded")).status).toBe(415);
    expect((await patch(key.secretKey, "{not json")).status).toBe(400);
  });

  it("refuses the public key and a missing key", async () => {
    const { key } = await keyedWorld();
    expect((await get(key.publicKey)).status).toBe(403);
    const res = await patch(key.publicKey, { retentionDays: 7 });
    expect(res.status).toBe(403);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe("FORBIDDEN");
    expect((await GET(new NextRequest(URL), params)).status).toBe(401);
    expect((await (await get(key.secretKey)).json()) as { retentionDays: number }).toMatchObject({ retentionDays: 30 });
  });

  it("answers each key its own project's settings", async () => {
    const one = await keyedWorld();
    const two = await keyedWorld();
    await patch(one.key.secretKey, { retentionDays: 120 });
    expect(((await (await get(one.key.secretKey)).json()) as { retentionDays: number }).retentionDays).toBe(120);
    expect(((await (await get(two.key.secretKey)).json()) as { retentionDays: number }).retentionDays).toBe(30);
  });
});
