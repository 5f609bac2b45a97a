import type { FlagCondition } from "./schema.js";
import { compilePattern, MAX_MATCH_INPUT } from "./regex.js";
import { compareSemver, parseSemver, type Semver } from "./semver.js";

/**
 * A condition compiled once per definition. `test` answers true/false for an attribute value
 * it can compare, and undefined when it cannot (wrong type, unparseable version or date):
 * such a condition is false whatever `negate` says (README "Missing attributes").
 */
export type AttributeTest = (value: unknown) => boolean | undefined;

const NUMERIC = /^\s*-?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?\s*$/;
const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

/** A number from a number or a decimal string such as "42" or "-1.5e3". */
export function toNumber(v: unknown): number | undefined {
  if (typeof v === "number") return Number.isFinite(v) ? v : undefined;
  if (typeof v === "string" && v.length <= 64 && NUMERIC.test(v)) return Number(v);
  return undefined;
}

/** Date.parse rolls 2026-02-30 over to March; the schema (zod) refuses it, so the context must too. */
function realDay(v: string): boolean {
  const year = Number(v.slice(0, 4));
  const month = Number(v.slice(5, 7));
  const day = Number(v.slice(8, 10));
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = month === 2 ? (leap ? 29 : 28) : month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
  return month >= 1 && month <= 12 && day >= 1 && day <= days;
}

/** Epoch milliseconds from epoch milliseconds, an RFC 3339 string with a zone, or a Date. */
export function toTime(v: unknown): number | undefined {
  if (typeof v === "number") return Number.isFinite(v) ? v : undefined;
  if (typeof v === "string") {
    if (v.length > 40 || !RFC3339.test(v) || !realDay(v)) return undefined;
    const t = Date.parse(v);
    return Number.isNaN(t) ? undefined : t;
  }
  if (v instanceof Date) {
    const t = v.getTime();
    return Number.isNaN(t) ? undefined : t;
  }
  return undefined;
}

/** Strings compare to strings, numbers to numbers; a boolean attribute equals "true" or "false". */
function equalityTest(values: readonly (string | number)[]): AttributeTest {
  const set = new Set<string | number>(values);
  return (v) => {
    if (typeof v === "string" || typeof v === "number") return set.has(v);
    if (typeof v === "boolean") return set.has(v ? "true" : "false");
    return undefined;
  };
}

function textTest(values: readonly string[], op: (attribute: string, value: string) => boolean): AttributeTest {
  return (v) => {
    if (typeof v !== "string") return undefined;
    for (const value of values) if (op(v, value)) return true;
    return false;
  };
}

function numberTest(bound: number, op: (a: number, b: number) => boolean): AttributeTest {
  return (v) => {
    const n = toNumber(v);
    return n === undefined ? undefined : op(n, bound);
  };
}

function semverTest(bound: Semver, accept: (cmp: number) => boolean): AttributeTest {
  return (v) => {
    const parsed = typeof v === "string" ? parseSemver(v) : undefined;
    return parsed === undefined ? undefined : accept(compareSemver(parsed, bound));
  };
}

function timeTest(bound: number, op: (a: number, b: number) => boolean): AttributeTest {
  return (v) => {
    const t = toTime(v);
    return t === undefined ? undefined : op(t, bound);
  };
}

/** Builds the test of a validated condition (see `FlagCondition`). */
export function compileCondition(c: FlagCondition): AttributeTest {
  const strings = c.values.filter((v): v is string => typeof v === "string");
  const first = c.values[0]!;
  switch (c.operator) {
    case "in":
    case "eq":
      return equalityTest(c.values);
    case "contains":
      return textTest(strings, (a, b) => a.includes(b));
    case "starts_with":
      return textTest(strings, (a, b) => a.startsWith(b));
    case "ends_with":
      return textTest(strings, (a, b) => a.endsWith(b));
    case "matches": {
      const patterns = strings.map(compilePattern);
      return (v) => {
        if (typeof v !== "string" || v.length > MAX_MATCH_INPUT) return undefined;
        for (const p of patterns) if (p.test(v)) return true;
        return false;
      };
    }
    case "gt":
      return numberTest(first as number, (a, b) => a > b);
    case "gte":
      return numberTest(first as number, (a, b) => a >= b);
    case "lt":
      return numberTest(first as number, (a, b) => a < b);
    case "lte":
      return numberTest(first as number, (a, b) => a <= b);
    case "semver_gt":
      return semverTest(parseSemver(first as string)!, (cmp) => cmp > 0);
    case "semver_lt":
      return semverTest(parseSemver(first as string)!, (cmp) => cmp < 0);
    case "semver_eq":
      return semverTest(parseSemver(first as string)!, (cmp) => cmp === 0);
    case "before":
      return timeTest(toTime(first)!, (a, b) => a < b);
    case "after":
      return timeTest(toTime(first)!, (a, b) => a > b);
  }
}
