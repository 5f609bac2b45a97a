import { beforeAll, describe, expect, it } from "vitest";
import { minuteAgo, store, variedEvents } from "@/lib/requests/test-events";
import { expectAppError, makeWorld, type World } from "@/test/factories";
import { bucketIndex } from "./histogram";
import { latencyHistogram } from "./latency-histogram";

let world: World;
const events = variedEvents(minuteAgo(40), 90_000);

beforeAll(async () => {
  world = await makeWorld();
  await store(world, events);
});

describe("latencyHistogram", () => {
  it("holds every matching request in its latency bucket", async () => {
    const h = await latencyHistogram(world.as("viewer"), { filters: {} });
    const expected: Record<string, number> = {};
    for (const e of events) expected[String(bucketIndex(e.durationMs!))] = (expected[String(bucketIndex(e.durationMs!))] ?? 0) + 1;
    expect(h).toEqual(expected);
    const model = events[0]!.model!;
    const one = await latencyHistogram(world.as("viewer"), { filters: { model } });
    expect(Object.values(one).reduce((s, n) => s + n, 0)).toBe(events.filter((e) => e.model === model).length);
  });

  it("is empty for another project's caller and refuses filters the rollups do not keep", async () => {
    const other = await makeWorld();
    expect(await latencyHistogram(other.as("owner"), { filters: {} })).toEqual({});
    await expectAppError(latencyHistogram(world.as("viewer"), { filters: { tags: ["x"] } }), "UNPROCESSABLE_ENTITY");
  });
});
