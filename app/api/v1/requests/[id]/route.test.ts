import { beforeAll, describe, expect, it } from "vitest";
import { createApiKey } from "@/lib/api-keys/create";
import { minuteAgo, store, variedEvents } from "@/lib/requests/test-events";
import { makeWorld } from "@/test/factories";
import { getWithKey } from "@/test/routes";
import { GET } from "./route";

let key: { secretKey: string; publicKey: string };
let otherKey: { secretKey: string };

const get = (id: string, token?: string) => getWithKey(GET, `/api/v1/requests/${encodeURIComponent(id)}`, token, { id });

beforeAll(async () => {
  const world = await makeWorld();
  key = await createApiKey(world.as("owner"), { name: "reader" });
  otherKey = await createApiKey((await makeWorld()).as("owner"), { name: "other" });
  await store(world, variedEvents(minuteAgo(30)));
});

describe("GET /api/v1/requests/:id", () => {
  it("answers 401 without a key and 403 with the public key", async () => {
    expect((await get("req-01")).status).toBe(401);
    expect((await get("req-01", key.publicKey)).status).toBe(403);
  });

  it("answers the request with its bodies and cost explanation", async () => {
    const res = await get("req-01", key.secretKey);
    expect(res.status).toBe(200);
    const body = (await res.json()) as Record<string, unknown>;
    expect(body).toMatchObject({ id: "req-01", input: { messages: [{ role: "user", content: "hello 1" }] }, output: { text: "answer 1" }, scores: [] });
    expect(body.cost).toMatchObject({ costUsd: body.costUsd, source: body.costSource });
  });

  it("answers 404 for another project's key", async () => {
    const res = await get("req-01", otherKey.secretKey);
    expect(res.status).toBe(404);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe("NOT_FOUND");
  });
});
