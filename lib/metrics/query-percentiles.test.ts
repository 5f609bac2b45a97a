import type { Event } from "@sextant/sdk";
import { describe, expect, it } from "vitest";
import { minuteAgo, store } from "@/lib/requests/test-events";
import { makeWorld } from "@/test/factories";
import { queryMetrics } from "./query";

/** A fixed-seed generator (mulberry32) so a failure can be reproduced. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** The exact nearest-rank percentile of a sample. */
function exact(sorted: number[], q: number): number {
  return sorted[Math.max(1, Math.ceil(q * sorted.length)) - 1]!;
}

describe("queryMetrics latency percentiles", () => {
  it("are within 2 % of the exact percentiles of 2,000 ingested latencies, per group and in total", async () => {
    const world = await makeWorld();
    const rand = random(20261126);
    const base = minuteAgo(45);
    // Log-uniform from 5 ms to 60 s, spread over 30 minutes and two models.
    const events: Event[] = Array.from({ length: 2000 }, (_, i) => ({
      id: `lat-${i}`,
      startTime: base + Math.floor(rand() * 30 * 60_000),
      durationMs: Math.round(5 * Math.pow(12_000, rand()) * 1000) / 1000,
      model: i % 2 ? "fast" : "slow",
    }));
    await store(world, events);
    const groups = [
      ["all", events],
      ["fast", events.filter((e) => e.model === "fast")],
      ["slow", events.filter((e) => e.model === "slow")],
    ] as const;
    const total = await queryMetrics(world.as("viewer"));
    const byModel = await queryMetrics(world.as("viewer"), { groupBy: "model" });
    for (const [key, list] of groups) {
      const group = [...total.groups, ...byModel.groups].find((g) => g.key === key)!;
      expect(group.requests).toBe(list.length);
      const sorted = list.map((e) => e.durationMs!).sort((a, b) => a - b);
      for (const [name, q] of [["p50", 0.5], ["p90", 0.9], ["p95", 0.95], ["p99", 0.99]] as const) {
        const truth = exact(sorted, q);
        const measured = group.latencyMs[name]!;
        expect(Math.abs(measured - truth) / truth, `${key} ${name}: ${measured} vs ${truth}`).toBeLessThanOrEqual(0.02);
      }
    }
  });
});
