import { describe, expect, it } from "vitest";
import { addToHistogram, displayBins, DISPLAY_EDGES_MS, mergeHistograms, quantile, type Histogram } from "./histogram";

function exactQuantile(sorted: number[], q: number): number {
  return sorted[Math.max(1, Math.ceil(q * sorted.length)) - 1]!;
}

// A deterministic generator so a failure can be reproduced.
function lcg(seed: number) {
  let s = seed;
  return () => ((s = (s * 1_664_525 + 1_013_904_223) % 4_294_967_296) / 4_294_967_296);
}

describe("latency histogram", () => {
  it("keeps p50/p90/p95/p99 within 2 % of the exact values on 10k random latencies", () => {
    const rand = lcg(7);
    // Log-normal-ish spread from sub-millisecond to tens of seconds, like real LLM calls.
    const values = Array.from({ length: 10_000 }, () => Math.exp(rand() * 11 - 1));
    const hist: Histogram = {};
    for (const v of values) addToHistogram(hist, v);
    const sorted = [...values].sort((a, b) => a - b);
    for (const q of [0.5, 0.9, 0.95, 0.99]) {
      const exact = exactQuantile(sorted, q);
      const approx = quantile(hist, q)!;
      expect(Math.abs(approx - exact) / exact).toBeLessThanOrEqual(0.02);
    }
  });

  it("gives the same answer whether merged from parts or built whole", () => {
    const rand = lcg(11);
    const values = Array.from({ length: 5_000 }, () => rand() * 3_000);
    const whole: Histogram = {};
    const parts: Histogram[] = [{}, {}, {}];
    values.forEach((v, i) => {
      addToHistogram(whole, v);
      addToHistogram(parts[i % 3]!, v);
    });
    const merged = parts.reduce(mergeHistograms, {});
    expect(merged).toEqual(whole);
    expect(quantile(merged, 0.95)).toBe(quantile(whole, 0.95));
  });

  it("is empty-safe and handles zero latency", () => {
    expect(quantile({}, 0.5)).toBeNull();
    const h: Histogram = {};
    addToHistogram(h, 0);
    expect(quantile(h, 0.5)).toBeLessThan(0.01);
  });
});

describe("displayBins", () => {
  it("regroups buckets into readable ranges, every range present", () => {
    const h: Record<string, number> = {};
    addToHistogram(h, 7, 2);
    addToHistogram(h, 80);
    addToHistogram(h, 450, 3);
    addToHistogram(h, 90_000);
    const bins = displayBins(h);
    expect(bins).toHaveLength(DISPLAY_EDGES_MS.length + 1);
    const byLabel = Object.fromEntries(bins.map((b) => [b.label, b.count]));
    expect(byLabel["≤ 10 ms"]).toBe(2);
    expect(byLabel["50 ms–100 ms"]).toBe(1);
    expect(byLabel["250 ms–500 ms"]).toBe(3);
    expect(byLabel["> 60 s"]).toBe(1);
    expect(bins.reduce((s, b) => s + b.count, 0)).toBe(7);
  });
  it("is all zeros without data", () => {
    expect(displayBins(null).every((b) => b.count === 0)).toBe(true);
  });
});
