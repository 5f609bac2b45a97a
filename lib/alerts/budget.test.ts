// Budgets: a daily or monthly cost rule alerts on spend so far, or on projected spend.
import { describe, expect, it } from "vitest";
import { MINUTE, minuteAgo } from "@/lib/requests/test-events";
import { makeWorld } from "@/test/factories";
import { createAlertRule } from "./create-rule";
import { evaluateRule } from "./evaluate";
import { periodOf, projectSpend } from "./measure";
import { storeTraffic, traffic } from "./test-receiver";

describe("budget periods and projection", () => {
  it("cuts UTC days and months, across a year's end", () => {
    const now = Date.UTC(2026, 11, 31, 18, 30);
    expect(periodOf("day", now)).toEqual({ start: Date.UTC(2026, 11, 31), end: Date.UTC(2027, 0, 1) });
    expect(periodOf("month", now)).toEqual({ start: Date.UTC(2026, 11, 1), end: Date.UTC(2027, 0, 1) });
  });

  it("projects spend so far plus the recent rate for the time left", () => {
    // $120 spent by noon, $5 in the last hour → $5/h for 12 more hours.
    expect(projectSpend(120, 5, 3600, Date.UTC(2026, 0, 1, 12), Date.UTC(2026, 0, 2))).toBeCloseTo(180, 9);
  });

  it("a projected daily budget fires on track to exceed, before the money is spent", async () => {
    const world = await makeWorld();
    const ctx = world.as("member");
    const base = minuteAgo(10);
    const now = base + 10 * MINUTE;
    const opts = { model: "gpt-4o", fromMinute: 5, toMinute: 10, perMinute: 10, errorShare: 0, prefix: "spend" };
    await storeTraffic(world, base, opts);
    const { start, end } = periodOf("day", now);
    const spentToday = traffic(base, opts).filter((e) => (e.startTime as number) >= start).length * 0.01;
    const projected = projectSpend(spentToday, 0.5, 300, now, end);

    const rule = { metric: "cost_usd", windowSeconds: 300, severity: "critical" } as const;
    const actual = await createAlertRule(ctx, { ...rule, name: "Spent today", condition: { op: ">", threshold: 1 }, budget: { period: "day", projected: false } });
    const onTrack = await createAlertRule(ctx, { ...rule, name: "On track today", condition: { op: ">", threshold: Math.min(projected / 2, spentToday + 1) }, budget: { period: "day", projected: true } });

    expect((await evaluateRule(ctx, actual.id, now)).transitions).toEqual([]);
    const fired = await evaluateRule(ctx, onTrack.id, now);
    expect(fired.transitions).toHaveLength(1);
    expect(fired.transitions[0]!.to).toBe("firing");
    expect(fired.transitions[0]!.value).toBeCloseTo(projected, 6);
  });
});
