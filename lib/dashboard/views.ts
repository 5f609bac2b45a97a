import "server-only";
import { and, desc, eq, sql } from "drizzle-orm";
import { requests } from "@/db/schema";
import { assertCan, type ProjectCtx } from "@/lib/context";
import { displayBins } from "@/lib/metrics/histogram";
import { latencyHistogram } from "@/lib/metrics/latency-histogram";
import { queryMetrics } from "@/lib/metrics/query";
import { scoreSeries } from "@/lib/metrics/score-series";
import type { MetricsGroup } from "@/lib/metrics/query-shape";
import { requestConditions } from "@/lib/requests/where";
import { breakdown, flagKeys, type Breakdown } from "./overview";
import { fillSeries, pivotScores, pivotSeries, type ChartRow, type PivotMeasure } from "./prepare";
import { INTERVAL_MS } from "./range";
import { dashboardScope, type RangeInfo } from "./scope";

export const VIEWS = ["latency", "errors", "cost", "quality", "users"] as const;
export type ViewName = (typeof VIEWS)[number];

type Multi = { rows: Record<string, number | null>[]; keys: string[] };
export type ViewData = {
  view: ViewName;
  range: RangeInfo;
  totals: MetricsGroup;
  series: ChartRow[];
  /** Multi-line charts by a dimension, e.g. p95 by model. */
  charts: Record<string, Multi>;
  tables: Breakdown[];
  /** Errors view: the most frequent error messages. */
  messages?: { type: string; message: string; count: number; last: string }[];
  /** Cost view: month to date (UTC) and the month-end projection at the same daily rate. */
  month?: { toDateUsd: number; projectedUsd: number; monthStart: string };
  /** Latency view: how many requests took how long. */
  histogram?: ReturnType<typeof displayBins>;
  /** Users view: when each user was last seen (ISO, to the hour). */
  lastSeen?: Record<string, string>;
  /** Errors view: calls the reliability toolkit shed or blocked on a budget, and their share of requests. */
  toolkit?: ToolkitRates;
};

export type ToolkitRates = { shed: number; shedRate: number; budgetBlocked: number; budgetBlockedRate: number };

/**
 * The SDK records a shed call (limiter, per-user limit) and a budget block as a request with
 * error type `shed` / `budget_blocked`, so both come from the error-type breakdown (no rollup of their own).
 */
export function toolkitRates(requests: number, byErrorType: Breakdown): ToolkitRates {
  const n = (type: string) => byErrorType.rows.find((r) => r.key === type)?.requests ?? 0;
  const rate = (v: number) => (requests > 0 ? v / requests : 0);
  const shed = n("shed");
  const budgetBlocked = n("budget_blocked");
  return { shed, shedRate: rate(shed), budgetBlocked, budgetBlockedRate: rate(budgetBlocked) };
}

type Scope = ReturnType<typeof dashboardScope>;

async function multi(ctx: ProjectCtx, s: Scope, by: string, measure: PivotMeasure, limit = 6): Promise<Multi> {
  const answer = await queryMetrics(ctx, { filters: s.filters, groupBy: by, interval: s.interval, limit }).catch(() => null);
  if (!answer) return { rows: [], keys: [] };
  return pivotSeries((answer.series ?? []).filter((x) => x.key !== ""), s.range.from, s.range.to, INTERVAL_MS[s.interval], measure);
}

async function topMessages(ctx: ProjectCtx, s: Scope) {
  const rows = await ctx.db
    .select({ type: sql<string>`coalesce(${requests.errorType}, 'unknown')`, message: sql<string>`coalesce(left(${requests.errorMessage}, 300), '')`, count: sql<number>`count(*)::int`, last: sql<string>`max(${requests.startTime})::text` })
    .from(requests)
    .where(and(...requestConditions(ctx.projectId, s.filters), eq(requests.status, "error")))
    .groupBy(sql`1`, sql`2`)
    .orderBy(desc(sql`3`))
    .limit(15);
  return rows.map((r) => ({ ...r, last: new Date(r.last).toISOString() }));
}

