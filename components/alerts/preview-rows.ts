import { levelOf } from "@/lib/alerts/machine";
import type { RulePreview } from "@/lib/alerts/preview";
import type { AlertCondition, AlertMetric, Severity } from "@/lib/alerts/schemas";
import { formatValue, isPercent } from "./units";

// Pure preparation of the rule preview for the chart: one row per evaluation time with a
// column per group, in display units (percent for rates), and the threshold lines.

export type PreviewRow = { t: number } & Record<string, number | null>;

const display = (metric: AlertMetric, v: number | null) => (v === null ? null : isPercent(metric) ? v * 100 : v);

/** Rows for recharts: columns g0, g1 … (group keys can be anything, even "t"). */
export function previewRows(p: RulePreview, metric: AlertMetric): { rows: PreviewRow[]; lines: { key: string; name: string }[] } {
  const rows = p.times.map((t, i) => {
    const row: PreviewRow = { t } as PreviewRow;
    p.series.forEach((s, k) => (row[`g${k}`] = display(metric, s.values[i] ?? null)));
    return row;
  });
  return { rows, lines: p.series.map((s, k) => ({ key: `g${k}`, name: s.key === "" ? "all requests" : s.key })) };
}

export type ThresholdLine = { y: number; label: string; kind: "threshold" | "warn" | "recover" };

/** The condition's lines in display units; values that are not numbers yet are left out. */
export function thresholdLines(metric: AlertMetric, c: { op: string; threshold?: number; warnThreshold?: number; recoverThreshold?: number }): ThresholdLine[] {
  const lines: ThresholdLine[] = [];
  const add = (v: number | undefined, kind: ThresholdLine["kind"], word: string) => {
    if (v !== undefined && Number.isFinite(v)) lines.push({ y: display(metric, v)!, kind, label: `${word} ${formatValue(metric, v)}` });
  };
  add(c.threshold, "threshold", `${c.op}`);
  add(c.warnThreshold, "warn", "warn");
  add(c.recoverThreshold, "recover", "recover");
  return lines;
}

export type Verdict = { text: string; level: Severity | "ok" | "hold" | "no_data" };

/** What the rule would say about a group's value now (before `for`): the state machine's own levels. */
export function verdict(
  rule: { condition: AlertCondition; severity: Severity; minRequests?: number; noData: "ok" | "keep" | "alert" },
  current: { value: number | null; samples: number },
): Verdict {
  if (current.value === null) {
    if (rule.noData === "alert") return { level: "no_data", text: "no data: would alert" };
    return { level: "hold", text: rule.noData === "keep" ? "no data: keeps its state" : "no data: counts as OK" };
  }
  if (rule.minRequests !== undefined && current.samples < rule.minRequests) return { level: "hold", text: `${current.samples} < ${rule.minRequests} requests: not judged` };
  const level = levelOf({ ...rule, forSeconds: 0, sendResolved: true }, current.value, false);
  return level ? { level, text: `breaches: ${level}` } : { level: "ok", text: "OK" };
}
