import "server-only";
import type { Budget as SdkBudget, Limits, Prices } from "@sextant/sdk";
import { asc, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { budgets, userRateLimits } from "@/db/schema";
import { periodOf } from "@/lib/alerts/measure";
import type { ProjectCtx } from "@/lib/context";
import { findPrice, PRICE_TABLE } from "@/lib/cost/match";
import { readOverrides } from "@/lib/cost/overrides/load";
import { queryMetrics } from "@/lib/metrics/query";
import { spendOf } from "./spend";

/** The most models (seen this month) whose exact prices are delivered, on top of the table's canonical ids. */
const MAX_SEEN_MODELS = 200;

/** True when the project has anything for the SDK to enforce (one indexed read). */
export async function hasLimits(db: DbOrTx, projectId: string): Promise<boolean> {
  const [b] = await db.select({ id: budgets.id }).from(budgets).where(eq(budgets.projectId, projectId)).limit(1);
  if (b) return true;
  const [r] = await db.select({ p: userRateLimits.projectId }).from(userRateLimits).where(eq(userRateLimits.projectId, projectId));
  return !!r;
}

const num = (v: string | null) => (v === null ? undefined : Number(v));

/**
 * Prices the SDK uses to count its own calls between deliveries, in its `Prices` shape (longest
 * prefix wins): the exact ids this project used this month and the downgrade targets, priced
 * like ingestion prices them (overrides first), plus the shipped table's canonical ids.
 */
async function pricesFor(ctx: ProjectCtx, extra: string[], now: number): Promise<Prices> {
  const overrides = await readOverrides(ctx.db, ctx.projectId);
  const sys: ProjectCtx = { ...ctx, actor: { type: "system", label: "budgets" } };
  const { start } = periodOf("month", now);
  const seen = now - start < 1000 ? [] : (await queryMetrics(sys, { filters: { from: new Date(start), to: new Date(now), flags: {} }, groupBy: "model", limit: MAX_SEEN_MODELS })).groups.map((g) => g.key);
  const prices: Prices = {};
  for (const model of [...PRICE_TABLE.map((p) => p.model), ...seen, ...extra]) {
    const p = model ? findPrice(model, overrides) : null;
    if (!p) continue;
    prices[model] = { inputPerMTok: Number(p.inputPerMTok), outputPerMTok: Number(p.outputPerMTok), cachedInputPerMTok: num(p.cachedInputPerMTok) };
    if (prices[model].cachedInputPerMTok === undefined) delete prices[model].cachedInputPerMTok;
  }
  return prices;
}

/**
 * The `limits` of the flag configuration, in exactly the SDK's `Limits` shape: every budget
 * with the server's spend so far in its current period (the SDK adds its own calls on top
 * until the next delivery), the per-user rate limit and the prices. Null when there is none.
 */
export async function limitsFor(ctx: ProjectCtx, now = Date.now()): Promise<Limits | null> {
  const rows = await ctx.db.select().from(budgets).where(eq(budgets.projectId, ctx.projectId)).orderBy(asc(budgets.name));
  const [rate] = await ctx.db.select().from(userRateLimits).where(eq(userRateLimits.projectId, ctx.projectId));
  if (!rows.length && !rate) return null;
  const limits: Limits = {};
  if (rows.length) {
    limits.budgets = await Promise.all(
      rows.map(async (r): Promise<SdkBudget> => {
        const spend = await spendOf(ctx, r, now);
        const b: SdkBudget = { id: r.name, scope: r.scope as SdkBudget["scope"], period: r.period as SdkBudget["period"], limitUsd: Number(r.limitUsd), enforcement: r.enforcement as SdkBudget["enforcement"], spentUsd: spend.by ?? spend.totalUsd };
        if (r.match !== null) b.match = r.match;
        if (r.action !== null) b.action = r.action as SdkBudget["action"];
        if (r.downgradeTo !== null) b.downgradeTo = r.downgradeTo;
        return b;
      }),
    );
    limits.prices = await pricesFor(ctx, rows.flatMap((r) => (r.downgradeTo ? [r.downgradeTo] : [])), now);
  }
  if (rate) {
    limits.userRateLimit = {};
    if (rate.requestsPerMinute !== null) limits.userRateLimit.requestsPerMinute = rate.requestsPerMinute;
    if (rate.tokensPerMinute !== null) limits.userRateLimit.tokensPerMinute = rate.tokensPerMinute;
  }
  return limits;
}
