// What a key press means on a rubric line, and whether a verdict is ready to send.
// Pure, so the review screen's keyboard rules are tested alone.
import type { RubricItem } from "@/lib/review/schemas";

export type Answer = number | boolean | string;
export type Answers = Record<string, Answer>;

/** Lines answered with one key: small integer scales, yes/no, and up to nine options. */
export function takesKeys(line: RubricItem): boolean {
  if (line.type === "boolean") return true;
  if (line.type === "categorical") return (line.options?.length ?? 0) <= 9;
  if (line.type === "numeric") return Number.isInteger(line.min) && Number.isInteger(line.max) && line.min! >= 0 && line.max! <= 9;
  return false;
}

/** The value a key gives this line, or undefined when the key means nothing here. */
export function valueForKey(line: RubricItem, key: string): Answer | undefined {
  if (!takesKeys(line)) return undefined;
  if (line.type === "boolean") {
    if (key === "1" || key === "y") return true;
    if (key === "0" || key === "n") return false;
    return undefined;
  }
  if (!/^[0-9]$/.test(key)) return undefined;
  const d = Number(key);
  if (line.type === "categorical") return d >= 1 ? line.options![d - 1] : undefined;
  return d >= line.min! && d <= line.max! ? d : undefined;
}

/** The keys a line takes, as the panel and the help show them. */
export function keyHint(line: RubricItem): string {
  if (!takesKeys(line)) return line.type === "text" ? "type, Esc to leave" : `type ${line.min}–${line.max}, Esc to leave`;
  if (line.type === "boolean") return "1 yes · 0 no";
  if (line.type === "categorical") return line.options!.map((o, i) => `${i + 1} ${o}`).join(" · ");
  return `${line.min}–${line.max}`;
}

const blank = (v: Answer | undefined) => v === undefined || (typeof v === "string" && v.trim() === "");

/** Required lines (all but text) still without an answer. */
export function missing(rubric: RubricItem[], answers: Answers): string[] {
  return rubric.filter((l) => l.type !== "text" && blank(answers[l.name])).map((l) => l.name);
}

/** The scores to send: text answers only when something was written; typed numbers as numbers (the server checks the range). */
export function toScores(rubric: RubricItem[], answers: Answers): Answers {
  const out: Answers = {};
  for (const l of rubric) {
    const v = answers[l.name];
    if (blank(v)) continue;
    out[l.name] = l.type === "numeric" && typeof v === "string" && !Number.isNaN(Number(v)) ? Number(v) : v!;
  }
  return out;
}
