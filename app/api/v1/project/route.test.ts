import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { createApiKey } from "@/lib/api-keys/create";
import { revokeApiKey } from "@/lib/api-keys/revoke";
import { makeWorld } from "@/test/factories";
import { GET } from "./route";

const URL = "http://localhost/api/v1/project";

function get(headers: Record<string, string> = {}) {
  return GET(new NextRequest(URL, { headers }), { params: Promise.resolve({}) });
}

async function expectEnvelope(res: Response, status: number, code: string) {
  expect(res.status).toBe(status);
  expect(res.headers.get("content-type")).toMatch(/^application\/json/);
  const body = (await res.json()) as { error: { code: string; message: string } };
  expect(Object.keys(body)).toEqual(["error"]);
  expect(body.error.code).toBe(code);
  expect(typeof body.error.message).toBe("string");
  expect(body.error.message.length).toBeGreaterThan(0);
  return body;
}

describe("GET /api/v1/project", () => {
  it("answers 401 without an Authorization header", async () => {
    const res = await get();
    await expectEnvelope(res, 401, "UNAUTHORIZED");
    expect(res.headers.get("www-authenticate")).toMatch(/^Bearer/);
  });

  it("answers 401 for a header that is not a Bearer key", async () => {
    await expectEnvelope(await get({ authorization: "Basic dXNlcjpwYXNz" }), 401, "UNAUTHORIZED");
    await expectEnvelope(await get({ authorization: "Bearer not-a-key" }), 401, "UNAUTHORIZED");
  });

  it("answers 401 for well-formed keys that do not exist", async () => {
    await expectEnvelope(await get({ authorization: "Bearer sk-unknownunknownunknownunknown00" }), 401, "UNAUTHORIZED");
    await expectEnvelope(await get({ authorization: "Bearer pk-unknownunknownunknown0" }), 401, "UNAUTHORIZED");
  });

  it("answers 200 with the key's project for both the secret and the public key", async () => {
    const world = await makeWorld();
    const key = await createApiKey(world.as("owner"), { name: "route" });
    for (const [token, kind] of [
      [key.secretKey, "secret"],
      [key.publicKey, "public"],
    ] as const) {
      const res = await get({ authorization: `Bearer ${token}` });
      expect(res.status).toBe(200);
      const body = (await res.json()) as Record<string, unknown>;
      expect(body).toEqual({ id: world.projectId, name: "project", orgId: world.orgId, key: { kind, name: "route", publicKey: key.publicKey } });
      expect(JSON.stringify(body)).not.toContain(key.secretKey);
    }
  });

  it("answers 401 once the key is revoked", async () => {
    const world = await makeWorld();
    const key = await createApiKey(world.as("owner"), { name: "revoked" });
    expect((await get({ authorization: `Bearer ${key.secretKey}` })).status).toBe(200);
    await revokeApiKey(world.as("owner"), { id: key.id });
    await expectEnvelope(await get({ authorization: `Bearer ${key.secretKey}` }), 401, "UNAUTHORIZED");
    await expectEnvelope(await get({ authorization: `Bearer ${key.publicKey}` }), 401, "UNAUTHORIZED");
  });

  it("answers another key's project, never a fixed one", async () => {
    const one = await makeWorld();
    const two = await makeWorld();
    const keyOne = await createApiKey(one.as("owner"), { name: "one" });
    const keyTwo = await createApiKey(two.as("owner"), { name: "two" });
    const bodyOne = (await (await get({ authorization: `Bearer ${keyOne.secretKey}` })).json()) as { id: string };
    const bodyTwo = (await (await get({ authorization: `Bearer ${keyTwo.secretKey}` })).json()) as { id: string };
    expect(bodyOne.id).toBe(one.projectId);
    expect(bodyTwo.id).toBe(two.projectId);
  });
});
