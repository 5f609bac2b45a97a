import "server-only";
import { sql, type SQL } from "drizzle-orm";
import { assertCan, type ProjectCtx } from "@/lib/context";
import { fromZod } from "@/lib/http/errors";
import { mergeHistograms, quantile, type Histogram } from "./histogram";
import { histKey, histogramsBy } from "./histograms";
import { assertPointCount, INTERVALS, MetricsQuery, planQuery, type MetricsInterval, type Plan } from "./query-plan";
import { grainForBin, MEASURE_COLUMNS } from "./tiers";
import { sumRows, toGroup, toPoint, type MetricsGroup, type MetricsPoint, type SumsRow } from "./query-shape";

export type MetricsAnswer = {
  from: string;
  to: string;
  groupBy: string | null;
  interval: MetricsInterval | null;
  groups: MetricsGroup[];
  /** True when there were more groups than `limit`; the smallest were left out. */
  truncated: boolean;
  series?: { key: string; points: MetricsPoint[] }[];
};

/** Every measure, summed; bigint sums come back as text so cost stays exact. Histograms are merged apart (histogramsBy). */
const SUMS = sql.raw(
  MEASURE_COLUMNS.map((c) => (c.endsWith("_ms") ? `coalesce(sum(${c}), 0)::float8 as ${c}` : `coalesce(sum(${c}), 0)::text as ${c}`)).join(", "),
);
/** Bins are aligned to the Unix epoch (UTC), whatever the session's zone. */
const ORIGIN = sql.raw("'1970-01-01T00:00:00Z'::timestamptz");

type Row = SumsRow & { key: string };

async function rows<T>(ctx: ProjectCtx, query: SQL): Promise<T[]> {
  const result = (await ctx.db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}

async function groupRows(ctx: ProjectCtx, plan: Plan, limit: number): Promise<Row[]> {
  if (plan.key === null) return rows<Row>(ctx, sql`select 'all' as key, ${SUMS} from ${plan.source()}`);
  const key = sql.raw(plan.key);
  return rows<Row>(ctx, sql`
    select ${key}::text as key, ${SUMS} from ${plan.source()}
    group by 1 order by sum(requests) desc, 1 limit ${limit + 1}`);
}

async function scoreRows(ctx: ProjectCtx, plan: Plan, keys: string[]): Promise<{ key: string; name: string; sum: number; count: string }[]> {
  if (!plan.scores) return [];
  const { key, where } = plan.scores;
  if (key === null) return rows(ctx, sql`select 'all' as key, name, sum(sum)::float8 as sum, sum(count)::text as count from score_rollups_minute where ${where} group by name`);
  const k = sql.raw(key);
  return rows(ctx, sql`
    select ${k} as key, name, sum(sum)::float8 as sum, sum(count)::text as count from score_rollups_minute
    where ${where} and ${k} = any(${sql.param(keys)}::text[]) group by 1, 2`);
}

type Series = { rows: (Row & { t: Date | string })[]; hists: Map<string, Histogram> };

async function series(ctx: ProjectCtx, plan: Plan, interval: MetricsInterval, keys: string[]): Promise<Series> {
  const source = plan.source(grainForBin(INTERVALS[interval]));
  const bin = sql`date_bin(${`${INTERVALS[interval] / 1000} seconds`}::interval, bucket, ${ORIGIN})`;
  const key = plan.key === null ? null : sql.raw(plan.key);
  const [found, hists] = await Promise.all([
    key === null
      ? rows<Row & { t: Date | string }>(ctx, sql`select 'all' as key, ${bin} as t, ${SUMS} from ${source} group by 2 order by 2`)
      : rows<Row & { t: Date | string }>(ctx, sql`
          select ${key}::text as key, ${bin} as t, ${SUMS} from ${source}
          where ${key}::text = any(${sql.param(keys)}::text[]) group by 1, 2 order by 1, 2`),
    histogramsBy(ctx, source, plan.key, bin, keys),
  ]);
  return { rows: found, hists };
}

/**
 * Totals, latency percentiles, cost and scores per group, read only from the
 * per-minute rollups (never from `requests`), so a dashboard costs the same at
 * any traffic. Percentiles come from histograms merged in SQL.
 */
export async function queryMetrics(ctx: ProjectCtx, input: MetricsQuery = {}): Promise<MetricsAnswer> {
  assertCan(ctx, "requests.read");
  const parsed = MetricsQuery.safeParse(input);
  if (!parsed.success) throw fromZod(parsed.error);
  const q = parsed.data;
  const plan = planQuery(ctx.projectId, q);
  if (q.interval) assertPointCount(q.filters, q.interval);

  let found: Row[], hists: Map<string, Histogram>, scoreList: Awaited<ReturnType<typeof scoreRows>>, seriesList: Series | null;
  if (q.interval && plan.key === null) {
    // Without groupBy the totals are the series summed: one read of the rollups instead of two.
    [seriesList, scoreList] = await Promise.all([series(ctx, plan, q.interval, ["all"]), scoreRows(ctx, plan, ["all"])]);
    found = [{ key: "all", ...sumRows(seriesList.rows) }];
    hists = new Map([["all", [...seriesList.hists.values()].reduce(mergeHistograms, {})]]);
  } else {
    found = await groupRows(ctx, plan, q.limit);
    const keys = found.slice(0, q.limit).map((r) => r.key);
    [scoreList, hists, seriesList] = await Promise.all([
      scoreRows(ctx, plan, keys),
      keys.length ? histogramsBy(ctx, plan.source(), plan.key, null, keys) : Promise.resolve(new Map<string, Histogram>()),
      q.interval ? series(ctx, plan, q.interval, keys) : Promise.resolve(null),
    ]);
  }
  const truncated = found.length > q.limit;
  const kept = found.slice(0, q.limit);
  const keys = kept.map((r) => r.key);

  const scoresByKey = new Map<string, Record<string, { avg: number; count: number }>>();
  for (const s of scoreList) {
    const entry = scoresByKey.get(s.key) ?? {};
    const count = Number(s.count);
    entry[s.name] = { avg: count ? s.sum / count : 0, count };
    scoresByKey.set(s.key, entry);
  }

  const answer: MetricsAnswer = {
    from: q.filters.from.toISOString(),
    to: q.filters.to.toISOString(),
    groupBy: q.groupBy ?? null,
    interval: q.interval ?? null,
    groups: kept.map((r) => toGroup(r.key, r, quantiles(hists.get(r.key)), scoresByKey.get(r.key) ?? {})),
    truncated,
  };
  if (seriesList) {
    const byKey = new Map<string, MetricsPoint[]>(keys.map((k) => [k, []]));
    for (const r of seriesList.rows) byKey.get(r.key)?.push(toPoint(new Date(r.t).toISOString(), r, quantiles(seriesList.hists.get(histKey(r.key, r.t)))));
    answer.series = [...byKey.entries()].map(([key, points]) => ({ key, points }));
  }
  return answer;
}

function quantiles(hist: Histogram | undefined) {
  const h = hist ?? {};
  return { p50: quantile(h, 0.5), p90: quantile(h, 0.9), p95: quantile(h, 0.95), p99: quantile(h, 0.99) };
}