async function monthToDate(ctx: ProjectCtx, s: Scope) {
  const now = new Date();
  const start = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
  const end = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1));
  const mtd = (await queryMetrics(ctx, { filters: { ...s.filters, from: start, to: now } })).groups[0]!.costUsd;
  const elapsed = Math.max(1, now.getTime() - start.getTime());
  return { toDateUsd: mtd, projectedUsd: (mtd / elapsed) * (end.getTime() - start.getTime()), monthStart: start.toISOString() };
}

async function lastSeen(ctx: ProjectCtx, s: Scope, users: string[]): Promise<Record<string, string>> {
  if (users.length === 0) return {};
  // The listed users are the range's busiest, so a backward scan from `to` meets each one's last hour early.
  const result = await ctx.db.execute<{ user: string; last: Date | string | null }>(sql`
    select u.id as user, (
      select bucket from rollups_user_hour
      where project_id = ${ctx.projectId} and user_id = u.id and bucket >= date_trunc('hour', ${s.range.from.toISOString()}::timestamptz) and bucket < ${s.range.to.toISOString()}::timestamptz
      order by bucket desc limit 1) as last
    from unnest(${sql.param(users)}::text[]) as u(id)`);
  return Object.fromEntries(result.rows.filter((r) => r.last).map((r) => [r.user, new Date(r.last!).toISOString()]));
}

const byCost = (b: Breakdown): Breakdown => ({ ...b, rows: [...b.rows].sort((x, y) => y.costUsd - x.costUsd).slice(0, 15) });

/** One of the dashboard's focused views, for the URL's filters; all numbers from the rollups except error messages. */
export async function loadView(ctx: ProjectCtx, view: ViewName, search: URLSearchParams): Promise<ViewData> {
  assertCan(ctx, "requests.read");
  const s = dashboardScope(search);
  const current = await queryMetrics(ctx, { filters: s.filters, interval: s.interval });
  const base: ViewData = {
    view,
    range: s.info,
    totals: current.groups[0]!,
    series: fillSeries(current.series?.[0]?.points ?? [], s.range.from, s.range.to, INTERVAL_MS[s.interval]),
    charts: {},
    tables: [],
  };
  const t = (by: string, title: string, limit?: number) => breakdown(ctx, s.filters, by, title, limit);
  switch (view) {
    case "latency": {
      const [byModel, hist, tables] = await Promise.all([
        multi(ctx, s, "model", "p95"),
        latencyHistogram(ctx, { filters: s.filters }),
        Promise.all([t("model", "Model"), t("endpoint", "Endpoint"), t("provider", "Provider")]),
      ]);
      return { ...base, charts: { "p95 by model": byModel }, histogram: displayBins(hist), tables };
    }
    case "errors": {
      const [byClass, byProvider, messages, tables] = await Promise.all([
        multi(ctx, s, "errorType", "requests"),
        multi(ctx, s, "provider", "errors"),
        topMessages(ctx, s),
        Promise.all([t("errorType", "Error type", 50), t("provider", "Provider"), t("model", "Model")]),
      ]);
      const toolkit = toolkitRates(base.totals.requests, tables[0]);
      return { ...base, charts: { "Errors by class": byClass, "Errors by provider": byProvider }, messages, tables, toolkit };
    }
    case "cost": {
      const [byModel, month, tables] = await Promise.all([
        multi(ctx, s, "model", "costUsd"),
        monthToDate(ctx, s),
        Promise.all([t("model", "Model", 100), t("endpoint", "Endpoint", 100), t("userId", "User", 1000)]),
      ]);
      return { ...base, charts: { "Cost by model": byModel }, month, tables: tables.map(byCost) };
    }
    case "quality": {
      const [flags, points] = await Promise.all([flagKeys(ctx, s.range.from, s.range.to), scoreSeries(ctx, { filters: s.filters, interval: s.interval })]);
      const tables = await Promise.all([t("promptVersion", "Prompt version"), t("model", "Model"), ...flags.map((k) => t(`flag:${k}`, `Flag ${k}`))]);
      return { ...base, charts: { "Scores over time": pivotScores(points, s.range.from, s.range.to, INTERVAL_MS[s.interval]) }, tables };
    }
    case "users": {
      const users = await t("userId", "User", 200);
      return { ...base, tables: [users], lastSeen: await lastSeen(ctx, s, users.rows.map((r) => r.key)) };
    }
  }
}
