import "server-only";
import { and, eq } from "drizzle-orm";
import { alertRules } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record";
import { assertCan, type ProjectCtx } from "@/lib/context";
import { closeRule } from "./evaluate";
import { findRule, specOf, toRule } from "./rule-rows";

/** Deletes a rule with its instances and history; open alerts are resolved first, and the delivery log stays. */
export async function deleteAlertRule(ctx: ProjectCtx, id: string): Promise<void> {
  assertCan(ctx, "alerts.write");
  await ctx.db.transaction(async (tx) => {
    const row = await findRule(tx, ctx.projectId, id, true);
    // Open incidents get their resolved notification; the delivery log outlives the rule.
    await closeRule(tx, ctx, toRule(row), "rule deleted");
    await tx.delete(alertRules).where(and(eq(alertRules.projectId, ctx.projectId), eq(alertRules.id, row.id)));
    await recordAudit(tx, ctx.actor, { orgId: ctx.orgId, projectId: ctx.projectId, action: "alert_rule.delete", resourceType: "alert_rule", resourceId: row.id, before: specOf(toRule(row)) });
  });
}
