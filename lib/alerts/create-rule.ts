import "server-only";
import { alertRules } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record";
import { assertCan, type ProjectCtx } from "@/lib/context";
import { fromZod } from "@/lib/http/errors";
import { checkRuleAgainstProject, ruleValues, toRule } from "./rule-rows";
import { AlertRuleInput, type AlertRule } from "./schemas";

/** Creates an alert rule; the evaluator picks it up on its next tick. */
export async function createAlertRule(ctx: ProjectCtx, input: unknown): Promise<AlertRule> {
  assertCan(ctx, "alerts.write");
  const parsed = AlertRuleInput.safeParse(input);
  if (!parsed.success) throw fromZod(parsed.error);
  return ctx.db.transaction(async (tx) => {
    await checkRuleAgainstProject(tx, ctx.projectId, parsed.data);
    const [row] = await tx.insert(alertRules).values({ projectId: ctx.projectId, ...ruleValues(parsed.data) }).returning();
    const rule = toRule(row!);
    await recordAudit(tx, ctx.actor, { orgId: ctx.orgId, projectId: ctx.projectId, action: "alert_rule.create", resourceType: "alert_rule", resourceId: rule.id, after: ruleValues(parsed.data) });
    return rule;
  });
}
