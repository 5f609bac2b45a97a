import "server-only";
import { asc, eq } from "drizzle-orm";
import { alertRules } from "@/db/schema";
import { assertCan, type ProjectCtx } from "@/lib/context";
import { findRule, toRule } from "./rule-rows";
import type { AlertRule } from "./schemas";

/** The project's rules, by name. */
export async function listAlertRules(ctx: ProjectCtx): Promise<AlertRule[]> {
  assertCan(ctx, "alerts.read");
  const rows = await ctx.db.select().from(alertRules).where(eq(alertRules.projectId, ctx.projectId)).orderBy(asc(alertRules.name), asc(alertRules.id));
  return rows.map(toRule);
}

/** One rule; another project's id is 404 like a missing one. */
export async function getAlertRule(ctx: ProjectCtx, id: string): Promise<AlertRule> {
  assertCan(ctx, "alerts.read");
  return toRule(await findRule(ctx.db, ctx.projectId, id));
}
