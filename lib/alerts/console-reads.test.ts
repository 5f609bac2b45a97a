// The reads behind the alerts console against the real database: open alerts across rules
// (ordered, silenced marked, other projects invisible) and the editor's live preview.
import { describe, expect, it } from "vitest";
import { loadOverview } from "@/lib/dashboard/overview";
import { MINUTE } from "@/lib/requests/test-events";
import { expectAppError, makeWorld } from "@/test/factories";
import { createAlertRule } from "./create-rule";
import { evaluateAlertRuleNow } from "./evaluate-now";
import { listOpenAlerts } from "./open-alerts";
import { pickGroups, previewAlertRule, previewTimes } from "./preview";
import { createSilence } from "./silences";
import { storeTraffic } from "./test-receiver";

const ERRORS = { name: "Errors by model", severity: "critical", metric: "error_rate", groupBy: "model", condition: { op: ">", threshold: 0.1 }, windowSeconds: 300 } as const;

describe("alerts console reads", () => {
  it("open alerts: firing before pending, with rule, group, value and since; silenced marked; another project sees none", async () => {
    const w = await makeWorld();
    const other = await makeWorld();
    const now = Date.now();
    const base = now - 10 * MINUTE;
    await storeTraffic(w, base, { model: "gpt-4o", fromMinute: 6, toMinute: 10, perMinute: 10, errorShare: 0.5, prefix: "bad" });
    await storeTraffic(w, base, { model: "claude", fromMinute: 6, toMinute: 10, perMinute: 10, errorShare: 0.2, prefix: "meh" });
    const member = w.as("member");
    const firing = await createAlertRule(member, ERRORS);
    const pending = await createAlertRule(member, { ...ERRORS, name: "Slow errors", severity: "warning", forSeconds: 600 });
    await evaluateAlertRuleNow(member, pending.id, now);
    await evaluateAlertRuleNow(member, firing.id, now);
    await createSilence(member, { ruleId: firing.id, matchers: { model: "claude" }, endsAt: new Date(now + 3_600_000), comment: "known" });

    const open = await listOpenAlerts(w.as("viewer"));
    expect(open.map((a) => [a.ruleName, a.groupKey, a.state, a.silenced])).toEqual([
      ["Errors by model", "gpt-4o", "firing", false],
      ["Errors by model", "claude", "firing", true],
      ["Slow errors", "claude", "pending", false],
      ["Slow errors", "gpt-4o", "pending", false],
    ]);
    expect(open[0]).toMatchObject({ ruleId: firing.id, metric: "error_rate", groupBy: "model", severity: "critical", value: 0.5, op: ">", threshold: 0.1, since: new Date(now) });
    expect(await listOpenAlerts(other.as("owner"))).toEqual([]);

    // The dashboard's banner: firing only (not pending), whatever the dashboard's filters.
    const overview = await loadOverview(w.as("viewer"), new URLSearchParams({ range: "1h", model: "claude" }));
    expect(overview.firing.map((a) => [a.ruleName, a.groupKey, a.silenced])).toEqual([["Errors by model", "gpt-4o", false], ["Errors by model", "claude", true]]);
  });

  it("preview: the metric per group at evenly spaced moments, worst first, as the evaluator reads it", async () => {
    const w = await makeWorld();
    const now = Date.now();
    const base = now - 10 * MINUTE;
    await storeTraffic(w, base, { model: "gpt-4o", fromMinute: 6, toMinute: 10, perMinute: 10, errorShare: 0.3, prefix: "bad" });
    await storeTraffic(w, base, { model: "claude", fromMinute: 6, toMinute: 10, perMinute: 10, errorShare: 0, prefix: "ok" });
    const p = await previewAlertRule(w.as("viewer"), { metric: "error_rate", groupBy: "model", windowSeconds: 300, op: ">" }, now);
    expect(p.times).toHaveLength(24);
    expect(p.times.at(-1)).toBe(now);
    expect(p.series.map((s) => s.key)).toEqual(["gpt-4o", "claude"]);
    expect(p.series[0]!.values.at(-1)).toBeCloseTo(0.3);
    expect(p.series[0]!.values[0]).toBeNull(); // an hour ago: no requests, no rate
    expect(p.current).toEqual([{ key: "gpt-4o", value: expect.closeTo(0.3), samples: 40 }, { key: "claude", value: 0, samples: 40 }]);

    // The same 422 as saving: scores are not kept per user.
    await expectAppError(previewAlertRule(w.as("viewer"), { metric: "score_avg", scoreName: "q", groupBy: "userId", windowSeconds: 300 }, now), "UNPROCESSABLE_ENTITY");
  });

  it("preview helpers: span of max(1 h, 6 windows) on whole minutes; low values first for < rules", () => {
    const t = previewTimes(3600, 1_000_000_000_000);
    expect(t[1]! - t[0]!).toBe(15 * MINUTE);
    expect(previewTimes(60, 0)[1]! - previewTimes(60, 0)[0]!).toBe(2 * MINUTE);
    const obs = new Map([
      ["a", { kind: "value", value: 0.2, samples: 5 }],
      ["b", { kind: "no_data" }],
      ["c", { kind: "value", value: 0.9, samples: 5 }],
    ] as const);
    expect(pickGroups(new Map(obs), ">")).toEqual(["c", "a", "b"]);
    expect(pickGroups(new Map(obs), "<")).toEqual(["a", "c", "b"]);
  });
});
