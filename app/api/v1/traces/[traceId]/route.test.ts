import { beforeAll, describe, expect, it } from "vitest";
import { createApiKey } from "@/lib/api-keys/create";
import { minuteAgo, store, variedEvents } from "@/lib/requests/test-events";
import { makeWorld } from "@/test/factories";
import { getWithKey } from "@/test/routes";
import { GET } from "./route";

let key: { secretKey: string; publicKey: string };
let otherKey: { secretKey: string };

const get = (traceId: string, token?: string) => getWithKey(GET, `/api/v1/traces/${encodeURIComponent(traceId)}`, token, { traceId });

beforeAll(async () => {
  const world = await makeWorld();
  key = await createApiKey(world.as("owner"), { name: "reader" });
  otherKey = await createApiKey((await makeWorld()).as("owner"), { name: "other" });
  await store(world, variedEvents(minuteAgo(30)));
});

describe("GET /api/v1/traces/:traceId", () => {
  it("answers 401 without a key and 403 with the public key", async () => {
    expect((await get("trace-1")).status).toBe(401);
    expect((await get("trace-1", key.publicKey)).status).toBe(403);
  });

  it("answers the trace's spans with the secret key", async () => {
    const res = await get("trace-1", key.secretKey);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { traceId: string; spans: { id: string }[]; rootIds: string[]; totals: { spans: number } };
    expect(body.spans.map((s) => s.id)).toEqual(["req-01", "req-06", "req-11", "req-16", "req-21", "req-26"]);
    expect(body.rootIds).toEqual(body.spans.map((s) => s.id));
    expect(body.totals.spans).toBe(6);
  });

  it("answers 404 for another project's key", async () => {
    const res = await get("trace-1", otherKey.secretKey);
    expect(res.status).toBe(404);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe("NOT_FOUND");
  });
});
