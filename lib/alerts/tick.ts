import "server-only";
import type { Db } from "@/db/client";
import type { ProjectCtx } from "@/lib/context";
import { deliverDue } from "./deliver";
import { enabledRules, evaluateRule } from "./evaluate";

export type TickReport = { evaluated: number; failed: { ruleId: string; error: string }[]; delivered: number };

/**
 * One round of the evaluator: every enabled rule, one at a time (a failing rule is
 * logged and skipped, never stopping the others), then every delivery that is due.
 */
export async function alertTick(db: Db, now = Date.now(), onlyProjectId?: string): Promise<TickReport> {
  const report: TickReport = { evaluated: 0, failed: [], delivered: 0 };
  for (const r of await enabledRules(db, onlyProjectId)) {
    const ctx: ProjectCtx = { db, orgId: r.orgId, projectId: r.projectId, actor: { type: "system", label: "alert evaluator" } };
    try {
      await evaluateRule(ctx, r.id, now);
      report.evaluated++;
    } catch (err) {
      console.error(`[alerts] evaluating rule ${r.id} failed:`, (err as Error).message);
      report.failed.push({ ruleId: r.id, error: (err as Error).message });
    }
  }
  report.delivered = (await deliverDue(db, now, onlyProjectId ? { projectId: onlyProjectId } : undefined)).length;
  return report;
}
