import "server-only";
import { assertCan, type ProjectCtx } from "@/lib/context";
import { breakdown } from "@/lib/dashboard/overview";
import { RequestFilters } from "@/lib/metrics/filters";

const DIMENSIONS = ["model", "provider", "endpoint", "environment", "userId", "errorType"] as const;

/** Values seen in the last 7 days for the rule editor's filter suggestions (the largest 50 of each). */
export async function ruleEditorOptions(ctx: ProjectCtx, now = Date.now()): Promise<Record<string, string[]>> {
  assertCan(ctx, "alerts.read");
  const filters = RequestFilters.parse({ from: new Date(now - 7 * 86_400_000), to: new Date(now) });
  const found = await Promise.all(DIMENSIONS.map((by) => breakdown(ctx, filters, by, by, 50)));
  return Object.fromEntries(found.map((b) => [b.by, b.rows.map((r) => r.key)]));
}
