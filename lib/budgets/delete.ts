import "server-only";
import { and, eq } from "drizzle-orm";
import { budgets } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record";
import { assertCan, type ProjectCtx } from "@/lib/context";
import { bumpRevision, lockRevision } from "@/lib/flags/revision";
import { channelsOf, removeRule } from "./alert";
import { findBudget, specOf } from "./rows";

/** Deletes a budget and its alert rule (open alerts resolved first); SDKs stop enforcing it at the next delivery. */
export async function deleteBudget(ctx: ProjectCtx, id: string): Promise<void> {
  assertCan(ctx, "budgets.write");
  await ctx.db.transaction(async (tx) => {
    await lockRevision(tx, ctx.projectId);
    const row = await findBudget(tx, ctx.projectId, id, true);
    const before = specOf(row, await channelsOf(tx, ctx.projectId, row.alertRuleId));
    if (row.alertRuleId) await removeRule(tx, ctx, row.alertRuleId);
    await tx.delete(budgets).where(and(eq(budgets.projectId, ctx.projectId), eq(budgets.id, row.id)));
    await bumpRevision(tx, ctx.projectId);
    await recordAudit(tx, ctx.actor, { orgId: ctx.orgId, projectId: ctx.projectId, action: "budget.delete", resourceType: "budget", resourceId: row.id, before });
  });
}
