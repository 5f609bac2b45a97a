import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { alertRules } from "@/db/schema";
import { closeRule } from "@/lib/alerts/evaluate";
import { checkRuleAgainstProject, ruleValues, toRule } from "@/lib/alerts/rule-rows";
import { AlertRuleInput, type AlertRuleInput as RuleInput } from "@/lib/alerts/schemas";
import type { ProjectCtx } from "@/lib/context";
import { fromZod } from "@/lib/http/errors";
import type { BudgetSpec } from "./schemas";

/**
 * The alert rule behind a soft budget: a cost_usd budget rule on the spend so far in the
 * budget's period, over what the budget covers (one group per endpoint or user when it
 * has no match), firing at the limit and notifying through the budget's channels. It is
 * an ordinary rule (Alerts shows it, silences apply); lib/budgets rewrites it with every
 * change of the budget, so edit the budget, not the rule.
 */
export function ruleFor(spec: BudgetSpec): RuleInput {
  const filters = spec.match === undefined ? {} : spec.scope === "endpoint" ? { endpoint: spec.match } : { userId: spec.match };
  const groupBy = spec.match === undefined && spec.scope !== "project" ? (spec.scope === "endpoint" ? "endpoint" : "userId") : undefined;
  return {
    name: `Budget ${spec.name}`,
    description: `Soft budget "${spec.name}": $${spec.limitUsd} per ${spec.period}. Managed in Settings → Budgets.`,
    severity: "warning",
    metric: "cost_usd",
    filters,
    groupBy,
    condition: { op: ">=", threshold: spec.limitUsd },
    windowSeconds: 300,
    channels: spec.channels ?? [],
    labels: { budget: spec.name },
    budget: { period: spec.period, projected: false },
  };
}

/** Creates, rewrites or removes the budget's rule so it matches `spec`; returns the rule id (null for a hard budget). */
export async function syncAlertRule(tx: Tx, ctx: ProjectCtx, spec: BudgetSpec, ruleId: string | null): Promise<string | null> {
  const existing = ruleId ? (await tx.select().from(alertRules).where(and(eq(alertRules.projectId, ctx.projectId), eq(alertRules.id, ruleId))).for("update"))[0] : undefined;
  if (spec.enforcement === "hard") {
    if (existing) await removeRule(tx, ctx, existing.id);
    return null;
  }
  const parsed = AlertRuleInput.safeParse(ruleFor(spec));
  if (!parsed.success) throw fromZod(parsed.error);
  await checkRuleAgainstProject(tx, ctx.projectId, parsed.data);
  if (existing) {
    await tx.update(alertRules).set({ ...ruleValues(parsed.data), updatedAt: sql`now()` }).where(and(eq(alertRules.projectId, ctx.projectId), eq(alertRules.id, existing.id)));
    return existing.id;
  }
  const [row] = await tx.insert(alertRules).values({ projectId: ctx.projectId, ...ruleValues(parsed.data) }).returning({ id: alertRules.id });
  return row!.id;
}

/** Open alerts of the rule are resolved first (their notification goes out), then it is deleted. */
export async function removeRule(tx: Tx, ctx: ProjectCtx, ruleId: string): Promise<void> {
  const [row] = await tx.select().from(alertRules).where(and(eq(alertRules.projectId, ctx.projectId), eq(alertRules.id, ruleId)));
  if (!row) return;
  await closeRule(tx, ctx, toRule(row), "budget changed");
  await tx.delete(alertRules).where(and(eq(alertRules.projectId, ctx.projectId), eq(alertRules.id, ruleId)));
}

/** The channels a soft budget notifies (they live on its rule). */
export async function channelsOf(tx: Tx | ProjectCtx["db"], projectId: string, ruleId: string | null): Promise<string[]> {
  if (!ruleId) return [];
  const [row] = await tx.select({ channels: alertRules.channels }).from(alertRules).where(and(eq(alertRules.projectId, projectId), eq(alertRules.id, ruleId)));
  return row?.channels ?? [];
}
