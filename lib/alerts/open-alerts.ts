import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import { alertInstances, alertRules } from "@/db/schema";
import type { AlertState } from "@/db/schema/alerts";
import { assertCan, type ProjectCtx } from "@/lib/context";
import { instanceLabels } from "./payload";
import { toRule } from "./rule-rows";
import type { AlertMetric, Op, Severity } from "./schemas";
import { activeSilences, silences } from "./silences";

/** An instance that needs attention, with what the console shows next to it. */
export type OpenAlert = {
  ruleId: string;
  ruleName: string;
  metric: AlertMetric;
  groupBy: string | null;
  groupKey: string;
  state: AlertState;
  severity: Severity;
  value: number | null;
  op: Op;
  threshold: number;
  /** When the current episode started: firing (or no data) since, else pending since. */
  since: Date | null;
  evaluatedAt: Date;
  /** A silence in force covers it: it keeps its state but does not notify. */
  silenced: boolean;
};

const OPEN: AlertState[] = ["firing", "no_data", "pending", "error"];
const ORDER: Record<string, number> = { firing: 0, no_data: 1, pending: 2, error: 3 };
const RANK: Record<Severity, number> = { critical: 0, warning: 1, info: 2 };

/**
 * Every open instance of the project's enabled rules (firing and no-data first, then
 * pending, then unreadable), unsilenced, most severe and oldest first: the top of the Alerts page
 * and the dashboard's banner. At most 200.
 */
export async function listOpenAlerts(ctx: ProjectCtx, opts: { states?: AlertState[]; now?: Date } = {}): Promise<OpenAlert[]> {
  assertCan(ctx, "alerts.read");
  const states = opts.states ?? OPEN;
  const rows = await ctx.db
    .select({ instance: alertInstances, rule: alertRules })
    .from(alertInstances)
    .innerJoin(alertRules, and(eq(alertRules.projectId, alertInstances.projectId), eq(alertRules.id, alertInstances.ruleId)))
    .where(and(eq(alertInstances.projectId, ctx.projectId), eq(alertRules.enabled, true), inArray(alertInstances.state, states)))
    .limit(200);
  if (rows.length === 0) return [];
  const inForce = await activeSilences(ctx.db, ctx.projectId, opts.now ?? new Date());
  const alerts = rows.map(({ instance: i, rule: r }): OpenAlert => {
    const rule = toRule(r);
    const severity = (i.severity as Severity | null) ?? rule.severity;
    const labels = instanceLabels(rule, i.groupKey, severity);
    return {
      ruleId: rule.id, ruleName: rule.name, metric: rule.metric, groupBy: rule.groupBy ?? null, groupKey: i.groupKey, state: i.state, severity,
      value: i.value, op: rule.condition.op, threshold: rule.condition.threshold,
      since: i.state === "pending" ? i.pendingSince : (i.firingSince ?? i.pendingSince),
      evaluatedAt: i.evaluatedAt,
      silenced: inForce.some((s) => silences(s, rule.id, labels)),
    };
  });
  const t = (d: Date | null) => d?.getTime() ?? Infinity;
  return alerts.sort((a, b) => ORDER[a.state]! - ORDER[b.state]! || Number(a.silenced) - Number(b.silenced) || RANK[a.severity] - RANK[b.severity] || t(a.since) - t(b.since) || a.ruleName.localeCompare(b.ruleName) || a.groupKey.localeCompare(b.groupKey));
}
