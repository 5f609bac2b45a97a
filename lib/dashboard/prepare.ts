import type { MetricsPoint } from "@/lib/metrics/query-shape";

// Pure preparation of metrics answers for the dashboard: series with every bin present
// (gaps are zero traffic, not a line drawn across), and period-over-period changes.
// Unit-tested; the chart components only draw what these return.

/** A metrics series point as `queryMetrics` answers it (TTFT optional so older answers still fit). */
export type SeriesPoint = Omit<MetricsPoint, "ttftMsAvg"> & { ttftMsAvg?: number | null };

export type ChartRow = {
  /** Bin start, epoch ms (the client formats it in the viewer's time zone). */
  t: number;
  requests: number;
  errors: number;
  /** Percent, null when the bin had no requests (no rate to show). */
  errorRate: number | null;
  p50: number | null;
  p95: number | null;
  p99: number | null;
  ttft: number | null;
  costUsd: number;
  tokens: number;
};

/**
 * One row per bin from `from` (aligned down to the interval, as the API bins from the
 * epoch) up to `to`, filling bins without traffic with zeros and null latencies.
 */
export function fillSeries(points: SeriesPoint[], from: Date, to: Date, intervalMs: number): ChartRow[] {
  const byT = new Map(points.map((p) => [Date.parse(p.t), p]));
  const rows: ChartRow[] = [];
  const first = Math.floor(from.getTime() / intervalMs) * intervalMs;
  for (let t = first; t < to.getTime(); t += intervalMs) {
    const p = byT.get(t);
    rows.push(
      p
        ? { t, requests: p.requests, errors: p.errors, errorRate: p.requests > 0 ? p.errorRate * 100 : null, p50: p.latencyMs.p50, p95: p.latencyMs.p95, p99: p.latencyMs.p99, ttft: p.ttftMsAvg ?? null, costUsd: p.costUsd, tokens: p.inputTokens + p.outputTokens }
        : { t, requests: 0, errors: 0, errorRate: null, p50: null, p95: null, p99: null, ttft: null, costUsd: 0, tokens: 0 },
    );
    if (rows.length > 5_000) break; // a guard, not a limit the UI reaches: intervals keep series far shorter
  }
  return rows;
}

export type Change = {
  /** Relative change, e.g. 0.25 for +25 %; null when there is nothing to compare with. */
  ratio: number | null;
  direction: "up" | "down" | "flat" | "new" | "none";
};

/** The change from the previous period. Values that are null (no data) compare as nothing. */
export function change(current: number | null, previous: number | null): Change {
  if (current === null || previous === null) return { ratio: null, direction: "none" };
  if (previous === 0) return current === 0 ? { ratio: 0, direction: "flat" } : { ratio: null, direction: "new" };
  const ratio = (current - previous) / Math.abs(previous);
  return { ratio, direction: Math.abs(ratio) < 0.005 ? "flat" : ratio > 0 ? "up" : "down" };
}

/** Whether a change is good news for this measure (lower latency, errors and cost are better). */
export function isImprovement(measure: "requests" | "errorRate" | "latency" | "cost" | "tokens" | "score", c: Change): boolean | null {
  if (c.direction !== "up" && c.direction !== "down") return null;
  const higherIsBetter = measure === "requests" || measure === "score";
  return (c.direction === "up") === higherIsBetter;
}

/** Average of the named scores weighted by their counts; null without any score. */
export function averageScore(scores: Record<string, { avg: number; count: number }>, name?: string): { avg: number; count: number } | null {
  const entries = name ? (scores[name] ? [scores[name]] : []) : Object.values(scores);
  const n = entries.reduce((s, e) => s + e.count, 0);
  if (n === 0) return null;
  return { avg: entries.reduce((s, e) => s + e.avg * e.count, 0) / n, count: n };
}

/** An axis or tooltip label for a bin start in the viewer's time zone: time of day for short intervals, the date for days. */
export function binLabel(t: number, interval: "1m" | "5m" | "1h" | "1d", timeZone?: string, spanDays = 1): string {
  const opts: Intl.DateTimeFormatOptions =
    interval === "1d"
      ? { month: "short", day: "numeric", timeZone: "UTC" }
      : spanDays > 1
        ? { month: "short", day: "numeric", hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZone }
        : { hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZone };
  return new Intl.DateTimeFormat("en-US", opts).format(new Date(t));
}

export type PivotMeasure = "requests" | "errors" | "costUsd" | "p95" | "tokens";

/**
 * Series of several groups (by model, error type, …) as one row per bin with a column per
 * group, for multi-line charts. Counts and cost are 0 in empty bins; p95 is null there.
 */
export function pivotSeries(series: { key: string; points: SeriesPoint[] }[], from: Date, to: Date, intervalMs: number, measure: PivotMeasure): { rows: Record<string, number | null>[]; keys: string[] } {
  const keys = series.map((s) => s.key);
  const filled = series.map((s) => fillSeries(s.points, from, to, intervalMs));
  const rows = (filled[0] ?? fillSeries([], from, to, intervalMs)).map((r, i) => {
    const row: Record<string, number | null> = { t: r.t };
    filled.forEach((f, k) => {
      const c = f[i]!;
      row[keys[k]!] = measure === "p95" ? c.p95 : c[measure];
    });
    return row;
  });
  return { rows, keys };
}

/** Score averages per bin as one row per bin and a column per score name (null where a name had no score). */
export function pivotScores(points: { name: string; t: string; avg: number }[], from: Date, to: Date, intervalMs: number): { rows: Record<string, number | null>[]; keys: string[] } {
  const keys = [...new Set(points.map((p) => p.name))].sort();
  const at = new Map(points.map((p) => [`${Date.parse(p.t)}|${p.name}`, p.avg]));
  const rows = fillSeries([], from, to, intervalMs).map(({ t }) => {
    const row: Record<string, number | null> = { t };
    for (const k of keys) row[k] = at.get(`${t}|${k}`) ?? null;
    return row;
  });
  return { rows, keys };
}

export type ChartMark = { t: number; label: string; side: "left" | "right" };

/**
 * Events to mark on a time chart (e.g. prompt deploys), each moved to the start of the bin
 * holding it (the axis only spans bin starts); events outside the rows are left out. Several
 * events in one bin share one mark ("a · b", in order); marks in the right half of the chart
 * put their label on the left of the line so it is not cut off at the edge.
 */
export function chartMarks(events: { t: number; label: string }[], rows: { t: number }[]): ChartMark[] {
  if (rows.length === 0) return [];
  const width = rows.length > 1 ? rows[1]!.t - rows[0]!.t : Infinity;
  const middle = (rows[0]!.t + rows.at(-1)!.t) / 2;
  const byBin = new Map<number, string[]>();
  for (const e of [...events].sort((a, b) => a.t - b.t)) {
    const bin = rows.findLast((r) => r.t <= e.t);
    if (!bin || e.t >= bin.t + width) continue;
    byBin.set(bin.t, [...(byBin.get(bin.t) ?? []), e.label]);
  }
  return [...byBin.entries()].map(([t, labels]) => ({ t, label: labels.join(" · "), side: rows.length > 1 && t > middle ? "right" : "left" }));
}
