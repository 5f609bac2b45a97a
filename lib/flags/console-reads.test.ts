// The reads behind the flags console against the real database: usage (stale hints),
// history (audit rows of one flag, readable by every role) and the variant comparison.
import type { Event } from "@sextant/sdk";
import { describe, expect, it } from "vitest";
import { sampleFlag } from "@/app/api/v1/flags/test-client";
import { ingestScores } from "@/lib/scores/ingest";
import { keyCtx, minuteAgo, store } from "@/lib/requests/test-events";
import { makeWorld } from "@/test/factories";
import { compareVariants } from "./compare";
import { createFlag } from "./create";
import { flagHistory } from "./history";
import { toggleFlag } from "./toggle";
import { flagUsage } from "./usage";

function flagged(i: number, variant: string, extra: Partial<Event> = {}): Event {
  return {
    id: `f-${variant}-${i}`,
    startTime: new Date(minuteAgo(5) + i * 10).toISOString(),
    durationMs: variant === "on" ? 200 + (i % 5) * 10 : 100 + (i % 5) * 10,
    provider: "openai",
    model: "m",
    environment: "production",
    status: i % 10 === 0 ? "error" : "ok",
    ...(i % 10 === 0 ? { error: { type: "timeout", message: "slow" } } : {}),
    costUsd: variant === "on" ? 0.002 : 0.001,
    flags: { "new-model": variant },
    ...extra,
  } as Event;
}

describe("flags console reads", () => {
  it("history: one flag's audit rows, newest first, for every role; nothing of another project", async () => {
    const w = await makeWorld();
    const other = await makeWorld();
    await createFlag(w.as("member"), sampleFlag());
    await toggleFlag(w.as("admin"), { key: "new-model", environment: "production", body: { enabled: false } });
    await createFlag(other.as("owner"), sampleFlag());
    const { changes, nextCursor } = await flagHistory(w.as("viewer"), { key: "new-model" });
    expect(changes.map((c) => [c.action, c.actor])).toEqual([["flag.toggle", w.users.admin.email], ["flag.create", w.users.member.email]]);
    expect(changes[0]!.before!.environments.production!.enabled).toBe(true);
    expect(changes[0]!.after!.environments.production!.enabled).toBe(false);
    expect(nextCursor).toBeNull();
    const page = await flagHistory(w.as("reviewer"), { key: "new-model", limit: 1 });
    expect(page.changes).toHaveLength(1);
    expect((await flagHistory(w.as("reviewer"), { key: "new-model", before: page.nextCursor! })).changes.map((c) => c.action)).toEqual(["flag.create"]);
  });

  it("usage and comparison: counts and errors from the rollups, moments and scores from the raw rows", async () => {
    const w = await makeWorld();
    const other = await makeWorld();
    const events = [...Array.from({ length: 40 }, (_, i) => flagged(i, "off")), ...Array.from({ length: 20 }, (_, i) => flagged(i, "on"))];
    await store(w, events);
    await store(other, [flagged(0, "on", { id: "elsewhere" })]);
    await ingestScores(keyCtx(w), [
      { requestId: "f-on-1", name: "helpful", value: 1 },
      { requestId: "f-on-2", name: "helpful", value: 0 },
      { requestId: "f-off-1", name: "helpful", value: 1 },
    ]);

    const usage = await flagUsage(w.as("viewer"));
    expect(usage.get("new-model")!.variantsInWindow).toEqual({ off: 40, on: 20 });
    expect(usage.get("new-model")!.lastSeenAt).toBeInstanceOf(Date);
    expect((await flagUsage(other.as("viewer"))).get("new-model")!.variantsInWindow).toEqual({ on: 1 });

    const c = await compareVariants(w.as("viewer"), { key: "new-model", from: new Date(Date.now() - 3_600_000), to: new Date(Date.now() + 60_000), environment: "production" });
    expect(c.sampled).toBe(60);
    expect(c.capped).toBe(false);
    const on = c.variants.find((v) => v.variant === "on")!;
    const off = c.variants.find((v) => v.variant === "off")!;
    expect([off.requests, off.errors, on.requests, on.errors]).toEqual([40, 4, 20, 2]);
    expect(on.latency.n).toBe(20);
    expect(on.latency.mean).toBeCloseTo(220, 6);
    // durations 200..240 in steps of 10, four times each: sample variance 4·(2·400 + 2·100)/19.
    expect(on.latency.variance).toBeCloseTo((4 * 1000) / 19, 6);
    expect(on.costNanos).toMatchObject({ n: 20, mean: 2_000_000, variance: 0 });
    expect(on.scores.helpful).toMatchObject({ n: 2, mean: 0.5 });
    expect(off.scores.helpful).toMatchObject({ n: 1, mean: 1 });

    const staging = await compareVariants(w.as("viewer"), { key: "new-model", from: new Date(Date.now() - 3_600_000), to: new Date(Date.now() + 60_000), environment: "staging" });
    expect(staging.variants).toEqual([]);
  });
});
