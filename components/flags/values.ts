import type { FlagCondition, FlagOperator } from "@sextant/sdk";

export const OPERATORS: { value: FlagOperator; label: string }[] = [
  { value: "in", label: "is one of" }, { value: "eq", label: "equals" },
  { value: "contains", label: "contains" }, { value: "starts_with", label: "starts with" }, { value: "ends_with", label: "ends with" },
  { value: "matches", label: "matches regex" },
  { value: "gt", label: ">" }, { value: "gte", label: "≥" }, { value: "lt", label: "<" }, { value: "lte", label: "≤" },
  { value: "semver_gt", label: "version >" }, { value: "semver_lt", label: "version <" }, { value: "semver_eq", label: "version =" },
  { value: "before", label: "before (time)" }, { value: "after", label: "after (time)" },
];

const NUMERIC = new Set<FlagOperator>(["gt", "gte", "lt", "lte"]);
const isNumeric = (s: string) => s !== "" && Number.isFinite(Number(s));

/** The values box shows values comma-separated (regexes may hold commas: one per line works too). */
export function valuesText(values: FlagCondition["values"]): string {
  return values.map(String).join(values.some((v) => String(v).includes(",")) ? "\n" : ", ");
}

/**
 * Parses the values box for an operator: numbers for gt…lte (and epoch milliseconds for
 * before/after), text otherwise. A value that was a number stays a number if it still reads
 * as one, so editing `in [5]` never silently turns 5 into "5" (they do not match each other).
 */
export function parseValues(text: string, operator: FlagOperator, previous: FlagCondition["values"] = []): FlagCondition["values"] {
  const parts = (text.includes("\n") || operator === "matches" ? text.split("\n") : text.split(",")).map((s) => s.trim()).filter((s) => s !== "");
  return parts.map((s, i) => {
    if (NUMERIC.has(operator) && isNumeric(s)) return Number(s);
    if ((operator === "before" || operator === "after") && /^\d{1,15}$/.test(s)) return Number(s);
    if ((operator === "in" || operator === "eq") && typeof previous[i] === "number" && isNumeric(s)) return Number(s);
    return s;
  });
}
