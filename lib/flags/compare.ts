import "server-only";
import { sql } from "drizzle-orm";
import { assertCan, type ProjectCtx } from "@/lib/context";
import { queryMetrics } from "@/lib/metrics/query";
import type { Moments } from "./stats";

/**
 * At most this many of the range's newest requests carrying the flag are read raw for the
 * means' variances (the rollups keep sums, not sums of squares). Reading newest-first walks
 * the (project_id, start_time, id) key backwards, so the query stops after this many rows.
 */
export const RAW_SAMPLE_CAP = 50_000;

export type VariantMetrics = {
  variant: string;
  /** From the flag rollups over the whole range: exact. */
  requests: number;
  errors: number;
  p95Ms: number | null;
  costUsd: number;
  unpriced: number;
  /** From the raw sample: duration and cost (priced rows only) moments, scores by name. */
  latency: Moments;
  costNanos: Moments;
  scores: Record<string, Moments>;
};

export type VariantComparison = {
  key: string;
  environment: string | null;
  from: string;
  to: string;
  variants: VariantMetrics[];
  /** Rows read raw; when `capped`, means and their tests describe only the newest `sampled` requests. */
  sampled: number;
  capped: boolean;
};

type RawRow = { variant: string; n: string; lat_mean: number | null; lat_var: number | null; cost_n: string; cost_mean: number | null; cost_var: number | null };
type ScoreRow = { variant: string; name: string; n: string; mean: number | null; var: number | null };

const moments = (n: string | number, mean: number | null, variance: number | null): Moments => ({ n: Number(n), mean: mean ?? 0, variance: variance ?? 0 });
const EMPTY: Moments = { n: 0, mean: 0, variance: 0 };

/**
 * Per-variant numbers of one flag over a range, for the comparison view: counts, errors,
 * p95 and cost from the rollups (`queryMetrics` grouped by `flag:<key>`), and per-variant
 * moments (mean, sample variance) of latency, cost per request and numeric scores from a
 * bounded read of the raw requests, which is what Welch's t-test needs.
 */
export async function compareVariants(ctx: ProjectCtx, input: { key: string; from: Date; to: Date; environment?: string }): Promise<VariantComparison> {
  assertCan(ctx, "requests.read");
  const env = input.environment || undefined;
  const answer = await queryMetrics(ctx, { filters: { from: input.from, to: input.to, ...(env ? { environment: env } : {}) }, groupBy: `flag:${input.key}`, limit: 100 });

  const sample = sql`
    select id, flags ->> ${input.key} as variant, duration_ms, cost_nanos
    from requests
    where project_id = ${ctx.projectId}
      and start_time >= ${input.from.toISOString()}::timestamptz and start_time < ${input.to.toISOString()}::timestamptz
      and flags ? ${input.key}
      ${env ? sql`and environment = ${env}` : sql``}
    order by start_time desc
    limit ${RAW_SAMPLE_CAP}`;
  const [raw, scored] = await Promise.all([
    ctx.db.execute(sql`
      with s as (${sample})
      select variant, count(*)::text as n, avg(duration_ms)::float8 as lat_mean, var_samp(duration_ms)::float8 as lat_var,
        count(cost_nanos)::text as cost_n, avg(cost_nanos)::float8 as cost_mean, var_samp(cost_nanos)::float8 as cost_var
      from s group by variant`) as unknown as Promise<{ rows: RawRow[] }>,
    ctx.db.execute(sql`
      with s as (${sample})
      select s.variant, sc.name, count(*)::text as n, avg(sc.value_number)::float8 as mean, var_samp(sc.value_number)::float8 as var
      from s join scores sc on sc.project_id = ${ctx.projectId} and sc.request_id = s.id
      where sc.value_number is not null
      group by 1, 2`) as unknown as Promise<{ rows: ScoreRow[] }>,
  ]);

  const rawBy = new Map(raw.rows.map((r) => [r.variant, r]));
  const scoresBy = new Map<string, Record<string, Moments>>();
  for (const s of scored.rows) {
    const entry = scoresBy.get(s.variant) ?? {};
    entry[s.name] = moments(s.n, s.mean, s.var);
    scoresBy.set(s.variant, entry);
  }
  const sampled = raw.rows.reduce((sum, r) => sum + Number(r.n), 0);
  return {
    key: input.key,
    environment: env ?? null,
    from: answer.from,
    to: answer.to,
    variants: answer.groups.map((g) => {
      const r = rawBy.get(g.key);
      return {
        variant: g.key,
        requests: g.requests,
        errors: g.errors,
        p95Ms: g.latencyMs.p95,
        costUsd: g.costUsd,
        unpriced: g.unpriced,
        latency: r ? moments(r.n, r.lat_mean, r.lat_var) : EMPTY,
        costNanos: r ? moments(r.cost_n, r.cost_mean, r.cost_var) : EMPTY,
        scores: scoresBy.get(g.key) ?? {},
      };
    }),
    sampled,
    capped: sampled >= RAW_SAMPLE_CAP,
  };
}
