import type { ReviewScores, RubricItem } from "@/db/schema/review";
import { AppError, type Issue } from "@/lib/http/errors";

/**
 * Checks a reviewer's answers against the queue's rubric: every numeric, categorical
 * and boolean line must be answered with a value of its type (text lines are optional),
 * and nothing outside the rubric is accepted. Throws 422 naming every problem.
 */
export function checkScores(rubric: RubricItem[], scores: ReviewScores): ReviewScores {
  const issues: Issue[] = [];
  const byName = new Map(rubric.map((r) => [r.name, r]));
  for (const name of Object.keys(scores)) {
    if (!byName.has(name)) issues.push({ path: `scores.${name}`, message: `"${name}" is not in this queue's rubric (${rubric.map((r) => r.name).join(", ")}).` });
  }
  const out: ReviewScores = {};
  for (const item of rubric) {
    const value = scores[item.name];
    const path = `scores.${item.name}`;
    if (value === undefined) {
      if (item.type !== "text") issues.push({ path, message: `Score "${item.name}" is required.` });
      continue;
    }
    const problem = valueProblem(item, value);
    if (problem) issues.push({ path, message: problem });
    else out[item.name] = typeof value === "string" ? value.trim() : value;
  }
  if (issues.length) throw new AppError("UNPROCESSABLE_ENTITY", `The scores do not fit the rubric. ${issues[0]!.path}: ${issues[0]!.message}`, issues);
  return out;
}

function valueProblem(item: RubricItem, value: number | boolean | string): string | null {
  switch (item.type) {
    case "numeric":
      if (typeof value !== "number") return `Give a number from ${item.min} to ${item.max}.`;
      if (value < item.min! || value > item.max!) return `Must be from ${item.min} to ${item.max}.`;
      return null;
    case "boolean":
      return typeof value === "boolean" ? null : "Give true or false.";
    case "categorical":
      return typeof value === "string" && item.options!.includes(value) ? null : `Pick one of: ${item.options!.join(", ")}.`;
    case "text":
      return typeof value === "string" ? null : "Give text.";
  }
}
