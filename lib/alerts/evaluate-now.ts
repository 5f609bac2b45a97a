import "server-only";
import { assertCan, type ProjectCtx } from "@/lib/context";
import { deliverDue, type DeliveryOutcome } from "./deliver";
import { evaluateRule, type EvaluationReport } from "./evaluate";

export type EvaluateNowResult = EvaluationReport & { deliveries: { id: number; status: DeliveryOutcome["status"]; responseStatus: number | null; error: string | null }[] };

/**
 * POST /api/v1/alert-rules/{id}/evaluate: evaluates one rule now (enabled or not) and
 * sends its new notifications before answering. Failed sends stay queued for retry.
 */
export async function evaluateAlertRuleNow(ctx: ProjectCtx, id: string, now = Date.now()): Promise<EvaluateNowResult> {
  assertCan(ctx, "alerts.write");
  const report = await evaluateRule(ctx, id, now);
  const sent = report.deliveryIds.length ? await deliverDue(ctx.db, now, { projectId: ctx.projectId, ids: report.deliveryIds }) : [];
  return { ...report, deliveries: sent.map((d) => ({ id: d.id, status: d.status, responseStatus: d.result.status, error: d.result.error })) };
}
