import "server-only";
import { FlagExposures } from "@sextant/sdk";
import { and, eq, gte, lt, sql } from "drizzle-orm";
import { flagExposures } from "@/db/schema";
import { assertCan, type ProjectCtx } from "@/lib/context";
import { AppError, fromZod } from "@/lib/http/errors";

const HOUR_MS = 3_600_000;
/** Counts older than this are refused as a whole request (a clock far off, or a replay). */
const MAX_AGE_MS = 7 * 24 * HOUR_MS;

/**
 * Adds one SDK window of exposure counts (`POST /api/v1/flags/exposures`) into the hour its
 * `startTime` falls in. Telemetry, so `ingest.write` (the secret key). One statement; counts of
 * the same flag/variant in one body are summed first (an upsert may touch a row only once).
 */
export async function recordExposures(ctx: ProjectCtx, body: unknown): Promise<{ accepted: number }> {
  assertCan(ctx, "ingest.write");
  const parsed = FlagExposures.safeParse(body);
  if (!parsed.success) throw fromZod(parsed.error, "The exposure counts are invalid.");
  const { environment, startTime, exposures } = parsed.data;
  const now = Date.now();
  if (startTime < now - MAX_AGE_MS) {
    throw new AppError("UNPROCESSABLE_ENTITY", "The exposure counts are too old.", [{ path: "startTime", message: "Send counts within 7 days of their window." }]);
  }
  // A client clock ahead of ours counts into the current hour rather than a future one.
  const hour = new Date(Math.floor(Math.min(startTime, now) / HOUR_MS) * HOUR_MS);
  const sums = new Map<string, { flagKey: string; variant: string; count: number }>();
  for (const e of exposures) {
    const k = `${e.flag}\u0000${e.variant}`;
    const row = sums.get(k);
    if (row) row.count += e.count;
    else sums.set(k, { flagKey: e.flag, variant: e.variant, count: e.count });
  }
  const rows = [...sums.values()].map((r) => ({ projectId: ctx.projectId, environment, hour, ...r }));
  await ctx.db
    .insert(flagExposures)
    .values(rows)
    .onConflictDoUpdate({
      target: [flagExposures.projectId, flagExposures.flagKey, flagExposures.environment, flagExposures.hour, flagExposures.variant],
      set: { count: sql`${flagExposures.count} + excluded.count` },
    });
  return { accepted: exposures.length };
}

/** Exposure counts of one flag by environment and variant since `since` (stale hints, variant shares). */
export async function flagExposureTotals(ctx: ProjectCtx, input: { key: string; since: Date; until?: Date }) {
  assertCan(ctx, "flags.read");
  const where = [eq(flagExposures.projectId, ctx.projectId), eq(flagExposures.flagKey, input.key), gte(flagExposures.hour, input.since)];
  if (input.until) where.push(lt(flagExposures.hour, input.until));
  return ctx.db
    .select({
      environment: flagExposures.environment,
      variant: flagExposures.variant,
      count: sql<number>`sum(${flagExposures.count})::float8`,
      lastHour: sql<Date>`max(${flagExposures.hour})`.mapWith(flagExposures.hour),
    })
    .from(flagExposures)
    .where(and(...where))
    .groupBy(flagExposures.environment, flagExposures.variant)
    .orderBy(flagExposures.environment, flagExposures.variant);
}
