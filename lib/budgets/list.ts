import "server-only";
import { asc, eq } from "drizzle-orm";
import { budgets } from "@/db/schema";
import { assertCan, type ProjectCtx } from "@/lib/context";
import { channelsOf } from "./alert";
import { getUserRateLimit } from "./rate-limit";
import { findBudget, specOf, type BudgetRow } from "./rows";
import type { Budget, UserRateLimit } from "./schemas";
import { spendOf } from "./spend";

async function withSpend(ctx: ProjectCtx, row: BudgetRow, now: number): Promise<Budget> {
  const [spend, channels] = await Promise.all([spendOf(ctx, row, now), channelsOf(ctx.db, ctx.projectId, row.alertRuleId)]);
  const budget: Budget = {
    id: row.id,
    ...specOf(row, channels),
    alertRuleId: row.alertRuleId,
    spentUsd: spend.totalUsd,
    periodStart: new Date(spend.periodStart).toISOString(),
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
  if (spend.by) budget.spentBy = spend.by;
  return budget;
}

/** The project's budgets by name, each with its spend so far this period, and the per-user rate limit. */
export async function listBudgets(ctx: ProjectCtx, now = Date.now()): Promise<{ budgets: Budget[]; userRateLimit: UserRateLimit | null }> {
  assertCan(ctx, "budgets.read");
  const rows = await ctx.db.select().from(budgets).where(eq(budgets.projectId, ctx.projectId)).orderBy(asc(budgets.name), asc(budgets.id));
  const [list, userRateLimit] = await Promise.all([Promise.all(rows.map((r) => withSpend(ctx, r, now))), getUserRateLimit(ctx)]);
  return { budgets: list, userRateLimit };
}

/** One budget; another project's id is 404 like a missing one. */
export async function getBudget(ctx: ProjectCtx, id: string, now = Date.now()): Promise<Budget> {
  assertCan(ctx, "budgets.read");
  return withSpend(ctx, await findBudget(ctx.db, ctx.projectId, id), now);
}
