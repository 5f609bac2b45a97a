import "server-only";
import { and, desc, eq, lt } from "drizzle-orm";
import { alertDeliveries, alertInstances, alertTransitions } from "@/db/schema";
import { assertCan, type ProjectCtx } from "@/lib/context";
import { toView, type AlertInstanceView } from "./instance-rows";
import { instanceLabels } from "./payload";
import { findRule, toRule } from "./rule-rows";

const ORDER: Record<string, number> = { firing: 0, no_data: 1, pending: 2, error: 3, resolved: 4, ok: 5 };

/** The rule's instances, firing and pending first. */
export async function listInstances(ctx: ProjectCtx, ruleId: string): Promise<AlertInstanceView[]> {
  assertCan(ctx, "alerts.read");
  const rule = toRule(await findRule(ctx.db, ctx.projectId, ruleId));
  const rows = await ctx.db.select().from(alertInstances).where(and(eq(alertInstances.projectId, ctx.projectId), eq(alertInstances.ruleId, rule.id)));
  return rows
    .map((r) => toView(r, instanceLabels(rule, r.groupKey, (r.severity as typeof rule.severity | null) ?? rule.severity)))
    .sort((a, b) => ORDER[a.state]! - ORDER[b.state]! || a.groupKey.localeCompare(b.groupKey));
}

export type HistoryEntry = { id: number; groupKey: string; from: string; to: string; value: number | null; threshold: number; reason: string; at: Date };

/** The rule's transitions, newest first, with keyset paging (`before` = the last id seen). */
export async function listHistory(ctx: ProjectCtx, ruleId: string, opts: { limit?: number; before?: number } = {}): Promise<{ items: HistoryEntry[]; nextBefore: number | null }> {
  assertCan(ctx, "alerts.read");
  const rule = await findRule(ctx.db, ctx.projectId, ruleId);
  const limit = Math.min(Math.max(opts.limit ?? 100, 1), 500);
  const where = [eq(alertTransitions.projectId, ctx.projectId), eq(alertTransitions.ruleId, rule.id), ...(opts.before ? [lt(alertTransitions.id, opts.before)] : [])];
  const rows = await ctx.db.select().from(alertTransitions).where(and(...where)).orderBy(desc(alertTransitions.id)).limit(limit + 1);
  const items = rows.slice(0, limit).map((r) => ({ id: r.id, groupKey: r.groupKey, from: r.fromState, to: r.toState, value: r.value, threshold: r.threshold, reason: r.reason, at: r.at }));
  return { items, nextBefore: rows.length > limit ? items.at(-1)!.id : null };
}

export type DeliveryEntry = {
  id: number; channelId: string; groupKey: string | null; kind: string; status: string; attempts: number;
  responseStatus: number | null; responseExcerpt: string | null; error: string | null; createdAt: Date; sentAt: Date | null; nextAttemptAt: Date;
};

/** The rule's notification log, newest first (at most 200). */
export async function listDeliveries(ctx: ProjectCtx, ruleId: string): Promise<DeliveryEntry[]> {
  assertCan(ctx, "alerts.read");
  const rule = await findRule(ctx.db, ctx.projectId, ruleId);
  const rows = await ctx.db.select().from(alertDeliveries).where(and(eq(alertDeliveries.projectId, ctx.projectId), eq(alertDeliveries.ruleId, rule.id))).orderBy(desc(alertDeliveries.id)).limit(200);
  return rows.map((r) => ({
    id: r.id, channelId: r.channelId, groupKey: r.groupKey, kind: r.kind, status: r.status, attempts: r.attempts,
    responseStatus: r.responseStatus, responseExcerpt: r.responseExcerpt, error: r.error, createdAt: r.createdAt, sentAt: r.sentAt, nextAttemptAt: r.nextAttemptAt,
  }));
}
