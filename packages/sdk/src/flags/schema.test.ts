import { describe, expect, it } from "vitest";
import { Flag } from "./schema.js";

const valid = {
  key: "summary.model",
  description: "Which model writes summaries",
  tags: ["ai"],
  type: "string",
  variants: { small: "gpt-4o-mini", large: "gpt-4o" },
  environments: {
    production: {
      enabled: true,
      offVariant: "small",
      defaultVariant: "small",
      rules: [
        { id: "staff", conditions: [{ attribute: "email", operator: "ends_with", values: ["@acme.io"] }], serve: { variant: "large" } },
        { conditions: [], serve: { split: [{ variant: "large", weight: 12.34 }, { variant: "small", weight: 87.66 }], stickiness: "orgId" } },
      ],
    },
  },
};

type Json = Record<string, unknown>;
/** The flag above with one environment's first rule, or the whole flag, changed. */
const withRule = (rule: Json) => ({ ...valid, environments: { production: { ...valid.environments.production, rules: [rule] } } });
const withCondition = (condition: Json) => withRule({ conditions: [{ attribute: "a", ...condition }], serve: { variant: "large" } });
const withSplit = (split: Json[]) => withRule({ conditions: [], serve: { split } });

/** The issues as "path: message" lines. */
function problems(input: unknown): string[] {
  const r = Flag.safeParse(input);
  return r.success ? [] : r.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
}

