import "server-only";
import { and, eq } from "drizzle-orm";
import { budgets } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record";
import { assertCan, type ProjectCtx } from "@/lib/context";
import { bumpRevision, lockRevision } from "@/lib/flags/revision";
import { conflict, fromZod, isUniqueViolation } from "@/lib/http/errors";
import { syncAlertRule } from "./alert";
import { getBudget } from "./list";
import { budgetValues } from "./rows";
import { BudgetInput, type Budget } from "./schemas";

/**
 * Creates a budget; a soft one gets its alert rule. The flag revision is bumped in the same
 * transaction, so SDKs fetch the new limits at once (ETag changes, the stream announces it).
 */
export async function createBudget(ctx: ProjectCtx, input: unknown): Promise<Budget> {
  assertCan(ctx, "budgets.write");
  const parsed = BudgetInput.safeParse(input);
  if (!parsed.success) throw fromZod(parsed.error);
  const spec = parsed.data;
  try {
    const id = await ctx.db.transaction(async (tx) => {
      await lockRevision(tx, ctx.projectId);
      const [row] = await tx.insert(budgets).values({ projectId: ctx.projectId, ...budgetValues(spec) }).returning();
      const alertRuleId = await syncAlertRule(tx, ctx, spec, null);
      if (alertRuleId) await tx.update(budgets).set({ alertRuleId }).where(and(eq(budgets.projectId, ctx.projectId), eq(budgets.id, row!.id)));
      await bumpRevision(tx, ctx.projectId);
      await recordAudit(tx, ctx.actor, { orgId: ctx.orgId, projectId: ctx.projectId, action: "budget.create", resourceType: "budget", resourceId: row!.id, after: { ...spec, alertRuleId } });
      return row!.id;
    });
    return await getBudget(ctx, id);
  } catch (err) {
    if (isUniqueViolation(err)) throw conflict(`A budget named "${spec.name}" already exists in this project.`);
    throw err;
  }
}
