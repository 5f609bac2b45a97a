import type { AlertMetric, AlertRule, Op, Severity } from "@/lib/alerts/schemas";
import { fromInput, toInput } from "./units";

// The rule editor's state: what the inputs hold (text), and the conversion to the API's
// AlertRule and back. Pure and unit-tested; the server validates what this produces.

export const FILTER_FIELDS = ["model", "provider", "endpoint", "environment", "userId", "promptName", "promptVersion", "status", "errorType"] as const;
export type FilterField = (typeof FILTER_FIELDS)[number];

export type Draft = {
  name: string;
  description: string;
  severity: Severity;
  enabled: boolean;
  metric: AlertMetric;
  scoreName: string;
  filters: Record<FilterField, string>;
  /** One "key=variant" a line. */
  flags: string;
  groupBy: string;
  op: Op;
  threshold: string;
  warnThreshold: string;
  recoverThreshold: string;
  windowSeconds: number;
  forSeconds: number;
  minRequests: string;
  noData: "ok" | "keep" | "alert";
  channels: string[];
  /** Minutes; blank: notify once per episode. */
  repeatMinutes: string;
  sendResolved: boolean;
  /** One "name=value" a line. */
  labels: string;
  runbookUrl: string;
  budget: "" | "day" | "month";
  projected: boolean;
};

const emptyFilters = () => Object.fromEntries(FILTER_FIELDS.map((f) => [f, ""])) as Record<FilterField, string>;

export function emptyDraft(): Draft {
  return {
    name: "", description: "", severity: "warning", enabled: true, metric: "error_rate", scoreName: "", filters: emptyFilters(), flags: "", groupBy: "",
    op: ">", threshold: "5", warnThreshold: "", recoverThreshold: "", windowSeconds: 300, forSeconds: 120, minRequests: "20", noData: "ok",
    channels: [], repeatMinutes: "", sendResolved: true, labels: "", runbookUrl: "", budget: "", projected: false,
  };
}

/** "a=b" lines as a record; a line without "=" keeps its text as the key with an empty value, so the server names it. */
export function parsePairs(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of text.split("\n")) {
    if (!line.trim()) continue;
    const at = line.indexOf("=");
    if (at < 0) out[line.trim()] = "";
    else out[line.slice(0, at).trim()] = line.slice(at + 1).trim();
  }
  return out;
}
const pairsText = (r: Record<string, string> | undefined) => Object.entries(r ?? {}).map(([k, v]) => `${k}=${v}`).join("\n");
const blank = (s: string) => (s.trim() === "" ? undefined : s.trim());
const int = (s: string) => (s.trim() === "" ? undefined : Number(s));

/** The filters the draft sets (blank inputs left out). */
export function draftFilters(d: Draft): Record<string, unknown> {
  const f: Record<string, unknown> = {};
  for (const k of FILTER_FIELDS) {
    const v = blank(d.filters[k]);
    if (v !== undefined) f[k] = k === "promptVersion" ? Number(v) : v;
  }
  const flags = parsePairs(d.flags);
  if (Object.keys(flags).length) f.flags = flags;
  return f;
}

/** The AlertRule the draft describes (for POST); optional fields left blank are absent. */
export function toRuleInput(d: Draft): Record<string, unknown> {
  const condition: Record<string, unknown> = { op: d.op, threshold: fromInput(d.metric, d.threshold) ?? Number.NaN };
  const warn = fromInput(d.metric, d.warnThreshold);
  const recover = fromInput(d.metric, d.recoverThreshold);
  if (warn !== undefined) condition.warnThreshold = warn;
  if (recover !== undefined) condition.recoverThreshold = recover;
  const labels = parsePairs(d.labels);
  const repeat = int(d.repeatMinutes);
  const out: Record<string, unknown> = {
    name: d.name, description: blank(d.description), severity: d.severity, enabled: d.enabled, metric: d.metric,
    scoreName: d.metric === "score_avg" ? blank(d.scoreName) : undefined, filters: draftFilters(d), groupBy: blank(d.groupBy), condition,
    windowSeconds: d.windowSeconds, forSeconds: d.forSeconds, minRequests: int(d.minRequests), noData: d.noData, channels: d.channels,
    repeatIntervalSeconds: repeat === undefined ? undefined : repeat * 60, sendResolved: d.sendResolved, labels,
    runbookUrl: blank(d.runbookUrl), budget: d.metric === "cost_usd" && d.budget ? { period: d.budget, projected: d.projected } : undefined,
  };
  return Object.fromEntries(Object.entries(out).filter(([, v]) => v !== undefined));
}

const OPTIONAL = ["description", "scoreName", "groupBy", "minRequests", "repeatIntervalSeconds", "runbookUrl", "budget"];

/** A full replacement for PATCH: optional fields the draft leaves blank are removed (null). */
export function toRulePatch(d: Draft): Record<string, unknown> {
  const input = toRuleInput(d);
  for (const k of OPTIONAL) if (!(k in input)) input[k] = null;
  return input;
}

/** A stored rule in the editor. */
export function fromRule(r: AlertRule): Draft {
  const filters = emptyFilters();
  for (const k of FILTER_FIELDS) {
    const v = (r.filters as Record<string, unknown>)[k];
    if (v !== undefined) filters[k] = String(v);
  }
  return {
    name: r.name, description: r.description ?? "", severity: r.severity, enabled: r.enabled, metric: r.metric, scoreName: r.scoreName ?? "",
    filters, flags: pairsText(r.filters.flags), groupBy: r.groupBy ?? "", op: r.condition.op,
    threshold: toInput(r.metric, r.condition.threshold), warnThreshold: toInput(r.metric, r.condition.warnThreshold), recoverThreshold: toInput(r.metric, r.condition.recoverThreshold),
    windowSeconds: r.windowSeconds, forSeconds: r.forSeconds, minRequests: r.minRequests === undefined ? "" : String(r.minRequests), noData: r.noData,
    channels: r.channels, repeatMinutes: r.repeatIntervalSeconds === undefined ? "" : String(r.repeatIntervalSeconds / 60), sendResolved: r.sendResolved,
    labels: pairsText(r.labels), runbookUrl: r.runbookUrl ?? "", budget: r.budget?.period ?? "", projected: r.budget?.projected ?? false,
  };
}

/** What the live preview needs; null while the window is not a number yet. */
export function previewInput(d: Draft) {
  if (!Number.isInteger(d.windowSeconds) || d.windowSeconds < 60) return null;
  return {
    metric: d.metric, scoreName: d.metric === "score_avg" ? blank(d.scoreName) : undefined, filters: draftFilters(d), groupBy: blank(d.groupBy), windowSeconds: d.windowSeconds, op: d.op,
    budget: d.metric === "cost_usd" && d.budget ? { period: d.budget, projected: d.projected } : undefined,
  };
}