describe("Flag schema", () => {
  it("accepts a full definition and every operator with suitable values", () => {
    expect(problems(valid)).toEqual([]);
    const ops: Json[] = [
      { operator: "in", values: ["a", 1] }, { operator: "eq", values: [3] }, { operator: "contains", values: ["x"] },
      { operator: "starts_with", values: ["x"] }, { operator: "ends_with", values: ["x"] }, { operator: "matches", values: ["^v\\d+$"] },
      { operator: "gt", values: [1] }, { operator: "gte", values: [1] }, { operator: "lt", values: [1] }, { operator: "lte", values: [1] },
      { operator: "semver_gt", values: ["1.0.0"] }, { operator: "semver_lt", values: ["v2.0.0-rc.1"] }, { operator: "semver_eq", values: ["1.0.0+b"] },
      { operator: "before", values: ["2026-01-01T00:00:00Z"] }, { operator: "after", values: [1_767_225_600_000] },
    ];
    for (const op of ops) expect(problems(withCondition(op)), JSON.stringify(op)).toEqual([]);
  });

  it("allows empty environments and a rule with no conditions (everyone)", () => {
    expect(problems({ ...valid, environments: {} })).toEqual([]);
  });

  it("restricts the key charset", () => {
    for (const key of ["Summary", "summary model", "ключ", "", "a/b"]) {
      expect(problems({ ...valid, key }), key).toEqual([expect.stringMatching(/^key: /)]);
    }
    expect(problems({ ...valid, key: "a.b_c-9" })).toEqual([]);
  });

  it("checks variant values against the flag type", () => {
    expect(problems({ ...valid, variants: { small: "x", large: 4 } })).toEqual([
      'variants.large: Variant "large" must be a string, because the flag\'s type is string.',
    ]);
    expect(problems({ ...valid, type: "boolean", variants: { small: true, large: "yes" } })).toEqual([
      'variants.large: Variant "large" must be a boolean, because the flag\'s type is boolean.',
    ]);
    expect(problems({ ...valid, type: "json", variants: { small: { a: [1, null] }, large: "text" } })).toEqual([]);
    expect(problems({ ...valid, variants: {}, environments: {} })).toEqual(["variants: Give at least one variant."]);
  });

  it("requires every referenced variant to exist, with the path to the reference", () => {
    const env = valid.environments.production;
    const bad = {
      ...valid,
      environments: {
        staging: { ...env, offVariant: "none", rules: [{ conditions: [], serve: { variant: "medium" } }, { conditions: [], serve: { split: [{ variant: "small", weight: 50 }, { variant: "xl", weight: 50 }] } }] },
      },
    };
    expect(problems(bad)).toEqual([
      'environments.staging.offVariant: There is no variant "none"; define it under variants first.',
      'environments.staging.rules.0.serve.variant: There is no variant "medium"; define it under variants first.',
      'environments.staging.rules.1.serve.split.1.variant: There is no variant "xl"; define it under variants first.',
    ]);
  });

  it("wants split weights with at most two decimals that add up to 100", () => {
    expect(problems(withSplit([{ variant: "small", weight: 33.33 }, { variant: "large", weight: 66.67 }]))).toEqual([]);
    expect(problems(withSplit([{ variant: "small", weight: 33.333 }, { variant: "large", weight: 66.667 }]))).toEqual([
      "environments.production.rules.0.serve.split.0.weight: Weights have at most two decimals, e.g. 33.33.",
      "environments.production.rules.0.serve.split.1.weight: Weights have at most two decimals, e.g. 33.33.",
    ]);
    expect(problems(withSplit([{ variant: "small", weight: 30 }, { variant: "large", weight: 60 }]))).toEqual([
      "environments.production.rules.0.serve.split: Split weights must add up to 100 (they add up to 90).",
    ]);
    expect(problems(withSplit([{ variant: "small", weight: -10 }, { variant: "large", weight: 110 }]))).toHaveLength(2);
    expect(problems(withSplit([{ variant: "small", weight: 50 }, { variant: "small", weight: 50 }]))).toEqual([
      'environments.production.rules.0.serve.split.1.variant: Variant "small" appears twice in the split.',
    ]);
  });

  it("refuses a serve that is neither a variant nor a split", () => {
    expect(problems(withRule({ conditions: [], serve: { variant: "small", split: [] } }))).toEqual([
      "environments.production.rules.0.serve: Serve either {variant} or {split: [{variant, weight}], stickiness?}.",
    ]);
  });

  it("refuses duplicate rule ids in an environment", () => {
    const rule = { id: "r1", conditions: [], serve: { variant: "small" } };
    const flag = { ...valid, environments: { production: { ...valid.environments.production, rules: [rule, rule] } } };
    expect(problems(flag)).toEqual(['environments.production.rules.1.id: Rule id "r1" is used twice in this environment.']);
  });

  it("checks condition values per operator", () => {
    const at = "environments.production.rules.0.conditions.0";
    expect(problems(withCondition({ operator: "eq", values: ["a", "b"] }))).toEqual([`${at}.values: The eq operator takes exactly one value.`]);
    expect(problems(withCondition({ operator: "gt", values: ["10"] }))).toEqual([`${at}.values.0: The gt operator compares numbers; give a number.`]);
    expect(problems(withCondition({ operator: "contains", values: [1] }))).toEqual([`${at}.values.0: The contains operator compares text; give a string.`]);
    expect(problems(withCondition({ operator: "semver_eq", values: ["1.2"] }))).toEqual([`${at}.values.0: Give a semantic version such as 1.4.0 or 2.0.0-rc.1.`]);
    expect(problems(withCondition({ operator: "before", values: ["2026-01-01"] }))).toEqual([
      `${at}.values.0: Give an RFC 3339 time with a zone, e.g. 2026-11-26T10:00:00Z, or epoch milliseconds.`,
    ]);
    expect(problems(withCondition({ operator: "in", values: [] }))).toEqual([`${at}.values: Give at least one value.`]);
    expect(problems(withCondition({ operator: "like", values: ["x"] }))).toEqual([expect.stringMatching(new RegExp(`^${at}.operator: `))]);
  });

  it("refuses invalid and dangerous regular expressions when the flag is defined", () => {
    const at = "environments.production.rules.0.conditions.0.values.0";
    const issue = (pattern: string) => problems(withCondition({ operator: "matches", values: [pattern] }));
    expect(issue("(unclosed")).toEqual([expect.stringMatching(new RegExp(`^${at}: Not a valid regular expression: `))]);
    expect(issue("(a+)+$")).toEqual([expect.stringContaining("Nested repetition")]);
    expect(issue("^(\\w+\\s?)*$")).toEqual([expect.stringContaining("Nested repetition")]);
    expect(issue("((ab)*c){2,}")).toEqual([expect.stringContaining("Nested repetition")]);
    expect(issue("(a)\\1")).toEqual([`${at}: Backreferences are not allowed in patterns.`]);
    expect(issue("(?<x>a)\\k<x>")).toEqual([`${at}: Backreferences are not allowed in patterns.`]);
    expect(issue("x".repeat(257))).toEqual([`${at}: Keep patterns to 256 characters.`]);
    // Safe shapes stay allowed: a single repetition level, bounded optional groups, braces of \p{…}.
    for (const ok of ["^[a-z]+(-[a-z]+)?$", "(ab)+", "(a+)?", "^\\p{L}{2,}$", "[(+*)]+", "(?:x|y){3}", "\\(a+\\)+"]) {
      expect(issue(ok), ok).toEqual([]);
    }
  });
});
