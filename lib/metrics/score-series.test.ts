import { beforeAll, describe, expect, it } from "vitest";
import { keyCtx, minuteAgo, store, variedEvents } from "@/lib/requests/test-events";
import { ingestScores } from "@/lib/scores/ingest";
import { makeWorld, type World } from "@/test/factories";
import { scoreSeries } from "./score-series";

let world: World;

beforeAll(async () => {
  world = await makeWorld();
  await store(world, variedEvents(minuteAgo(40), 90_000));
  await ingestScores(keyCtx(world), [
    { requestId: "req-00", name: "helpful", value: 1 },
    { requestId: "req-01", name: "helpful", value: 0 },
    { requestId: "req-02", name: "accuracy", value: 0.75 },
  ]);
});

describe("scoreSeries", () => {
  it("averages each score name per bin, only for this project", async () => {
    const points = await scoreSeries(world.as("viewer"), { filters: {}, interval: "1h" });
    const byName = (n: string) => points.filter((p) => p.name === n);
    const helpful = byName("helpful");
    expect(helpful.reduce((s, p) => s + p.count, 0)).toBe(2);
    expect(helpful.reduce((s, p) => s + p.avg * p.count, 0)).toBe(1);
    expect(byName("accuracy")).toEqual([expect.objectContaining({ avg: 0.75, count: 1 })]);
    expect(await scoreSeries((await makeWorld()).as("owner"), { filters: {}, interval: "1h" })).toEqual([]);
  });
});
