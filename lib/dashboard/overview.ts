import "server-only";
import { sql } from "drizzle-orm";
import { rollupSource } from "@/lib/metrics/tiers";
import { listOpenAlerts, type OpenAlert } from "@/lib/alerts/open-alerts";
import { assertCan, type ProjectCtx } from "@/lib/context";
import { AppError } from "@/lib/http/errors";
import type { RequestFilters } from "@/lib/metrics/filters";
import { queryMetrics } from "@/lib/metrics/query";
import { deployAnnotations, type ChartAnnotation } from "@/lib/prompts/moves";
import type { MetricsGroup } from "@/lib/metrics/query-shape";
import { fillSeries, type ChartRow } from "./prepare";
import { INTERVAL_MS } from "./range";
import { dashboardScope, type RangeInfo } from "./scope";

/** Breakdowns on the overview: the dimension, its title and the explorer filter a row opens. */
const DIMENSIONS = [
  { by: "model", title: "Model" },
  { by: "provider", title: "Provider" },
  { by: "endpoint", title: "Endpoint" },
  { by: "userId", title: "User" },
  { by: "promptVersion", title: "Prompt version" },
  { by: "environment", title: "Environment" },
  { by: "errorType", title: "Error type" },
] as const;

export type BreakdownRow = {
  key: string;
  requests: number;
  errors: number;
  errorRate: number;
  p50: number | null;
  p95: number | null;
  p99: number | null;
  ttft: number | null;
  costUsd: number;
  unpriced: number;
  scores: Record<string, { avg: number; count: number }>;
  filter: Record<string, string>;
};
export type Breakdown = { by: string; title: string; rows: BreakdownRow[]; truncated: boolean; unavailable?: string };

export type OverviewData = {
  range: RangeInfo;
  totals: MetricsGroup;
  previous: MetricsGroup;
  series: ChartRow[];
  breakdowns: Breakdown[];
  /** Filter choices seen in this range, for the filter bar's menus. */
  options: Record<string, string[]>;
  /** Prompt deploys (production label moves) in the range, drawn on the charts. */
  annotations: ChartAnnotation[];
  /** Alerts firing now (any range, any filters): the banner above the tiles. */
  firing: OpenAlert[];
};

/** The explorer filter that selects one breakdown row. */
function rowFilter(by: string, key: string): Record<string, string> {
  if (by === "promptVersion") {
    const at = key.lastIndexOf("@");
    return at > 0 ? { promptName: key.slice(0, at), promptVersion: key.slice(at + 1) } : {};
  }
  if (by === "errorType") return { status: "error", errorType: key };
  if (by.startsWith("flag:")) return { [`flag.${by.slice(5)}`]: key };
  return { [by]: key };
}

export async function breakdown(ctx: ProjectCtx, filters: RequestFilters, by: string, title: string, limit = 10): Promise<Breakdown> {
  try {
    const answer = await queryMetrics(ctx, { filters, groupBy: by, limit });
    const rows = answer.groups
      .filter((g) => g.key !== "")
      .map((g) => ({
        key: g.key, requests: g.requests, errors: g.errors, errorRate: g.errorRate, p50: g.latencyMs.p50, p95: g.latencyMs.p95, p99: g.latencyMs.p99,
        ttft: g.ttftMsAvg, costUsd: g.costUsd, unpriced: g.unpriced, scores: g.scores, filter: rowFilter(by, g.key),
      }));
    return { by, title, rows, truncated: answer.truncated };
  } catch (err) {
    // Some combinations are not kept (e.g. a user filter with a breakdown by model): say so in place.
    if (err instanceof AppError && err.code === "UNPROCESSABLE_ENTITY") return { by, title, rows: [], truncated: false, unavailable: err.message };
    throw err;
  }
}

/** The flags served in the range (most used first), so their variants can be broken down too. */
export async function flagKeys(ctx: ProjectCtx, from: Date, to: Date): Promise<string[]> {
  const result = await ctx.db.execute<{ key: string }>(
    sql`select flag_key as key from ${rollupSource(ctx.projectId, "flag", { from, to }, [])} group by 1 order by sum(requests) desc, 1 limit 3`,
  );
  return result.rows.map((r) => r.key);
}

/**
 * Everything the overview shows for the URL's filters: totals now and for the previous
 * period, the charts' series with gaps filled, and the breakdowns — all from the rollups.
 */
export async function loadOverview(ctx: ProjectCtx, search: URLSearchParams): Promise<OverviewData> {
  assertCan(ctx, "requests.read");
  const { range, filters, previousFilters, interval, info } = dashboardScope(search);
  const [current, previous, flags, annotations, firing] = await Promise.all([
    queryMetrics(ctx, { filters, interval }),
    queryMetrics(ctx, { filters: previousFilters }),
    flagKeys(ctx, range.from, range.to),
    deployAnnotations(ctx, range.from, range.to),
    listOpenAlerts(ctx, { states: ["firing", "no_data"] }),
  ]);
  const dims = [...DIMENSIONS.map((d) => ({ by: d.by as string, title: d.title as string })), ...flags.map((k) => ({ by: `flag:${k}`, title: `Flag ${k}` }))];
  const breakdowns = await Promise.all(dims.map((d) => breakdown(ctx, filters, d.by, d.title)));
  const options: Record<string, string[]> = {};
  for (const b of breakdowns) if (!b.by.startsWith("flag:")) options[b.by] = b.rows.map((r) => r.key);

  return {
    range: info,
    totals: current.groups[0]!,
    previous: previous.groups[0]!,
    series: fillSeries(current.series?.[0]?.points ?? [], range.from, range.to, INTERVAL_MS[interval]),
    breakdowns,
    options,
    annotations,
    firing,
  };
}
