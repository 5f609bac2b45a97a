import type { VariantComparison, VariantMetrics } from "@/lib/flags/compare";
import { ALPHA, compareMeans, compareRates, meanInterval, wilsonInterval, type Interval, type Moments, type Verdict } from "@/lib/flags/stats";

export type Unit = "count" | "ratio" | "ms" | "usd" | "score";
export type Cell = { value: number | null; interval: Interval | null; n: number; verdict: Verdict | null };
export type MetricRow = { id: string; label: string; unit: Unit; test: "two-proportion z-test" | "Welch's t-test" | null; cells: Record<string, Cell> };
export type Comparison = { baseline: string | null; variants: string[]; alpha: number; rows: MetricRow[] };

const NANOS = 1e9;
const asUsd = (m: Moments): Moments => ({ n: m.n, mean: m.mean / NANOS, variance: m.variance / (NANOS * NANOS) });

function meanRow(id: string, label: string, unit: Unit, variants: VariantMetrics[], pick: (v: VariantMetrics) => Moments, baseline: VariantMetrics | undefined, alpha: number): MetricRow {
  const cells: Record<string, Cell> = {};
  for (const v of variants) {
    const m = pick(v);
    cells[v.variant] = {
      value: m.n > 0 ? m.mean : null,
      interval: meanInterval(m),
      n: m.n,
      verdict: baseline && v !== baseline ? compareMeans(pick(baseline), m, alpha) : null,
    };
  }
  return { id, label, unit, test: "Welch's t-test", cells };
}

/**
 * The comparison table: one row per metric, one cell per variant, each with its 95 % interval
 * and (for every variant but the baseline) a verdict against the baseline. With several
 * challengers, alpha is split between them (Bonferroni) so "significant" keeps its meaning.
 */
export function buildComparison(c: VariantComparison, preferredBaseline?: string): Comparison {
  const baseline = c.variants.find((v) => v.variant === preferredBaseline) ?? c.variants[0];
  // The baseline reads first; the challengers follow, busiest first.
  const variants = baseline ? [baseline, ...c.variants.filter((v) => v !== baseline)] : [];
  const alpha = ALPHA / Math.max(1, variants.length - 1);
  const rows: MetricRow[] = [];
  const total = variants.reduce((s, v) => s + v.requests, 0);
  rows.push({
    id: "requests", label: "Requests", unit: "count", test: null,
    cells: Object.fromEntries(variants.map((v) => [v.variant, { value: v.requests, interval: null, n: total, verdict: null }])),
  });
  rows.push({
    id: "errorRate", label: "Error rate", unit: "ratio", test: "two-proportion z-test",
    cells: Object.fromEntries(variants.map((v) => [v.variant, {
      value: v.requests ? v.errors / v.requests : null,
      interval: wilsonInterval(v.errors, v.requests),
      n: v.requests,
      verdict: baseline && v !== baseline ? compareRates({ events: baseline.errors, n: baseline.requests }, { events: v.errors, n: v.requests }, alpha) : null,
    }])),
  });
  rows.push({ id: "p95", label: "p95 latency", unit: "ms", test: null, cells: Object.fromEntries(variants.map((v) => [v.variant, { value: v.p95Ms, interval: null, n: v.requests, verdict: null }])) });
  rows.push(meanRow("latency", "Mean latency", "ms", variants, (v) => v.latency, baseline, alpha));
  rows.push(meanRow("cost", "Cost per request", "usd", variants, (v) => asUsd(v.costNanos), baseline, alpha));
  const scoreNames = [...new Set(variants.flatMap((v) => Object.keys(v.scores)))].sort();
  for (const name of scoreNames) rows.push(meanRow(`score:${name}`, `Score: ${name}`, "score", variants, (v) => v.scores[name] ?? { n: 0, mean: 0, variance: 0 }, baseline, alpha));
  return { baseline: baseline?.variant ?? null, variants: variants.map((v) => v.variant), alpha, rows };
}
