import { describe, expect, it } from "vitest";
import { emptyDraft, fromRule, parsePairs, toRuleInput, toRulePatch } from "./rule-draft";
import { describeCondition, duration, formatValue, fromInput, toInput } from "./units";
import type { AlertRule } from "@/lib/alerts/schemas";

describe("alert units", () => {
  it("rates are typed and shown in percent, stored as ratios, without float noise", () => {
    expect(fromInput("error_rate", "7")).toBe(0.07);
    expect(toInput("error_rate", 0.07)).toBe("7");
    expect(toInput("error_rate", 0.123)).toBe("12.3");
    expect(fromInput("latency_p95", "2000")).toBe(2000);
    expect(fromInput("error_rate", " ")).toBeUndefined();
    expect(fromInput("error_rate", "abc")).toBeNaN();
  });

  it("values carry their unit", () => {
    expect(formatValue("error_rate", 0.31)).toBe("31.0 %");
    expect(formatValue("latency_p95", 1893.4)).toBe("1,893 ms");
    expect(formatValue("cost_usd", 4.183)).toBe("$4.18");
    expect(formatValue("tokens", 12000)).toBe("12,000 tokens");
    expect(formatValue("error_rate", null)).toBe("no data");
    expect(duration(300)).toBe("5 min");
    expect(duration(86_400)).toBe("1 day");
    expect(describeCondition({ metric: "error_rate", condition: { op: ">", threshold: 0.05 }, windowSeconds: 300, forSeconds: 120 })).toBe("Error rate > 5.0 % over 5 min, for 2 min");
  });
});

describe("rule draft", () => {
  const draft = {
    ...emptyDraft(), name: "Errors", metric: "error_rate" as const, threshold: "5", warnThreshold: "2", recoverThreshold: "1", forSeconds: 0,
    filters: { ...emptyDraft().filters, model: "gpt-4o", promptVersion: "3" }, flags: "beta=on", groupBy: "endpoint", labels: "team=ml\n", repeatMinutes: "30",
  };

  it("becomes the API's rule: percent to ratio, blank optionals absent, pairs as records", () => {
    expect(toRuleInput(draft)).toEqual({
      name: "Errors", severity: "warning", enabled: true, metric: "error_rate", filters: { model: "gpt-4o", promptVersion: 3, flags: { beta: "on" } }, groupBy: "endpoint",
      condition: { op: ">", threshold: 0.05, warnThreshold: 0.02, recoverThreshold: 0.01 }, windowSeconds: 300, forSeconds: 0, minRequests: 20, noData: "ok",
      channels: [], repeatIntervalSeconds: 1800, sendResolved: true, labels: { team: "ml" },
    });
    expect(toRulePatch({ ...draft, groupBy: "", runbookUrl: "" })).toMatchObject({ groupBy: null, runbookUrl: null, description: null, budget: null });
  });

  it("a stored rule comes back into the editor unchanged", () => {
    const input = toRuleInput(draft);
    const rule = { ...input, id: "r", lastEvaluatedAt: null, lastError: null, createdAt: new Date(), updatedAt: new Date() } as unknown as AlertRule;
    expect(toRuleInput(fromRule(rule))).toEqual(input);
  });

  it("pairs: one a line; a line without = keeps its key for the server to name", () => {
    expect(parsePairs("a=1\n\n b = x=y \nbad")).toEqual({ a: "1", b: "x=y", bad: "" });
  });
});
