import { describe, expect, it } from "vitest";
import type { VariantComparison, VariantMetrics } from "@/lib/flags/compare";
import { buildComparison } from "./comparison";

const variant = (name: string, over: Partial<VariantMetrics> = {}): VariantMetrics => ({
  variant: name, requests: 500, errors: 45, p95Ms: 800, costUsd: 1, unpriced: 0,
  latency: { n: 500, mean: 400, variance: 100 ** 2 }, costNanos: { n: 500, mean: 2_000_000, variance: 1e12 }, scores: {}, ...over,
});
const comparison = (variants: VariantMetrics[]): VariantComparison => ({ key: "f", environment: null, from: "", to: "", variants, sampled: 1000, capped: false });

describe("buildComparison", () => {
  it("compares every variant with the baseline: rates by z-test, means by Welch, scores per name", () => {
    const c = buildComparison(comparison([
      variant("control", { scores: { helpful: { n: 40, mean: 0.7, variance: 0.21 } } }),
      variant("candidate", { errors: 70, latency: { n: 500, mean: 380, variance: 100 ** 2 }, scores: { helpful: { n: 10, mean: 0.9, variance: 0.09 } } }),
    ]), "control");
    expect(c.baseline).toBe("control");
    expect(c.alpha).toBe(0.05);
    expect(c.rows.map((r) => r.id)).toEqual(["requests", "errorRate", "p95", "latency", "cost", "score:helpful"]);
    const byId = Object.fromEntries(c.rows.map((r) => [r.id, r]));
    expect(byId.errorRate!.cells.control!.verdict).toBeNull();
    expect(byId.errorRate!.cells.candidate!.verdict).toMatchObject({ kind: "significant" }); // 45/500 vs 70/500: p = 0.013
    expect(byId.errorRate!.cells.candidate!.value).toBeCloseTo(0.14, 10);
    expect(byId.latency!.cells.candidate!.verdict).toMatchObject({ kind: "significant" }); // 20 ms on sd 100 with n = 500: t ≈ 3.2
    expect(byId.cost!.cells.candidate!.value).toBeCloseTo(0.002, 12);
    expect(byId.cost!.cells.candidate!.verdict).toMatchObject({ kind: "not_significant" });
    expect(byId["score:helpful"]!.cells.candidate!.verdict).toEqual({ kind: "insufficient", reason: "needs 30 values per variant (has 10)" });
  });

  it("splits alpha between several challengers and defaults the baseline to the busiest variant", () => {
    const c = buildComparison(comparison([variant("a"), variant("b", { errors: 70 }), variant("c")]));
    expect(c.baseline).toBe("a");
    expect(buildComparison(comparison([variant("a"), variant("b"), variant("c")]), "c").variants).toEqual(["c", "a", "b"]);
    expect(c.alpha).toBeCloseTo(0.025, 12);
    expect(buildComparison(comparison([])).baseline).toBeNull();
  });
});
