import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { alertRules } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record";
import { assertCan, type ProjectCtx } from "@/lib/context";
import { fromZod } from "@/lib/http/errors";
import { closeRule } from "./evaluate";
import { checkRuleAgainstProject, findRule, ruleValues, specOf, toRule } from "./rule-rows";
import { AlertRuleInput, AlertRulePatch, type AlertRule } from "./schemas";

/**
 * Changes a rule: given fields replace, null removes an optional one, and the merged
 * rule must be valid as a whole. Instances and history are kept; the next evaluation
 * applies the new condition to them.
 */
export async function updateAlertRule(ctx: ProjectCtx, id: string, patch: unknown): Promise<AlertRule> {
  assertCan(ctx, "alerts.write");
  const p = AlertRulePatch.safeParse(patch);
  if (!p.success) throw fromZod(p.error);
  return ctx.db.transaction(async (tx) => {
    const before = toRule(await findRule(tx, ctx.projectId, id, true));
    const merged: Record<string, unknown> = specOf(before);
    for (const [k, v] of Object.entries(p.data)) {
      if (v === undefined) continue;
      if (v === null) delete merged[k];
      else merged[k] = v;
    }
    const parsed = AlertRuleInput.safeParse(merged);
    if (!parsed.success) throw fromZod(parsed.error);
    await checkRuleAgainstProject(tx, ctx.projectId, parsed.data);
    const [row] = await tx
      .update(alertRules)
      .set({ ...ruleValues(parsed.data), updatedAt: sql`now()` })
      .where(and(eq(alertRules.projectId, ctx.projectId), eq(alertRules.id, before.id)))
      .returning();
    if (before.enabled && !parsed.data.enabled) await closeRule(tx, ctx, before, "rule disabled");
    await recordAudit(tx, ctx.actor, {
      orgId: ctx.orgId, projectId: ctx.projectId, action: "alert_rule.update", resourceType: "alert_rule", resourceId: before.id,
      before: specOf(before), after: ruleValues(parsed.data),
    });
    return toRule(row!);
  });
}
