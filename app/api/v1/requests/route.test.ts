import { beforeAll, describe, expect, it } from "vitest";
import { createApiKey } from "@/lib/api-keys/create";
import { minuteAgo, store, variedEvents } from "@/lib/requests/test-events";
import { makeWorld } from "@/test/factories";
import { getWithKey } from "@/test/routes";
import { GET } from "./route";

let key: { secretKey: string; publicKey: string };

const get = (query: string, token?: string) => getWithKey(GET, `/api/v1/requests${query}`, token);

beforeAll(async () => {
  const world = await makeWorld();
  key = await createApiKey(world.as("owner"), { name: "reader" });
  await store(world, variedEvents(minuteAgo(30)));
});

describe("GET /api/v1/requests", () => {
  it("answers 401 without a key and 403 with the public key", async () => {
    const none = await get("");
    expect(none.status).toBe(401);
    expect(((await none.json()) as { error: { code: string } }).error.code).toBe("UNAUTHORIZED");
    const pk = await get("", key.publicKey);
    expect(pk.status).toBe(403);
    expect(((await pk.json()) as { error: { code: string } }).error.code).toBe("FORBIDDEN");
  });

  it("answers a filtered page and its cursor with the secret key", async () => {
    const res = await get("?model=beta&limit=4&tag=red", key.secretKey);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { items: { id: string; model: string }[]; nextCursor: string };
    expect(body.items.map((i) => i.id)).toEqual(["req-28", "req-25", "req-22", "req-19"]);
    const next = (await (await get(`?model=beta&limit=4&tag=red&cursor=${body.nextCursor}`, key.secretKey)).json()) as typeof body;
    expect(next.items.map((i) => i.id)).toEqual(["req-16", "req-13", "req-10", "req-07"]);
  });

  it("pages oldest first with order=asc, and refuses other orders", async () => {
    const body = (await (await get("?model=beta&limit=3&tag=red&order=asc", key.secretKey)).json()) as { items: { id: string }[]; nextCursor: string };
    expect(body.items.map((i) => i.id)).toEqual(["req-01", "req-04", "req-07"]);
    const next = (await (await get(`?model=beta&limit=3&tag=red&order=asc&cursor=${body.nextCursor}`, key.secretKey)).json()) as typeof body;
    expect(next.items.map((i) => i.id)).toEqual(["req-10", "req-13", "req-16"]);
    expect((await get("?order=sideways", key.secretKey)).status).toBe(422);
  });

  it("answers 422 with issues for bad filters or a bad cursor", async () => {
    const bad = await get("?from=soon&status=weird", key.secretKey);
    expect(bad.status).toBe(422);
    const body = (await bad.json()) as { error: { code: string; issues: { path: string }[] } };
    expect(body.error.code).toBe("UNPROCESSABLE_ENTITY");
    expect(body.error.issues.map((i) => i.path).sort()).toEqual(["from", "status"]);
    expect((await get("?cursor=%%%", key.secretKey)).status).toBe(422);
  });
});
