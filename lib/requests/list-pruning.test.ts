import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { partitionName, dayOf } from "@/lib/ingest/partitions";
import { parseFilterInput } from "@/lib/metrics/filters";
import { makeWorld } from "@/test/factories";
import { testDb } from "@/test/db";
import { listRequests, pageQuery } from "./list";
import { minuteAgo, store } from "./test-events";

const DAY = 86_400_000;

describe("listRequests partition pruning", () => {
  it("reads only the day partitions its time range touches", async () => {
    const world = await makeWorld();
    const recent = minuteAgo(40);
    const old = recent - 5 * DAY;
    await store(world, [
      { id: "recent", startTime: recent, durationMs: 1 },
      { id: "old", startTime: old, durationMs: 1 },
    ]);
    const filters = parseFilterInput({ from: recent - 60_000, to: recent + 60_000 });
    expect((await listRequests(world.as("viewer"), { filters })).items.map((i) => i.id)).toEqual(["recent"]);

    const plan = await testDb().execute<{ "QUERY PLAN": string }>(sql`explain ${pageQuery(world.as("viewer"), filters, null, 51)}`);
    const text = plan.rows.map((r) => r["QUERY PLAN"]).join("\n");
    expect(text).toContain(partitionName("requests", dayOf(recent)));
    expect(text).not.toContain(partitionName("requests", dayOf(old)));
    // The old request is there for a range that covers it.
    expect((await listRequests(world.as("viewer"), { filters: { from: old - DAY, to: Date.now() } })).items.map((i) => i.id)).toEqual(["recent", "old"]);
  });
});
