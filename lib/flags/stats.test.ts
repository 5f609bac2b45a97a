// Reference values: Wikipedia's Welch's t-test example 1 and scipy.stats 1.17
// (ttest_ind(equal_var=False), t.ppf, t.sf, norm.cdf, beta.cdf); Wilson intervals from the
// closed form, checked against published tables (0 of 10 → [0, 0.2775]).
import { describe, expect, it } from "vitest";
import {
  compareMeans, compareRates, incompleteBeta, meanInterval, MIN_SAMPLE, momentsOf, normalCdf,
  studentTCdf, studentTQuantile, twoProportionTest, welchTest, wilsonInterval,
} from "./stats";

const A1 = [27.5, 21.0, 19.0, 23.6, 17.0, 17.9, 16.9, 20.1, 21.9, 22.6, 23.1, 19.6, 19.0, 21.7, 21.4];
const A2 = [27.1, 22.0, 20.8, 23.4, 23.4, 23.5, 25.8, 22.0, 24.8, 20.2, 21.9, 22.1, 22.9, 20.5, 24.4];

describe("distributions", () => {
  it("normal cdf", () => {
    expect(normalCdf(0)).toBeCloseTo(0.5, 7);
    expect(normalCdf(1.96)).toBeCloseTo(0.9750021, 6);
    expect(1 - normalCdf(3)).toBeCloseTo(0.0013499, 6);
    expect(normalCdf(-1.96)).toBeCloseTo(0.0249979, 6);
  });

  it("incomplete beta and Student's t", () => {
    expect(incompleteBeta(0.3, 2, 5)).toBeCloseTo(0.579825, 6);
    expect(2 * (1 - studentTCdf(2, 10))).toBeCloseTo(0.0733880, 6);
    expect(studentTCdf(-2.5, 7.3)).toBeCloseTo(0.0198251, 6);
    expect(studentTQuantile(0.975, 10)).toBeCloseTo(2.228139, 5);
    expect(studentTQuantile(0.975, 3)).toBeCloseTo(3.182446, 5);
    expect(studentTQuantile(0.975, 1000)).toBeCloseTo(1.962339, 5);
  });
});

describe("intervals", () => {
  it("Wilson interval of a proportion", () => {
    expect(wilsonInterval(0, 10)!.low).toBe(0);
    expect(wilsonInterval(0, 10)!.high).toBeCloseTo(0.2775328, 6);
    const i = wilsonInterval(81, 263)!;
    expect(i.low).toBeCloseTo(0.2552885, 6);
    expect(i.high).toBeCloseTo(0.3662096, 6);
    expect(wilsonInterval(0, 0)).toBeNull();
  });

  it("t interval of a mean", () => {
    const m = momentsOf(A1);
    expect(m.mean).toBeCloseTo(20.82, 10);
    expect(m.variance).toBeCloseTo(7.8674286, 6);
    const i = meanInterval(m)!;
    const half = 2.144786688 * Math.sqrt(m.variance / 15); // t.ppf(0.975, 14)
    expect(i.low).toBeCloseTo(20.82 - half, 5);
    expect(i.high).toBeCloseTo(20.82 + half, 5);
    expect(meanInterval({ n: 1, mean: 3, variance: 0 })).toBeNull();
  });
});

describe("tests", () => {
  it("Welch's t-test: Wikipedia's example 1 (t = -2.46, df ≈ 25.0, p = 0.021)", () => {
    const r = welchTest(momentsOf(A1), momentsOf(A2))!;
    // welchTest reports b − a; scipy's statistic is a − b.
    expect(r.statistic).toBeCloseTo(2.4553564, 6);
    expect(r.df).toBeCloseTo(24.9885293, 5);
    expect(r.pValue).toBeCloseTo(0.0213780, 6);
    expect(r.difference).toBeCloseTo(22.9866667 - 20.82, 6);
    expect(r.interval.low).toBeGreaterThan(0);
  });

  it("two-proportion z-test: 45/500 vs 70/500 (z = 2.478, p = 0.0132)", () => {
    const r = twoProportionTest({ events: 45, n: 500 }, { events: 70, n: 500 })!;
    expect(r.statistic).toBeCloseTo(2.4781036, 6);
    expect(r.pValue).toBeCloseTo(0.0132083, 6);
    expect(r.difference).toBeCloseTo(0.05, 10);
    expect(r.interval.low).toBeGreaterThan(0);
    // No events anywhere: nothing differs.
    expect(twoProportionTest({ events: 0, n: 10 }, { events: 0, n: 10 })!.pValue).toBe(1);
  });
});

describe("verdicts", () => {
  it("rates: no verdict below the minimum sample or with too few events", () => {
    expect(compareRates({ events: 4, n: 99 }, { events: 9, n: 400 })).toEqual({ kind: "insufficient", reason: `needs ${MIN_SAMPLE.rate} requests per variant (has 99)` });
    expect(compareRates({ events: 1, n: 200 }, { events: 2, n: 200 })).toMatchObject({ kind: "insufficient", reason: "needs at least 5 events in all (has 3)" });
    expect(compareRates({ events: 45, n: 500 }, { events: 70, n: 500 })).toMatchObject({ kind: "significant" });
    expect(compareRates({ events: 45, n: 500 }, { events: 50, n: 500 })).toMatchObject({ kind: "not_significant" });
    // Bonferroni: with a stricter alpha the same data is not significant.
    expect(compareRates({ events: 45, n: 500 }, { events: 70, n: 500 }, 0.01)).toMatchObject({ kind: "not_significant" });
  });

  it("means: minimum sample, then Welch", () => {
    expect(compareMeans(momentsOf(A1), momentsOf(A2))).toEqual({ kind: "insufficient", reason: `needs ${MIN_SAMPLE.mean} values per variant (has 15)` });
    const a = { n: 200, mean: 100, variance: 400 };
    expect(compareMeans(a, { n: 200, mean: 106, variance: 400 })).toMatchObject({ kind: "significant" });
    expect(compareMeans(a, { n: 200, mean: 101, variance: 400 })).toMatchObject({ kind: "not_significant" });
  });
});
