import "server-only";
import { eq, sql } from "drizzle-orm";
import { userRateLimits } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record";
import { assertCan, type ProjectCtx } from "@/lib/context";
import { bumpRevision, lockRevision } from "@/lib/flags/revision";
import { fromZod } from "@/lib/http/errors";
import { UserRateLimitInput, type UserRateLimit } from "./schemas";

function toLimit(row: { requestsPerMinute: number | null; tokensPerMinute: number | null } | undefined): UserRateLimit | null {
  if (!row) return null;
  const out: UserRateLimit = {};
  if (row.requestsPerMinute !== null) out.requestsPerMinute = row.requestsPerMinute;
  if (row.tokensPerMinute !== null) out.tokensPerMinute = row.tokensPerMinute;
  return out;
}

/** The project's per-user limits; null when none is set. */
export async function getUserRateLimit(ctx: ProjectCtx): Promise<UserRateLimit | null> {
  assertCan(ctx, "budgets.read");
  const [row] = await ctx.db.select().from(userRateLimits).where(eq(userRateLimits.projectId, ctx.projectId));
  return toLimit(row);
}

/**
 * Sets the per-user request and token limits (per minute, token buckets in the SDK); both
 * null removes them. Bumps the flag revision so SDKs pick them up at once.
 */
export async function setUserRateLimit(ctx: ProjectCtx, input: unknown): Promise<UserRateLimit | null> {
  assertCan(ctx, "budgets.write");
  const parsed = UserRateLimitInput.safeParse(input);
  if (!parsed.success) throw fromZod(parsed.error);
  const requestsPerMinute = parsed.data.requestsPerMinute ?? null;
  const tokensPerMinute = parsed.data.tokensPerMinute ?? null;
  return ctx.db.transaction(async (tx) => {
    await lockRevision(tx, ctx.projectId);
    const [prev] = await tx.select().from(userRateLimits).where(eq(userRateLimits.projectId, ctx.projectId));
    let after: UserRateLimit | null = null;
    if (requestsPerMinute === null && tokensPerMinute === null) {
      await tx.delete(userRateLimits).where(eq(userRateLimits.projectId, ctx.projectId));
    } else {
      const values = { requestsPerMinute, tokensPerMinute };
      await tx.insert(userRateLimits).values({ projectId: ctx.projectId, ...values }).onConflictDoUpdate({ target: userRateLimits.projectId, set: { ...values, updatedAt: sql`now()` } });
      after = toLimit(values);
    }
    await bumpRevision(tx, ctx.projectId);
    await recordAudit(tx, ctx.actor, { orgId: ctx.orgId, projectId: ctx.projectId, action: "user_rate_limit.update", resourceType: "user_rate_limit", resourceId: ctx.projectId, before: toLimit(prev), after });
    return after;
  });
}
