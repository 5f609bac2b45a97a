import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { alertRules, notificationChannels } from "@/db/schema";
import { AppError, notFound } from "@/lib/http/errors";
import { MetricsQuery, planQuery } from "@/lib/metrics/query-plan";
import type { AlertRule, AlertRuleSpec } from "./schemas";

type RuleRow = typeof alertRules.$inferSelect;

const opt = <T>(v: T | null): T | undefined => (v === null ? undefined : v);

/** A stored rule as the API answers it: optional fields that are unset are left out. */
export function toRule(r: RuleRow): AlertRule {
  return {
    id: r.id,
    name: r.name,
    description: opt(r.description),
    severity: r.severity as AlertRule["severity"],
    enabled: r.enabled,
    metric: r.metric as AlertRule["metric"],
    scoreName: opt(r.scoreName),
    filters: r.filters as AlertRule["filters"],
    groupBy: opt(r.groupBy),
    condition: r.condition,
    windowSeconds: r.windowSeconds,
    forSeconds: r.forSeconds,
    minRequests: opt(r.minRequests),
    noData: r.noData as AlertRule["noData"],
    channels: r.channels,
    repeatIntervalSeconds: opt(r.repeatIntervalSeconds),
    sendResolved: r.sendResolved,
    labels: r.labels,
    runbookUrl: opt(r.runbookUrl),
    budget: opt(r.budget),
    lastEvaluatedAt: r.lastEvaluatedAt,
    lastError: r.lastError,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
  };
}

const BOOKKEEPING = ["id", "lastEvaluatedAt", "lastError", "createdAt", "updatedAt"];

/** A stored rule as input again (what a patch merges into, what the audit log records). */
export function specOf(rule: AlertRule): Record<string, unknown> {
  return Object.fromEntries(Object.entries(rule).filter(([k]) => !BOOKKEEPING.includes(k)));
}

/** The columns of a validated rule. */
export function ruleValues(spec: AlertRuleSpec) {
  return {
    name: spec.name,
    description: spec.description ?? null,
    severity: spec.severity,
    enabled: spec.enabled,
    metric: spec.metric,
    scoreName: spec.scoreName ?? null,
    filters: spec.filters,
    groupBy: spec.groupBy ?? null,
    condition: spec.condition,
    windowSeconds: spec.windowSeconds,
    forSeconds: spec.forSeconds,
    minRequests: spec.minRequests ?? null,
    noData: spec.noData,
    channels: spec.channels,
    repeatIntervalSeconds: spec.repeatIntervalSeconds ?? null,
    sendResolved: spec.sendResolved,
    labels: spec.labels,
    runbookUrl: spec.runbookUrl ?? null,
    budget: spec.budget ?? null,
  };
}

/** A malformed id cannot name one of your rules: 404 like any other. */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export function assertId(id: string, what: string): void {
  if (!UUID.test(id)) throw notFound(what);
}

export async function findRule(db: DbOrTx, projectId: string, id: string, lock = false): Promise<RuleRow> {
  assertId(id, "Alert rule");
  const q = db.select().from(alertRules).where(and(eq(alertRules.projectId, projectId), eq(alertRules.id, id)));
  const [row] = lock ? await q.for("update") : await q;
  if (!row) throw notFound("Alert rule");
  return row;
}

/**
 * What the schema cannot check alone: the channels exist in this project, and the
 * rollups can answer the filters with this grouping (the same 422 the dashboards give).
 */
export async function checkRuleAgainstProject(db: DbOrTx, projectId: string, spec: AlertRuleSpec): Promise<void> {
  if (spec.channels.length) {
    const found = await db
      .select({ id: notificationChannels.id })
      .from(notificationChannels)
      .where(and(eq(notificationChannels.projectId, projectId), inArray(notificationChannels.id, spec.channels)));
    const missing = spec.channels.filter((c) => !found.some((f) => f.id === c));
    if (missing.length) throw new AppError("UNPROCESSABLE_ENTITY", `No notification channel ${missing.join(", ")} in this project.`, [{ path: "channels", message: "Unknown channel id." }]);
  }
  const plan = planQuery(projectId, MetricsQuery.parse({ filters: { ...spec.filters, flags: spec.filters.flags ?? {} }, groupBy: spec.groupBy }));
  if (spec.metric === "score_avg" && !plan.scores) {
    throw new AppError("UNPROCESSABLE_ENTITY", "Scores are kept by model, endpoint, environment and prompt: score_avg cannot be grouped or filtered by user or flag.", [{ path: "metric", message: "Not available with this groupBy or filters." }]);
  }
}
