import { describe, expect, it } from "vitest";
import { compileFlag, type EvaluationContext } from "./compile.js";
import { evaluateFlag } from "./evaluate.js";
import { MAX_MATCH_INPUT } from "./regex.js";
import { Flag, type FlagCondition } from "./schema.js";

/** Whether a one-condition rule matches the context, through the real schema and evaluator. */
function holds(condition: FlagCondition, context: EvaluationContext): boolean {
  const flag = Flag.parse({
    key: "op-test",
    type: "boolean",
    variants: { on: true, off: false },
    environments: { production: { enabled: true, offVariant: "off", defaultVariant: "off", rules: [{ conditions: [condition], serve: { variant: "on" } }] } },
  });
  const result = evaluateFlag(compileFlag(flag), context, { environment: "production", defaultValue: false });
  expect(["TARGETING_MATCH", "DEFAULT"]).toContain(result.reason);
  return result.reason === "TARGETING_MATCH";
}

/** Checks [attribute value, expected] pairs for one condition, and the same condition negated. */
function table(condition: Omit<FlagCondition, "attribute">, rows: [unknown, boolean][]) {
  for (const [value, expected] of rows) {
    const c = { attribute: "a", ...condition };
    expect(holds(c, { a: value }), `${condition.operator} ${JSON.stringify(condition.values)} on ${JSON.stringify(value)}`).toBe(expected);
    expect(holds({ ...c, negate: true }, { a: value }), `negated, on ${JSON.stringify(value)}`).toBe(!expected);
  }
}

describe("operators", () => {
  it("in / eq: strings equal strings, numbers equal numbers, booleans equal 'true'/'false'", () => {
    table({ operator: "in", values: ["pro", "team", 7] }, [["pro", true], ["team", true], ["Pro", false], [7, true], ["7", false], [8, false]]);
    table({ operator: "eq", values: ["true"] }, [[true, true], [false, false], ["true", true]]);
    table({ operator: "eq", values: [1.5] }, [[1.5, true], [1.50001, false]]);
  });

  it("contains / starts_with / ends_with: any of the values, case-sensitive", () => {
    table({ operator: "contains", values: ["@acme.", "beta"] }, [["ann@acme.io", true], ["a-beta-user", true], ["ann@ACME.io", false]]);
    table({ operator: "starts_with", values: ["eu-", "uk-"] }, [["eu-west-1", true], ["uk-south", true], ["us-eu-1", false]]);
    table({ operator: "ends_with", values: [".de"] }, [["shop.de", true], ["shop.dev", false], ["", false]]);
    table({ operator: "contains", values: ["ü"] }, [["Zürich", true], ["Zurich", false]]);
  });

  it("matches: any of the patterns, Unicode-aware", () => {
    table({ operator: "matches", values: ["^user-\\d+$", "^admin$"] }, [["user-12", true], ["admin", true], ["user-", false], ["xadmin", false]]);
    table({ operator: "matches", values: ["^.$"] }, [["😀", true], ["ab", false]]);
  });

  it("gt / gte / lt / lte compare numbers, and numeric strings from contexts", () => {
    table({ operator: "gt", values: [10] }, [[11, true], [10, false], ["10.5", true], [" 12 ", true], ["1e2", true], [9, false]]);
    table({ operator: "gte", values: [10] }, [[10, true], [9.99, false]]);
    table({ operator: "lt", values: [-1] }, [[-2, true], ["-1", false]]);
    table({ operator: "lte", values: [0] }, [[0, true], [-0, true], [0.1, false]]);
  });

  it("semver_gt / semver_lt / semver_eq order pre-releases below releases", () => {
    table({ operator: "semver_gt", values: ["2.0.0-rc.1"] }, [["2.0.0", true], ["2.0.0-rc.2", true], ["2.0.0-beta.9", false], ["v10.0.0", true], ["1.99.99", false]]);
    table({ operator: "semver_lt", values: ["1.10.0"] }, [["1.9.12", true], ["1.10.0-alpha", true], ["1.10.0", false]]);
    table({ operator: "semver_eq", values: ["1.2.3"] }, [["1.2.3+build.5", true], ["v1.2.3", true], ["1.2.3-rc.1", false]]);
  });

  it("before / after compare RFC 3339 times, epoch milliseconds and Dates", () => {
    const t = "2026-06-01T00:00:00Z";
    const ms = Date.parse(t);
    table({ operator: "before", values: [t] }, [["2026-05-31T23:59:59.999Z", true], ["2026-06-01T01:00:00+02:00", true], [ms, false], [new Date(ms - 1), true]]);
    table({ operator: "after", values: [ms] }, [["2026-06-01T00:00:00.001Z", true], [ms, false], [ms + 1, true]]);
  });

  it("first condition false ⇒ rule false; all conditions must hold", () => {
    const both = [
      { attribute: "plan", operator: "eq" as const, values: ["pro"] },
      { attribute: "country", operator: "in" as const, values: ["DE", "FR"] },
    ];
    const flag = compileFlag(Flag.parse({
      key: "all-hold",
      type: "boolean",
      variants: { on: true, off: false },
      environments: { production: { enabled: true, offVariant: "off", defaultVariant: "off", rules: [{ conditions: both, serve: { variant: "on" } }] } },
    }));
    const ev = (context: EvaluationContext) => evaluateFlag(flag, context, { environment: "production", defaultValue: false }).value;
    expect(ev({ plan: "pro", country: "DE" })).toBe(true);
    expect(ev({ plan: "pro", country: "US" })).toBe(false);
    expect(ev({ plan: "free", country: "DE" })).toBe(false);
  });
});

describe("missing and unusable attributes make a condition false, negated or not", () => {
  const cases: [FlagCondition, EvaluationContext][] = [
    [{ attribute: "country", operator: "in", values: ["US"] }, {}],
    [{ attribute: "country", operator: "in", values: ["US"] }, { country: null }],
    [{ attribute: "country", operator: "in", values: ["US"] }, { country: ["US"] }],
    [{ attribute: "email", operator: "ends_with", values: [".io"] }, { email: 42 }],
    [{ attribute: "age", operator: "gt", values: [18] }, { age: "eighteen" }],
    [{ attribute: "age", operator: "gt", values: [18] }, { age: true }],
    [{ attribute: "version", operator: "semver_gt", values: ["1.0.0"] }, { version: "1.2" }],
    [{ attribute: "signup", operator: "before", values: ["2026-01-01T00:00:00Z"] }, { signup: "yesterday" }],
    [{ attribute: "signup", operator: "before", values: ["2026-01-01T00:00:00Z"] }, { signup: "2025-02-30T00:00:00Z" }],
    [{ attribute: "id", operator: "matches", values: ["^a"] }, { id: `a${"x".repeat(MAX_MATCH_INPUT)}` }],
    [{ attribute: "toString", operator: "in", values: ["x"] }, {}], // inherited properties are not attributes
  ];
  it.each(cases)("%j on %j", (condition, context) => {
    expect(holds(condition, context)).toBe(false);
    expect(holds({ ...condition, negate: true }, context)).toBe(false);
  });

  it("a present attribute that simply differs is a real comparison, so negate flips it", () => {
    expect(holds({ attribute: "country", operator: "in", values: ["US"], negate: true }, { country: "DE" })).toBe(true);
    expect(holds({ attribute: "n", operator: "in", values: ["5"], negate: true }, { n: 5 })).toBe(true);
  });
});
