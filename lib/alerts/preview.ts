import "server-only";
import { z } from "zod";
import { assertCan, type ProjectCtx } from "@/lib/context";
import { fromZod } from "@/lib/http/errors";
import type { Observation } from "./machine";
import { missingObservation, readMetric } from "./measure";
import { checkRuleAgainstProject } from "./rule-rows";
import { AlertBudget, AlertFilters, AlertGroupBy, METRICS, type AlertRuleSpec, type Op } from "./schemas";

/** What the preview needs of a rule being written (the rest of the form may still be incomplete). */
export const RulePreviewInput = z.object({
  metric: z.enum(METRICS),
  scoreName: z.string().trim().min(1).max(128).optional(),
  filters: AlertFilters.default({}),
  groupBy: AlertGroupBy.optional(),
  windowSeconds: z.number().int().min(60).max(86_400),
  budget: AlertBudget.optional(),
  /** Only orders the groups: the most breaching first. */
  op: z.enum([">", ">=", "<", "<="]).optional(),
});
export type RulePreviewInput = z.input<typeof RulePreviewInput>;

export type RulePreview = {
  /** Evaluation times, epoch ms, oldest first; the last is now. */
  times: number[];
  /** Each shown group's value at each time (null: no data), as the evaluator would have read it. */
  series: { key: string; values: (number | null)[] }[];
  /** Every group's value now (up to 20), with its sample size for the minimum-requests check. */
  current: { key: string; value: number | null; samples: number }[];
  /** More groups than shown. */
  truncated: boolean;
};

export const PREVIEW_POINTS = 24;
const SHOWN = 5;

/** Points over max(1 h, 6 windows), at most 7 days, minute-aligned, ending now. */
export function previewTimes(windowSeconds: number, now: number, points = PREVIEW_POINTS): number[] {
  const span = Math.min(Math.max(3_600_000, windowSeconds * 6_000), 7 * 86_400_000);
  const step = Math.max(60_000, Math.floor(span / points / 60_000) * 60_000);
  return Array.from({ length: points }, (_, i) => now - (points - 1 - i) * step);
}

const valueOf = (o: Observation | undefined) => (o?.kind === "value" ? o.value : null);

/** The groups to draw: the worst now for the condition's direction (largest first without one), ties by sample size. */
export function pickGroups(now: Map<string, Observation>, op: Op | undefined, limit = SHOWN): string[] {
  const lowIsBad = op === "<" || op === "<=";
  return [...now.entries()]
    .sort(([ka, a], [kb, b]) => {
      const va = valueOf(a);
      const vb = valueOf(b);
      if (va !== vb) return va === null ? 1 : vb === null ? -1 : lowIsBad ? va - vb : vb - va;
      const sa = a.kind === "value" ? a.samples : 0;
      const sb = b.kind === "value" ? b.samples : 0;
      return sb - sa || ka.localeCompare(kb);
    })
    .slice(0, limit)
    .map(([k]) => k);
}

/**
 * The rule editor's live preview: the metric as the evaluator reads it (same query, same
 * window, same groups) at evenly spaced moments up to now, so the chart shows where the
 * thresholds would have cut. Reads rollups only; checks the filters like saving does.
 */
export async function previewAlertRule(ctx: ProjectCtx, input: unknown, now = Date.now()): Promise<RulePreview> {
  assertCan(ctx, "alerts.read");
  const parsed = RulePreviewInput.safeParse(input);
  if (!parsed.success) throw fromZod(parsed.error);
  const rule = parsed.data;
  await checkRuleAgainstProject(ctx.db, ctx.projectId, { ...rule, channels: [] } as unknown as AlertRuleSpec);
  const times = previewTimes(rule.windowSeconds, now);
  const reads: Map<string, Observation>[] = [];
  // A few reads at a time: the pool is shared with the dashboards.
  for (let i = 0; i < times.length; i += 6) reads.push(...(await Promise.all(times.slice(i, i + 6).map((t) => readMetric(ctx, rule, t)))));
  const latest = reads.at(-1)!;
  const keys = pickGroups(latest, rule.op);
  // A group quiet now but active earlier still belongs on the chart when there is room.
  if (keys.length < SHOWN) {
    const seen = new Set(keys);
    for (const r of [...reads].reverse()) {
      for (const k of r.keys()) {
        if (seen.has(k) || seen.size >= SHOWN) continue;
        seen.add(k);
        keys.push(k);
      }
    }
  }
  return {
    times,
    series: keys.map((key) => ({ key, values: reads.map((r) => valueOf(r.get(key) ?? missingObservation(rule.metric))) })),
    current: pickGroups(latest, rule.op, 20).map((key) => {
      const o = latest.get(key)!;
      return { key, value: valueOf(o), samples: o.kind === "value" ? o.samples : 0 };
    }),
    truncated: latest.size > 20,
  };
}
