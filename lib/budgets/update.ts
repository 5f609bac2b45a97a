import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { budgets } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record";
import { assertCan, type ProjectCtx } from "@/lib/context";
import { bumpRevision, lockRevision } from "@/lib/flags/revision";
import { conflict, fromZod, isUniqueViolation } from "@/lib/http/errors";
import { channelsOf, syncAlertRule } from "./alert";
import { getBudget } from "./list";
import { budgetValues, findBudget, specOf } from "./rows";
import { BudgetInput, BudgetPatch, type Budget } from "./schemas";

/**
 * Changes a budget: given fields replace, null removes an optional one, and the merged
 * budget must be valid as a whole. Its alert rule follows (created, rewritten or removed
 * when it turns hard); the flag revision is bumped so SDKs fetch the new limits.
 */
export async function updateBudget(ctx: ProjectCtx, id: string, patch: unknown): Promise<Budget> {
  assertCan(ctx, "budgets.write");
  const p = BudgetPatch.safeParse(patch);
  if (!p.success) throw fromZod(p.error);
  try {
    await ctx.db.transaction(async (tx) => {
      await lockRevision(tx, ctx.projectId);
      const row = await findBudget(tx, ctx.projectId, id, true);
      const before = specOf(row, await channelsOf(tx, ctx.projectId, row.alertRuleId));
      const merged: Record<string, unknown> = { ...before };
      for (const [k, v] of Object.entries(p.data)) {
        if (v === undefined) continue;
        if (v === null) delete merged[k];
        else merged[k] = v;
      }
      // Turning hard drops what only a soft budget has (its channels), and the reverse.
      if (merged.enforcement === "hard" && p.data.channels === undefined) delete merged.channels;
      if (merged.enforcement === "soft" && p.data.action === undefined) delete merged.action;
      if (merged.enforcement === "soft" && p.data.downgradeTo === undefined) delete merged.downgradeTo;
      const parsed = BudgetInput.safeParse(merged);
      if (!parsed.success) throw fromZod(parsed.error);
      const alertRuleId = await syncAlertRule(tx, ctx, parsed.data, row.alertRuleId);
      await tx
        .update(budgets)
        .set({ ...budgetValues(parsed.data), alertRuleId, updatedAt: sql`now()` })
        .where(and(eq(budgets.projectId, ctx.projectId), eq(budgets.id, row.id)));
      await bumpRevision(tx, ctx.projectId);
      await recordAudit(tx, ctx.actor, { orgId: ctx.orgId, projectId: ctx.projectId, action: "budget.update", resourceType: "budget", resourceId: row.id, before, after: { ...parsed.data, alertRuleId } });
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw conflict("Another budget of this project has that name.");
    throw err;
  }
  return getBudget(ctx, id);
}
