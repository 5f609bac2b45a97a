import "server-only";
import { sql } from "drizzle-orm";
import { assertCan, type ProjectCtx } from "@/lib/context";

/** When each flag was last seen on a request, and which variants requests carried in the window. */
export type FlagUsage = { lastSeenAt: Date | null; variantsInWindow: Record<string, number> };

/**
 * How the project's flags were used, read from the per-day flag rollups (one small index range
 * per project). Until the SDK reports exposures, "evaluated" means "a recorded request carried
 * the flag": a flag evaluated only outside traced requests looks unused here. The day tier is
 * written on ingestion like the finer ones, so today's requests count.
 */
export async function flagUsage(ctx: ProjectCtx, opts: { windowDays?: number; now?: Date } = {}): Promise<Map<string, FlagUsage>> {
  assertCan(ctx, "flags.read");
  const now = opts.now ?? new Date();
  const windowStart = new Date(now.getTime() - (opts.windowDays ?? 30) * 86_400_000);
  const result = (await ctx.db.execute(sql`
    select flag_key as key, max(bucket) as last, variant, sum(requests) filter (where bucket >= ${windowStart.toISOString()}::timestamptz)::text as recent
    from (
      select flag_key, variant, bucket, requests from rollups_flag_day where project_id = ${ctx.projectId}
      -- Deltas not yet carried into the day tier by the compaction job (ADR 0003, "Deltas").
      union all
      select flag_key, variant, date_trunc('day', bucket, 'UTC'), requests from rollups_flag_minute where project_id = ${ctx.projectId} and not compacted
    ) as d
    group by flag_key, variant`)) as unknown as { rows: { key: string; last: Date | string; variant: string; recent: string | null }[] };
  const usage = new Map<string, FlagUsage>();
  for (const r of result.rows) {
    const u = usage.get(r.key) ?? { lastSeenAt: null, variantsInWindow: {} };
    const last = new Date(r.last);
    if (!u.lastSeenAt || last > u.lastSeenAt) u.lastSeenAt = last;
    const recent = Number(r.recent ?? 0);
    if (recent > 0) u.variantsInWindow[r.variant] = recent;
    usage.set(r.key, u);
  }
  return usage;
}
