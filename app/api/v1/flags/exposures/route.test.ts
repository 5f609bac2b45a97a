// POST /api/v1/flags/exposures: counts added per flag, environment, variant and hour; the
// secret key only; invalid or stale bodies refused whole; each project sees its own counts.
import { describe, expect, it } from "vitest";
import { flagExposureTotals } from "@/lib/flags/exposures";
import { NextRequest } from "next/server";
import { errorOf, keyedProject } from "../test-client";
import { POST } from "./route";

const send = (token: string, body: unknown) =>
  POST(new NextRequest("http://localhost/api/v1/flags/exposures", { method: "POST", headers: { authorization: `Bearer ${token}`, "content-type": "application/json" }, body: JSON.stringify(body) }), { params: Promise.resolve({}) as never });

describe("POST /api/v1/flags/exposures", () => {
  it("adds counts into hourly totals per flag, environment and variant", async () => {
    const { key, world } = await keyedProject();
    const other = await keyedProject();
    const now = Date.now();
    const hour = new Date(Math.floor(now / 3_600_000) * 3_600_000);
    const first = await send(key.secretKey, { environment: "production", startTime: now, exposures: [{ flag: "new-model", variant: "on", count: 3 }, { flag: "new-model", variant: "on", count: 2 }, { flag: "new-model", variant: "off", count: 7 }] });
    expect([first.status, await first.json()]).toEqual([202, { accepted: 3 }]);
    expect((await send(key.secretKey, { environment: "production", startTime: now + 60_000_000, exposures: [{ flag: "new-model", variant: "on", count: 1 }] })).status).toBe(202); // a fast clock: this hour
    expect((await send(key.secretKey, { environment: "staging", startTime: now, exposures: [{ flag: "new-model", variant: "on", count: 4 }] })).status).toBe(202);

    const totals = await flagExposureTotals(world.as("viewer"), { key: "new-model", since: new Date(now - 86_400_000) });
    expect(totals).toEqual([
      { environment: "production", variant: "off", count: 7, lastHour: hour },
      { environment: "production", variant: "on", count: 6, lastHour: hour },
      { environment: "staging", variant: "on", count: 4, lastHour: hour },
    ]);
    expect(await flagExposureTotals(other.world.as("owner"), { key: "new-model", since: new Date(now - 86_400_000) })).toEqual([]);
  });

  it("refuses the public key, invalid counts and counts older than a week, storing nothing", async () => {
    const { key, world } = await keyedProject();
    const ok = { environment: "production", startTime: Date.now(), exposures: [{ flag: "f", variant: "on", count: 1 }] };
    const pub = await send(key.publicKey, ok);
    expect([pub.status, (await errorOf(pub)).code]).toEqual([403, "FORBIDDEN"]);
    const bad = await send(key.secretKey, { ...ok, exposures: [{ flag: "F!", variant: "on", count: 0 }] });
    expect(bad.status).toBe(422);
    expect((await errorOf(bad)).issues?.map((i) => i.path)).toEqual(["exposures.0.flag", "exposures.0.count"]);
    const old = await send(key.secretKey, { ...ok, startTime: Date.now() - 8 * 86_400_000 });
    expect([old.status, (await errorOf(old)).issues]).toEqual([422, [{ path: "startTime", message: "Send counts within 7 days of their window." }]]);
    expect(await flagExposureTotals(world.as("owner"), { key: "f", since: new Date(0) })).toEqual([]);
  });
});
