import "server-only";
import { and, eq, inArray, sql } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { alertInstances, alertRules, alertTransitions, notificationChannels } from "@/db/schema";
import type { ProjectCtx } from "@/lib/context";
import { ruleUrl, consoleUrl } from "./config";
import { enqueueDelivery } from "./deliver";
import { evaluateGroups } from "./groups";
import { fromRow, toColumns } from "./instance-rows";
import { closeInstance, isQuiet, type Instance, type Observation, type Step } from "./machine";
import { missingObservation, readMetric } from "./measure";
import { alertmanagerBody, instanceLabels, slackBody, type AlertNotice } from "./payload";
import { findRule, toRule } from "./rule-rows";
import type { AlertRule } from "./schemas";
import { activeSilences, silences } from "./silences";

export type EvaluationReport = {
  ruleId: string;
  evaluatedAt: Date;
  error: string | null;
  transitions: { groupKey: string; from: string; to: string; value: number | null; reason: string }[];
  notifications: { groupKey: string; kind: "firing" | "resolved"; channels: number }[];
  deliveryIds: number[];
};

function notice(rule: AlertRule, projectId: string, key: string, s: Step, prev: Instance, now: number): AlertNotice {
  const resolved = s.notification!.kind === "resolved";
  const severity = (resolved ? prev.severity : s.next.severity) ?? rule.severity;
  return {
    status: resolved ? "resolved" : "firing",
    projectId, ruleId: rule.id, ruleName: rule.name, description: rule.description, metric: rule.metric, groupBy: rule.groupBy, groupKey: key,
    severity, labels: instanceLabels(rule, key, severity), op: rule.condition.op, threshold: rule.condition.threshold,
    value: s.next.value, noData: s.next.state === "no_data",
    startsAt: new Date((resolved ? prev.firingSince : s.next.firingSince) ?? now), endsAt: resolved ? new Date(now) : null,
    runbookUrl: rule.runbookUrl, url: ruleUrl(projectId, rule.id),
  };
}

async function persist(tx: Tx, ctx: ProjectCtx, rule: AlertRule, prev: Map<string, Instance>, steps: Map<string, Step>, now: number, report: EvaluationReport) {
  const channels = rule.channels.length
    ? await tx.select().from(notificationChannels).where(and(eq(notificationChannels.projectId, ctx.projectId), inArray(notificationChannels.id, rule.channels)))
    : [];
  for (const [key, s] of steps) {
    const before = prev.get(key);
    if (!before && isQuiet(s.next)) continue;
    const columns = toColumns(s.next, now);
    await tx
      .insert(alertInstances)
      .values({ projectId: ctx.projectId, ruleId: rule.id, groupKey: key, ...columns })
      .onConflictDoUpdate({ target: [alertInstances.projectId, alertInstances.ruleId, alertInstances.groupKey], set: columns });
    if (s.transition) {
      const t = s.transition;
      await tx.insert(alertTransitions).values({ projectId: ctx.projectId, ruleId: rule.id, groupKey: key, fromState: t.from, toState: t.to, value: t.value, threshold: rule.condition.threshold, reason: t.reason, at: new Date(now) });
      report.transitions.push({ groupKey: key, ...t });
    }
    if (s.notification) {
      const n = notice(rule, ctx.projectId, key, s, before ?? s.next, now);
      for (const c of channels) {
        const payload = c.type === "slack" ? slackBody(n) : alertmanagerBody(n, c.name, consoleUrl());
        report.deliveryIds.push(await enqueueDelivery(tx, { projectId: ctx.projectId, ruleId: rule.id, channelId: c.id, groupKey: key, kind: n.status, payload }, now));
      }
      report.notifications.push({ groupKey: key, kind: n.status, channels: channels.length });
    }
  }
}

