import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { createApiKey } from "@/lib/api-keys/create";
import { auditRowsOf, makeWorld } from "@/test/factories";
import { DELETE } from "./[id]/route";
import { GET, POST } from "./route";

const BASE = "http://localhost/api/v1/model-prices";

async function keyedWorld() {
  const world = await makeWorld();
  const key = await createApiKey(world.as("owner"), { name: "prices" });
  const auth = (token = key.secretKey) => ({ authorization: `Bearer ${token}` });
  return {
    world,
    key,
    get: (query = "", token?: string) => GET(new NextRequest(`${BASE}${query}`, { headers: auth(token) }), { params: Promise.resolve({}) }),
    post: (body: unknown, headers: Record<string, string> = { "content-type": "application/json" }, token?: string) =>
      POST(new NextRequest(BASE, { method: "POST", headers: { ...auth(token), ...headers }, body: typeof body === "string" ? body : JSON.stringify(body) }), {
        params: Promise.resolve({}),
      }),
    del: (id: string, token?: string) => DELETE(new NextRequest(`${BASE}/${id}`, { method: "DELETE", headers: auth(token) }), { params: Promise.resolve({ id }) }),
  };
}

async function errorCode(res: Response): Promise<string> {
  const body = (await res.json()) as { error: { code: string } };
  return body.error.code;
}

describe("/api/v1/model-prices", () => {
  it("adds, lists, explains and removes a project price with the secret key", async () => {
    const api = await keyedWorld();
    const created = await api.post({ modelPattern: "acme-*", inputPerMTok: 0.5, outputPerMTok: "1.50" });
    expect(created.status).toBe(201);
    const price = (await created.json()) as { id: string; modelPattern: string; inputPerMTok: string; outputPerMTok: string; cachedInputPerMTok: null; createdAt: string };
    expect(price).toMatchObject({ modelPattern: "acme-*", inputPerMTok: "0.5", outputPerMTok: "1.5", cachedInputPerMTok: null, reasoningPerMTok: null });
    expect(Date.parse(price.createdAt)).not.toBeNaN();

    const listed = await api.get();
    expect(listed.status).toBe(200);
    expect(await listed.json()).toEqual({ prices: [price] });

    expect(await (await api.get("?model=acme-7b")).json()).toEqual({
      match: { source: "override", pattern: "acme-*", model: "acme-*", provider: null, overrideId: price.id, inputPerMTok: "0.5", outputPerMTok: "1.5", cachedInputPerMTok: null, reasoningPerMTok: null },
    });
    expect(await (await api.get("?model=gpt-4o-2024-08-06")).json()).toMatchObject({ match: { source: "table", model: "gpt-4o", inputPerMTok: "2.50" } });
    expect(await (await api.get("?model=no-such-model")).json()).toEqual({ match: null });

    const removed = await api.del(price.id);
    expect(removed.status).toBe(204);
    expect(await removed.text()).toBe("");
    expect(await (await api.get()).json()).toEqual({ prices: [] });
    const again = await api.del(price.id);
    expect(again.status).toBe(404);
    expect(await errorCode(again)).toBe("NOT_FOUND");

    const audit = await auditRowsOf(api.world.orgId);
    expect(audit.filter((a) => a.resourceType === "model_price").map((a) => [a.action, a.actorType, a.actorLabel])).toEqual([
      ["model_price.create", "api_key", "API key “prices”"],
      ["model_price.delete", "api_key", "API key “prices”"],
    ]);
  });

  it("answers 422 with the field, 415 for a non-JSON body and 409 for a duplicate", async () => {
    const api = await keyedWorld();
    const invalid = await api.post({ modelPattern: "x", inputPerMTok: "1.0000000001", outputPerMTok: 1 });
    expect(invalid.status).toBe(422);
    const body = (await invalid.json()) as { error: { code: string; issues: { path: string }[] } };
    expect(body.error.code).toBe("UNPROCESSABLE_ENTITY");
    expect(body.error.issues.map((i) => i.path)).toEqual(["inputPerMTok"]);
    expect((await api.post("modelPattern=x", { "content-type": "application/x-www-form-urlencoded" })).status).toBe(415);
    expect((await api.post("{not json")).status).toBe(400);
    expect((await api.post({ modelPattern: "dup", inputPerMTok: 1, outputPerMTok: 1 })).status).toBe(201);
    const dup = await api.post({ modelPattern: "DUP", inputPerMTok: 2, outputPerMTok: 2 });
    expect(dup.status).toBe(409);
    expect(await errorCode(dup)).toBe("CONFLICT");
    expect(((await (await api.get()).json()) as { prices: unknown[] }).prices).toHaveLength(1);
  });

  it("refuses the public key and keeps each key to its own project", async () => {
    const one = await keyedWorld();
    const two = await keyedWorld();
    const mine = (await (await one.post({ modelPattern: "gpt-4o", inputPerMTok: 0, outputPerMTok: 0 })).json()) as { id: string };

    const asPublic = await one.post({ modelPattern: "x", inputPerMTok: 1, outputPerMTok: 1 }, { "content-type": "application/json" }, one.key.publicKey);
    expect(asPublic.status).toBe(403);
    expect((await one.get("", one.key.publicKey)).status).toBe(403);
    expect((await one.del(mine.id, one.key.publicKey)).status).toBe(403);

    expect(await (await two.get()).json()).toEqual({ prices: [] });
    expect(await (await two.get("?model=gpt-4o")).json()).toMatchObject({ match: { source: "table" } });
    const foreign = await two.del(mine.id);
    expect(foreign.status).toBe(404);
    expect(((await (await one.get()).json()) as { prices: { id: string }[] }).prices.map((p) => p.id)).toEqual([mine.id]);
  });

  it("answers 401 without a valid key", async () => {
    const res = await GET(new NextRequest(BASE), { params: Promise.resolve({}) });
    expect(res.status).toBe(401);
    expect(await errorCode(res)).toBe("UNAUTHORIZED");
  });
});
