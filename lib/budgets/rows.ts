import "server-only";
import { and, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { budgets } from "@/db/schema";
import { assertId } from "@/lib/alerts/rule-rows";
import { notFound } from "@/lib/http/errors";
import type { BudgetSpec } from "./schemas";

export type BudgetRow = typeof budgets.$inferSelect;

const opt = <T>(v: T | null): T | undefined => (v === null ? undefined : v);

/** A stored budget as input again (what a patch merges into, what the audit log records). `channels` live on the alert rule. */
export function specOf(r: BudgetRow, channels?: string[]): BudgetSpec {
  const spec: BudgetSpec = {
    name: r.name,
    scope: r.scope as BudgetSpec["scope"],
    match: opt(r.match),
    period: r.period as BudgetSpec["period"],
    limitUsd: Number(r.limitUsd),
    enforcement: r.enforcement as BudgetSpec["enforcement"],
    action: opt(r.action) as BudgetSpec["action"],
    downgradeTo: opt(r.downgradeTo),
  };
  if (channels?.length) spec.channels = channels;
  return Object.fromEntries(Object.entries(spec).filter(([, v]) => v !== undefined)) as BudgetSpec;
}

/** The columns of a validated budget (the limit goes in as its exact decimal text). */
export function budgetValues(spec: BudgetSpec) {
  return {
    name: spec.name,
    scope: spec.scope,
    match: spec.match ?? null,
    period: spec.period,
    limitUsd: String(spec.limitUsd),
    enforcement: spec.enforcement,
    action: spec.enforcement === "hard" ? (spec.action ?? "block") : null,
    downgradeTo: spec.downgradeTo ?? null,
  };
}

export async function findBudget(db: DbOrTx, projectId: string, id: string, lock = false): Promise<BudgetRow> {
  assertId(id, "Budget");
  const q = db.select().from(budgets).where(and(eq(budgets.projectId, projectId), eq(budgets.id, id)));
  const [row] = lock ? await q.for("update") : await q;
  if (!row) throw notFound("Budget");
  return row;
}
