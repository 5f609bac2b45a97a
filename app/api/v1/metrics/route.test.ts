import { beforeAll, describe, expect, it } from "vitest";
import { createApiKey } from "@/lib/api-keys/create";
import { minuteAgo, store, variedEvents } from "@/lib/requests/test-events";
import { makeWorld } from "@/test/factories";
import { getWithKey } from "@/test/routes";
import { GET } from "./route";

let key: { secretKey: string; publicKey: string };
let otherKey: { secretKey: string };

const get = (query: string, token?: string) => getWithKey(GET, `/api/v1/metrics${query}`, token);

type Answer = { groupBy: string | null; groups: { key: string; requests: number }[]; series?: { key: string; points: { requests: number }[] }[] };

beforeAll(async () => {
  const world = await makeWorld();
  key = await createApiKey(world.as("owner"), { name: "reader" });
  otherKey = await createApiKey((await makeWorld()).as("owner"), { name: "other" });
  await store(world, variedEvents(minuteAgo(30)));
});

describe("GET /api/v1/metrics", () => {
  it("answers 401 without a key and 403 with the public key", async () => {
    expect((await get("")).status).toBe(401);
    expect((await get("", key.publicKey)).status).toBe(403);
  });

  it("answers groups and series with the secret key", async () => {
    const res = await get("?groupBy=model&interval=5m&environment=production", key.secretKey);
    expect(res.status).toBe(200);
    const body = (await res.json()) as Answer;
    expect(body.groupBy).toBe("model");
    expect(body.groups.map((g) => g.key).sort()).toEqual(["alpha", "beta", "gamma"]);
    // Requests 0, 7, 14, 21 and 28 are staging.
    expect(body.groups.reduce((s, g) => s + g.requests, 0)).toBe(25);
    expect(body.series!.flatMap((s) => s.points).reduce((s, p) => s + p.requests, 0)).toBe(25);
  });

  it("answers 422 naming the supported filters, and zero for another project", async () => {
    const res = await get("?groupBy=model&userId=user-1", key.secretKey);
    expect(res.status).toBe(422);
    const body = (await res.json()) as { error: { code: string; message: string } };
    expect(body.error.message).toMatch(/can be filtered only by model, provider/);
    const other = (await (await get("", otherKey.secretKey)).json()) as Answer;
    expect(other.groups).toMatchObject([{ key: "all", requests: 0 }]);
  });
});
