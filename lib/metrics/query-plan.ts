import "server-only";
import { sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import { AppError } from "@/lib/http/errors";
import { activeFilterNames, RequestFilters } from "./filters";
import type { Grain } from "./segments";
import { rollupSource, type Family } from "./tiers";

export const DIMENSION_GROUPS = ["model", "provider", "endpoint", "environment", "status", "errorType", "promptName", "promptVersion", "userId"] as const;
const GROUP_HINT = `groupBy must be one of ${DIMENSION_GROUPS.join(", ")} or flag:<key>.`;

/** A dimension of the rollups, or `flag:<key>` for the variants of one flag. */
export const MetricsGroupBy = z.string().refine((v) => (DIMENSION_GROUPS as readonly string[]).includes(v) || /^flag:.{1,128}$/s.test(v), GROUP_HINT);
export type MetricsGroupBy = z.infer<typeof MetricsGroupBy>;

export const INTERVALS = { "1m": 60_000, "5m": 300_000, "1h": 3_600_000, "1d": 86_400_000 } as const;
type IntervalName = keyof typeof INTERVALS;
export const MetricsInterval = z
  .string()
  .refine((v) => Object.hasOwn(INTERVALS, v), `interval must be one of ${Object.keys(INTERVALS).join(", ")}.`)
  .transform((v) => v as IntervalName);
export type MetricsInterval = z.output<typeof MetricsInterval>;
export const MAX_POINTS = 1_500;

export const MetricsQuery = z.object({
  filters: RequestFilters.prefault({}),
  groupBy: MetricsGroupBy.optional(),
  interval: MetricsInterval.optional(),
  /** The largest groups by requests; the rest are left out and `truncated` says so. */
  limit: z.coerce.number().int().min(1).max(1_000).default(100),
});
export type MetricsQuery = z.input<typeof MetricsQuery>;
export type ParsedMetricsQuery = z.output<typeof MetricsQuery>;

/** Which filter names map to which rollup columns. */
const MAIN_COLUMNS: Record<string, string> = {
  model: "model", provider: "provider", endpoint: "endpoint", environment: "environment", status: "status",
  errorType: "error_type", promptName: "prompt_name", promptVersion: "prompt_version",
};
const USER_COLUMNS: Record<string, string> = { userId: "user_id", environment: "environment" };
const FLAG_COLUMNS: Record<string, string> = { environment: "environment" };
/** score_rollups_minute carries only these dimensions of the scored request. */
const SCORE_COLUMNS: Record<string, string> = { model: "model", endpoint: "endpoint", environment: "environment", promptName: "prompt_name", promptVersion: "prompt_version" };

const PROMPT_KEY = "case when prompt_name = '' then '' else prompt_name || '@' || prompt_version end";

/** The rollup family chosen for a query, the group key expression and where its rows come from. */
export type Plan = {
  family: Family;
  /** SQL text of the group key (fixed identifiers only); null without groupBy. */
  key: string | null;
  /** The range's rollup rows with the filters applied, as the subquery `r`; `coarsest` caps the tier (for series). */
  source: (coarsest?: Grain) => SQL;
  /** The same filters on score_rollups_minute, or null when scores cannot be answered for this query. */
  scores: { key: string | null; where: SQL } | null;
};

function keyColumn(groupBy: string, columns: Record<string, string>): string {
  return groupBy === "promptVersion" ? PROMPT_KEY : columns[groupBy]!;
}

function describe(groupBy: string | undefined): string {
  return groupBy ? `grouped by ${groupBy}` : "without groupBy";
}

function refuse(groupBy: string | undefined, supported: string[], unsupported: string[]): never {
  const message =
    `Metrics ${describe(groupBy)} can be filtered only by ${supported.join(", ")} (and from/to); not by ${unsupported.join(", ")}. ` +
    "Metadata, tag and sessionId filters exist only for the request list (GET /api/v1/requests).";
  throw new AppError("UNPROCESSABLE_ENTITY", message, unsupported.map((path) => ({ path, message: `Not available for metrics ${describe(groupBy)}.` })));
}

function equalities(f: RequestFilters, columns: Record<string, string>): SQL[] {
  return Object.entries(columns)
    .filter(([name]) => f[name as keyof RequestFilters] !== undefined)
    .map(([name, column]) => sql`${sql.raw(column)} = ${f[name as keyof RequestFilters] as string | number}`);
}

/** Score rollups are per minute: the range starts at the minute holding `from`. */
function timeRange(projectId: string, f: RequestFilters): SQL[] {
  return [
    sql`project_id = ${projectId}`,
    sql`bucket >= date_trunc('minute', ${f.from.toISOString()}::timestamptz)`,
    sql`bucket < ${f.to.toISOString()}::timestamptz`,
  ];
}

/**
 * Picks the rollup table that can answer the query and refuses (422) any filter
 * that table does not carry. Without groupBy, a flag filter reads the flag
 * rollup and a userId filter the user rollup.
 */
export function planQuery(projectId: string, q: ParsedMetricsQuery): Plan {
  const f = q.filters;
  const active = activeFilterNames(f);
  const flagKeys = Object.keys(f.flags);
  const flagKey = q.groupBy?.startsWith("flag:") ? q.groupBy.slice("flag:".length) : !q.groupBy && flagKeys.length ? flagKeys[0]! : null;
  const family: Family = flagKey !== null ? "flag" : q.groupBy === "userId" || (!q.groupBy && f.userId !== undefined) ? "user" : "main";
  const columns = family === "flag" ? FLAG_COLUMNS : family === "user" ? USER_COLUMNS : MAIN_COLUMNS;
  const supported = [...Object.keys(columns), ...(flagKey !== null ? [`flag.${flagKey}`] : [])];
  const unsupported = active.filter((n) => !supported.includes(n));
  if (unsupported.length) {
    refuse(q.groupBy, family === "main" && !q.groupBy ? [...supported, "userId (alone)", "flag.<key> (one)"] : supported, unsupported);
  }
  if (family === "user" && q.interval && (q.interval === "1m" || q.interval === "5m")) {
    throw new AppError("UNPROCESSABLE_ENTITY", "Per-user metrics are kept by the hour; use interval=1h or 1d.", [{ path: "interval", message: "Use 1h or 1d for per-user metrics." }]);
  }
  const where = equalities(f, columns);
  if (flagKey !== null) {
    where.push(sql`flag_key = ${flagKey}`);
    if (f.flags[flagKey] !== undefined) where.push(sql`variant = ${f.flags[flagKey]}`);
  }
  const key = !q.groupBy ? null : flagKey !== null ? "variant" : keyColumn(q.groupBy, columns);
  const scoresAnswerable = family === "main" && (!q.groupBy || Object.hasOwn(SCORE_COLUMNS, q.groupBy)) && active.every((n) => Object.hasOwn(SCORE_COLUMNS, n));
  const scores = scoresAnswerable
    ? { key: q.groupBy ? keyColumn(q.groupBy, SCORE_COLUMNS) : null, where: sql.join([...timeRange(projectId, f), ...equalities(f, SCORE_COLUMNS)], sql` and `) }
    : null;
  return { family, key, source: (coarsest) => rollupSource(projectId, family, f, where, coarsest), scores };
}

/** How many interval bins the range spans, counted from the bin holding the range's first minute. */
export function pointCount(f: RequestFilters, interval: MetricsInterval): number {
  const step = INTERVALS[interval];
  const firstMinute = Math.floor(f.from.getTime() / 60_000) * 60_000;
  const firstBin = Math.floor(firstMinute / step) * step;
  return Math.ceil((f.to.getTime() - firstBin) / step);
}

export function assertPointCount(f: RequestFilters, interval: MetricsInterval): void {
  const points = pointCount(f, interval);
  if (points > MAX_POINTS) {
    throw new AppError("UNPROCESSABLE_ENTITY", `An interval of ${interval} over this range gives ${points} points; at most ${MAX_POINTS} are allowed: use a larger interval or a shorter range.`, [
      { path: "interval", message: "Too many points for this range; use a larger interval." },
    ]);
  }
}
