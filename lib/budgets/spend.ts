import "server-only";
import { periodOf } from "@/lib/alerts/measure";
import type { ProjectCtx } from "@/lib/context";
import { queryMetrics } from "@/lib/metrics/query";
import type { BudgetRow } from "./rows";

/** The most endpoints / users a budget without match reports spend for (the largest by requests). */
export const MAX_SPENDERS = 1_000;

export type Spend = { periodStart: number; totalUsd: number; by?: Record<string, number> };

/**
 * What a budget's scope has spent in the current UTC period, from the rollups through the
 * dashboards' query (so it matches the Cost dashboard). Read as the system: the SDK's key
 * and the console's roles are checked by the callers.
 */
export async function spendOf(ctx: ProjectCtx, b: Pick<BudgetRow, "scope" | "match" | "period">, now = Date.now()): Promise<Spend> {
  const { start } = periodOf(b.period as "day" | "month", now);
  if (now - start < 1000) return { periodStart: start, totalUsd: 0, by: b.scope !== "project" && b.match === null ? {} : undefined };
  const sys: ProjectCtx = { ...ctx, actor: { type: "system", label: "budgets" } };
  const filters = { from: new Date(start), to: new Date(now), flags: {}, ...(b.match === null ? {} : b.scope === "endpoint" ? { endpoint: b.match } : b.scope === "user" ? { userId: b.match } : {}) };
  const groupBy = b.scope !== "project" && b.match === null ? (b.scope === "endpoint" ? "endpoint" : "userId") : undefined;
  const answer = await queryMetrics(sys, { filters, groupBy, limit: MAX_SPENDERS });
  const totalUsd = answer.groups.reduce((s, g) => s + g.costUsd, 0);
  if (!groupBy) return { periodStart: start, totalUsd };
  // Requests without an endpoint (user) count under "" in the rollups: no SDK call is keyed by it.
  const by = Object.fromEntries(answer.groups.filter((g) => g.key !== "").map((g) => [g.key, g.costUsd]));
  return { periodStart: start, totalUsd, by };
}
