import type { Event } from "@sextant/sdk";
import { beforeAll, describe, expect, it } from "vitest";
import { expectAppError, makeWorld, type World } from "@/test/factories";
import { getTrace } from "./trace";
import { minuteAgo, nanos, store } from "./test-events";

let world: World;
let base: number;

/** agent → (plan, search → fetch, answer); "late" names a parent that was never sent. */
function traceEvents(): Event[] {
  const span = (id: string, parentId: string | undefined, startOffset: number, durationMs: number, extra: Partial<Event> = {}): Event => ({
    id, traceId: "trace-a", parentId, kind: "span", startTime: base + startOffset, durationMs, ...extra,
  });
  return [
    span("answer", "agent", 900, 300, { kind: "llm", model: "alpha", costUsd: 0.002, usage: { inputTokens: 500, outputTokens: 80 } }),
    span("agent", undefined, 0, 1500),
    span("plan", "agent", 10, 200, { kind: "llm", model: "alpha", costUsd: 0.0015, usage: { inputTokens: 300, outputTokens: 20 } }),
    span("search", "agent", 250, 600, { kind: "tool", status: "error", error: { type: "timeout" } }),
    span("fetch", "search", 300, 400, { kind: "retrieval" }),
    span("late", "never-sent", 1400, 700, { kind: "llm", model: "unknown-model", usage: { inputTokens: 1 } }),
  ];
}

beforeAll(async () => {
  world = await makeWorld();
  base = minuteAgo(20);
  await store(world, [...traceEvents(), { id: "elsewhere", traceId: "trace-b", startTime: base, durationMs: 1 }]);
});

describe("getTrace", () => {
  it("answers every span oldest first with its parent, the roots and the totals", async () => {
    const t = await getTrace(world.as("viewer"), "trace-a");
    expect(t.traceId).toBe("trace-a");
    expect(t.spans.map((s) => s.id)).toEqual(["agent", "plan", "search", "fetch", "answer", "late"]);
    expect(Object.fromEntries(t.spans.map((s) => [s.id, s.parentId]))).toEqual({
      agent: null, plan: "agent", search: "agent", fetch: "search", answer: "agent", late: "never-sent",
    });
    expect(t.rootIds).toEqual(["agent", "late"]);
    expect(t.totals).toEqual({
      spans: 6,
      durationMs: 2100,
      costUsd: Number(nanos(0.002) + nanos(0.0015)) / 1e9,
      costNanos: (nanos(0.002) + nanos(0.0015)).toString(),
      unpriced: 1, // only "late": spans without model and usage cost nothing themselves
      errors: 1,
      inputTokens: 801,
      outputTokens: 100,
    });
    expect(t.truncated).toBe(false);
    expect(t.spans[0]).not.toHaveProperty("input");
  });

  it("answers 404 for an unknown trace and for another project's trace", async () => {
    await expectAppError(getTrace(world.as("viewer"), "trace-z"), "NOT_FOUND");
    const other = await makeWorld();
    await expectAppError(getTrace(other.as("owner"), "trace-a"), "NOT_FOUND");
  });
});
