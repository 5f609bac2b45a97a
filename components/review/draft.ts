// The queue form's editable state and its translation to and from the API's shapes.
// Numbers are kept as typed text so a half-typed value is never lost; the server
// validates what is sent and answers with the path of every problem.
import type { Queue } from "@/lib/review/rows";
import type { CreateQueueInput, RubricItem, SamplingFilter, SamplingRule } from "@/lib/review/schemas";

export type LineDraft = { key: number; name: string; type: RubricItem["type"]; min: string; max: string; options: string; description: string };
/** The filter fields the form edits; any other filter keys (set through the API) are kept as they are. */
export const RULE_FIELDS = ["endpoint", "environment", "model", "provider", "errorType", "promptName", "userId"] as const;
type RuleField = (typeof RULE_FIELDS)[number];
export type RuleDraft = { key: number; fields: Record<RuleField, string>; status: "" | "ok" | "error"; tags: string; negativeFeedback: boolean; rate: string; kept: Record<string, unknown> };

export type QueueDraft = {
  name: string;
  description: string;
  instructions: string;
  rubric: LineDraft[];
  allowCorrection: boolean;
  reviewsPerItem: string;
  lockSeconds: string;
  reviewers: string[];
  rules: RuleDraft[];
};

let seq = 0;
const key = () => ++seq;

export const newLine = (type: RubricItem["type"] = "numeric"): LineDraft => ({ key: key(), name: "", type, min: type === "numeric" ? "1" : "", max: type === "numeric" ? "5" : "", options: "", description: "" });

export const newRule = (): RuleDraft => ({ key: key(), fields: Object.fromEntries(RULE_FIELDS.map((f) => [f, ""])) as Record<RuleField, string>, status: "", tags: "", negativeFeedback: false, rate: "10", kept: {} });

function ruleDraft(rule: { filter: Record<string, unknown>; rate: number }): RuleDraft {
  const d = newRule();
  const { status, tags, feedback, ...rest } = rule.filter;
  for (const [k, v] of Object.entries(rest)) {
    if ((RULE_FIELDS as readonly string[]).includes(k) && typeof v === "string") d.fields[k as RuleField] = v;
    else d.kept[k] = v;
  }
  d.status = status === "ok" || status === "error" ? status : "";
  d.tags = Array.isArray(tags) ? tags.join(", ") : "";
  d.negativeFeedback = feedback === "negative";
  d.rate = String(rule.rate);
  return d;
}

export function draftOf(q?: Queue): QueueDraft {
  if (!q) return { name: "", description: "", instructions: "", rubric: [newLine()], allowCorrection: false, reviewsPerItem: "1", lockSeconds: "300", reviewers: [], rules: [] };
  return {
    name: q.name,
    description: q.description ?? "",
    instructions: q.instructions ?? "",
    rubric: q.rubric.map((l) => ({ key: key(), name: l.name, type: l.type, min: l.min === undefined ? "" : String(l.min), max: l.max === undefined ? "" : String(l.max), options: (l.options ?? []).join(", "), description: l.description ?? "" })),
    allowCorrection: q.allowCorrection,
    reviewsPerItem: String(q.reviewsPerItem),
    lockSeconds: String(q.lockSeconds),
    reviewers: q.reviewers,
    rules: q.samplingRules.map(ruleDraft),
  };
}

const num = (s: string) => (s.trim() === "" ? undefined : Number(s));
const list = (s: string) => s.split(",").map((x) => x.trim()).filter(Boolean);

function toLine(l: LineDraft): RubricItem {
  const line: RubricItem = { name: l.name.trim(), type: l.type };
  if (l.description.trim()) line.description = l.description.trim();
  if (l.type === "numeric") Object.assign(line, { min: num(l.min), max: num(l.max) });
  if (l.type === "categorical") line.options = list(l.options);
  return line;
}

function toRule(r: RuleDraft): SamplingRule {
  const filter: Record<string, unknown> = { ...r.kept };
  for (const f of RULE_FIELDS) if (r.fields[f].trim()) filter[f] = r.fields[f].trim();
  if (r.status) filter.status = r.status;
  if (list(r.tags).length) filter.tags = list(r.tags);
  if (r.negativeFeedback) filter.feedback = "negative";
  return { filter: filter as SamplingFilter, rate: Number(r.rate) };
}

export function inputOf(d: QueueDraft): CreateQueueInput {
  return {
    name: d.name,
    description: d.description.trim() || null,
    instructions: d.instructions.trim() || null,
    rubric: d.rubric.map(toLine),
    allowCorrection: d.allowCorrection,
    reviewsPerItem: Number(d.reviewsPerItem),
    lockSeconds: Number(d.lockSeconds),
    reviewers: d.reviewers,
    samplingRules: d.rules.map(toRule),
  };
}

/** A rule in one line, for the queue page: "endpoint = /chat, status = error · 10 %". */
export function describeRule(rule: { filter: Record<string, unknown>; rate: number }): string {
  const parts = Object.entries(rule.filter).map(([k, v]) => (k === "feedback" ? "negative user feedback" : `${k} = ${typeof v === "string" || typeof v === "number" ? v : JSON.stringify(v)}`));
  return `${parts.length ? parts.join(", ") : "every request"} · ${rule.rate} %`;
}
