import "server-only";
import type { ProjectCtx } from "@/lib/context";
import { queryMetrics } from "@/lib/metrics/query";
import type { MetricsGroup } from "@/lib/metrics/query-shape";
import type { Observation } from "./machine";
import { SUM_METRICS, type AlertRuleSpec } from "./schemas";

/** Rules read at most this many groups (the largest by requests), like a dashboard breakdown. */
export const MAX_GROUPS = 1_000;

type Rule = Pick<AlertRuleSpec, "metric" | "scoreName" | "filters" | "groupBy" | "windowSeconds" | "budget">;

/** The metric's value in one group, with its sample size (requests, or scores for score_avg). */
export function observe(rule: Pick<Rule, "metric" | "scoreName">, g: MetricsGroup): Observation {
  const samples = g.requests;
  const value = (v: number | null | undefined, n = samples): Observation => (v === null || v === undefined ? { kind: "no_data" } : { kind: "value", value: v, samples: n });
  const ratio = (v: number) => (samples > 0 ? value(v) : ({ kind: "no_data" } as const));
  switch (rule.metric) {
    case "error_rate": return ratio(g.errorRate);
    case "fallback_rate": return ratio(g.fallbackRate);
    case "cache_hit_rate": return ratio(g.cacheHitRate);
    case "request_count": return value(g.requests);
    case "cost_usd": return value(g.costUsd);
    case "tokens": return value(g.inputTokens + g.outputTokens);
    case "unpriced_count": return value(g.unpriced);
    case "latency_avg": return value(g.latencyMs.avg);
    case "latency_p50": return value(g.latencyMs.p50);
    case "latency_p90": return value(g.latencyMs.p90);
    case "latency_p95": return value(g.latencyMs.p95);
    case "latency_p99": return value(g.latencyMs.p99);
    case "score_avg": {
      const s = g.scores[rule.scoreName ?? ""];
      return s && s.count > 0 ? value(s.avg, s.count) : { kind: "no_data" };
    }
  }
}

/** A group absent from the answer had no requests in the window: a sum reads 0, anything else has no data. */
export function missingObservation(metric: AlertRuleSpec["metric"]): Observation {
  return SUM_METRICS.includes(metric) ? { kind: "value", value: 0, samples: 0 } : { kind: "no_data" };
}

async function groups(ctx: ProjectCtx, rule: Rule, from: number, to: number): Promise<Map<string, MetricsGroup>> {
  const answer = await queryMetrics(ctx, {
    filters: { ...rule.filters, flags: rule.filters.flags ?? {}, from: new Date(from), to: new Date(to) },
    groupBy: rule.groupBy,
    limit: MAX_GROUPS,
  });
  // Without groupBy the one group is "all"; instances call it "".
  return new Map(answer.groups.map((g) => [rule.groupBy ? g.key : "", g]));
}

/** Start and end (ms, UTC) of the budget period holding `now`. */
export function periodOf(period: "day" | "month", now: number): { start: number; end: number } {
  const d = new Date(now);
  if (period === "day") {
    const start = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate());
    return { start, end: start + 86_400_000 };
  }
  return { start: Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1), end: Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1) };
}

/** Linear projection: spent so far plus the recent rate for the time left in the period. */
export function projectSpend(spent: number, recent: number, windowSeconds: number, now: number, periodEnd: number): number {
  return spent + (recent / windowSeconds) * Math.max(0, (periodEnd - now) / 1000);
}

/**
 * Reads the rule's metric per group from the rollups through the dashboards' query,
 * over [now − window, now) — or, for a budget, over the period so far.
 */
export async function readMetric(ctx: ProjectCtx, rule: Rule, now: number): Promise<Map<string, Observation>> {
  const windowStart = now - rule.windowSeconds * 1000;
  if (!rule.budget) {
    const found = await groups(ctx, rule, windowStart, now);
    return new Map([...found].map(([k, g]) => [k, observe(rule, g)]));
  }
  const { start, end } = periodOf(rule.budget.period, now);
  const spent = now - start >= 1000 ? await groups(ctx, rule, start, now) : new Map<string, MetricsGroup>();
  const recent = rule.budget.projected ? await groups(ctx, rule, windowStart, now) : new Map<string, MetricsGroup>();
  const out = new Map<string, Observation>();
  for (const key of new Set([...spent.keys(), ...recent.keys()])) {
    const so = spent.get(key)?.costUsd ?? 0;
    const value = rule.budget.projected ? projectSpend(so, recent.get(key)?.costUsd ?? 0, rule.windowSeconds, now, end) : so;
    out.set(key, { kind: "value", value, samples: spent.get(key)?.requests ?? 0 });
  }
  return out;
}