/**
 * Evaluates one rule at `now`: reads the metric per group, steps each instance, and
 * stores instances, transitions and the deliveries to send in one transaction under
 * the rule's row lock, so evaluators racing on the same rule run one after the other
 * and the second sees the first's state (one notification, not two). The metric is
 * read before the lock, so no connection is held while waiting for another.
 * The caller checks permissions; `ctx` needs `requests.read` to read the metric.
 */
export async function evaluateRule(ctx: ProjectCtx, id: string, now = Date.now()): Promise<EvaluationReport> {
  const draft = toRule(await findRule(ctx.db, ctx.projectId, id));
  let observed: Map<string, Observation> | { error: string };
  try {
    observed = await readMetric(ctx, draft, now);
  } catch (err) {
    // A rule whose metric cannot be read is marked, never allowed to stop the others.
    console.error(`[alerts] rule ${draft.id} could not read its metric:`, (err as Error).message);
    observed = { error: `The metric could not be read: ${(err as Error).message}` };
  }
  return ctx.db.transaction(async (tx) => {
    const rule = toRule(await findRule(tx, ctx.projectId, id, true));
    const report: EvaluationReport = { ruleId: rule.id, evaluatedAt: new Date(now), error: null, transitions: [], notifications: [], deliveryIds: [] };
    // An evaluation that lost a race to a later one must not rewind the state.
    if (rule.lastEvaluatedAt && rule.lastEvaluatedAt.getTime() > now) return report;
    const rows = await tx.select().from(alertInstances).where(and(eq(alertInstances.projectId, ctx.projectId), eq(alertInstances.ruleId, rule.id)));
    const prev = new Map(rows.map((r) => [r.groupKey, fromRow(r)]));
    const inForce = await activeSilences(tx, ctx.projectId, new Date(now));
    const steps = evaluateGroups({
      rule, grouped: Boolean(rule.groupBy), prev, observed, missing: missingObservation(rule.metric), now,
      silenced: (key) => inForce.some((s) => silences(s, rule.id, instanceLabels(rule, key, prev.get(key)?.severity ?? rule.severity))),
    });
    const error = (report.error = "error" in observed ? observed.error : null);
    await persist(tx, ctx, rule, prev, steps, now, report);
    await tx.update(alertRules).set({ lastEvaluatedAt: new Date(now), lastError: error }).where(and(eq(alertRules.projectId, ctx.projectId), eq(alertRules.id, rule.id)));
    return report;
  });
}

/**
 * Resolves the rule's open instances (in the caller's transaction, under the rule's lock)
 * when it is disabled or deleted; their resolved notifications go out with the next tick.
 */
export async function closeRule(tx: Tx, ctx: ProjectCtx, rule: AlertRule, reason: string, now = Date.now()): Promise<EvaluationReport> {
  const rows = await tx.select().from(alertInstances).where(and(eq(alertInstances.projectId, ctx.projectId), eq(alertInstances.ruleId, rule.id)));
  const prev = new Map(rows.map((r) => [r.groupKey, fromRow(r)]));
  const steps = new Map([...prev].map(([key, inst]) => [key, closeInstance(rule, inst, now, reason)]));
  const report: EvaluationReport = { ruleId: rule.id, evaluatedAt: new Date(now), error: null, transitions: [], notifications: [], deliveryIds: [] };
  await persist(tx, ctx, rule, prev, steps, now, report);
  return report;
}

/** Every enabled rule (of one project, or all) with its project's organization: what the background job evaluates. */
export async function enabledRules(db: ProjectCtx["db"], projectId?: string): Promise<{ projectId: string; orgId: string; id: string }[]> {
  const only = projectId ? sql`and r.project_id = ${projectId}` : sql``;
  const r = await db.execute<{ project_id: string; org_id: string; id: string }>(sql`
    select r.project_id, p.org_id, r.id from alert_rules r join projects p on p.id = r.project_id where r.enabled ${only} order by r.project_id, r.id`);
  return r.rows.map((x) => ({ projectId: x.project_id, orgId: x.org_id, id: x.id }));
}
