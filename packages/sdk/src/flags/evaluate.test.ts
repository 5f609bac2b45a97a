import { describe, expect, it } from "vitest";
import { compileFlag, type EvaluationContext } from "./compile.js";
import { evaluateFlag } from "./evaluate.js";
import { Flag } from "./schema.js";

const definition = {
  key: "summary.model",
  type: "string",
  variants: { small: "gpt-4o-mini", large: "gpt-4o", local: "llama" },
  environments: {
    production: {
      enabled: true,
      offVariant: "local",
      defaultVariant: "small",
      rules: [
        { id: "blocked", conditions: [{ attribute: "country", operator: "in", values: ["KP"] }], serve: { variant: "local" } },
        { id: "staff", conditions: [{ attribute: "email", operator: "ends_with", values: ["@acme.io"] }], serve: { variant: "large" } },
        { conditions: [{ attribute: "plan", operator: "eq", values: ["pro"] }], serve: { split: [{ variant: "large", weight: 50 }, { variant: "small", weight: 50 }] } },
      ],
    },
    staging: { enabled: false, offVariant: "local", defaultVariant: "large", rules: [{ conditions: [], serve: { variant: "large" } }] },
  },
};
const flag = compileFlag(Flag.parse(definition));
const prod = (context: EvaluationContext) => evaluateFlag(flag, context, { environment: "production", defaultValue: "fallback" });

describe("evaluateFlag", () => {
  it("serves the default variant when no rule matches", () => {
    expect(prod({ targetingKey: "u1" })).toEqual({ value: "gpt-4o-mini", variant: "small", reason: "DEFAULT" });
  });

  it("takes the first matching rule, in order, and names it", () => {
    expect(prod({ email: "ann@acme.io" })).toEqual({ value: "gpt-4o", variant: "large", reason: "TARGETING_MATCH", ruleId: "staff", ruleIndex: 1 });
    // Both the first and the second rule match: the first wins.
    expect(prod({ email: "ann@acme.io", country: "KP" })).toMatchObject({ variant: "local", ruleId: "blocked", ruleIndex: 0 });
    // The staff rule comes before the split rule.
    expect(prod({ email: "ann@acme.io", plan: "pro", targetingKey: "u1" })).toMatchObject({ reason: "TARGETING_MATCH", ruleId: "staff" });
  });

  it("reports a split with reason SPLIT and the rule's index when it has no id", () => {
    const r = prod({ plan: "pro", targetingKey: "user-1" });
    expect(r.reason).toBe("SPLIT");
    expect(r.ruleIndex).toBe(2);
    expect(r.ruleId).toBeUndefined();
    expect(["large", "small"]).toContain(r.variant);
  });

  it("is a kill switch when disabled: offVariant for everyone, rules ignored", () => {
    const ev = (context: EvaluationContext) => evaluateFlag(flag, context, { environment: "staging", defaultValue: "fallback" });
    expect(ev({})).toEqual({ value: "llama", variant: "local", reason: "DISABLED" });
    expect(ev({ targetingKey: "anyone", email: "ann@acme.io" })).toEqual({ value: "llama", variant: "local", reason: "DISABLED" });
    // The switch applies before any check of the context, so even a split without a key is fine.
    const killed = compileFlag(Flag.parse({ ...definition, environments: { production: { ...definition.environments.production, enabled: false } } }));
    expect(evaluateFlag(killed, { plan: "pro" }, { environment: "production", defaultValue: "x" }).reason).toBe("DISABLED");
  });

  it("answers the caller's default with an OpenFeature error code on every problem", () => {
    const opts = { environment: "production", defaultValue: "fallback" };
    expect(evaluateFlag(undefined, {}, opts)).toMatchObject({ value: "fallback", reason: "ERROR", errorCode: "FLAG_NOT_FOUND" });
    expect(evaluateFlag(flag, {}, { ...opts, environment: "dev" })).toMatchObject({ value: "fallback", errorCode: "FLAG_NOT_FOUND" });
    expect(evaluateFlag(flag, {}, { ...opts, type: "boolean" })).toMatchObject({ value: "fallback", errorCode: "TYPE_MISMATCH" });
    expect(evaluateFlag(flag, {}, { ...opts, type: "string" }).reason).toBe("DEFAULT");
    expect(evaluateFlag(flag, null as unknown as EvaluationContext, opts)).toMatchObject({ errorCode: "INVALID_CONTEXT" });
    for (const r of [evaluateFlag(undefined, {}, opts), evaluateFlag(flag, {}, { ...opts, type: "number" })]) {
      expect(r.variant).toBeUndefined();
      expect(r.errorMessage).toEqual(expect.any(String));
    }
  });

  it("answers TARGETING_KEY_MISSING when a matching split has no stickiness value", () => {
    for (const targetingKey of [undefined, "", true, Number.NaN, { id: 1 }]) {
      expect(prod({ plan: "pro", targetingKey } as EvaluationContext), String(targetingKey)).toEqual({
        value: "fallback",
        reason: "ERROR",
        errorCode: "TARGETING_KEY_MISSING",
        errorMessage: 'The split needs a "targetingKey" string or number in the context.',
        ruleIndex: 2,
      });
    }
    // Without the split rule matching, no key is needed.
    expect(prod({ plan: "free" }).reason).toBe("DEFAULT");
  });

  it("never throws, even when the context does", () => {
    const hostile = { get email(): string { throw new Error("boom"); } };
    expect(prod(hostile)).toMatchObject({ value: "fallback", reason: "ERROR", errorCode: "GENERAL", errorMessage: "boom" });
  });

  it("shares frozen results and copies variant values, so callers cannot corrupt the definition", () => {
    const parsed = Flag.parse({
      key: "tone", type: "json", variants: { a: { tone: "formal" }, b: { tone: "casual" } },
      environments: { production: { enabled: true, offVariant: "a", defaultVariant: "b", rules: [] } },
    });
    const compiled = compileFlag(parsed);
    const r = evaluateFlag(compiled, {}, { environment: "production", defaultValue: null });
    expect(Object.isFrozen(r) && Object.isFrozen(r.value)).toBe(true);
    expect(() => { (r.value as unknown as { tone: string }).tone = "rude"; }).toThrow(TypeError);
    expect(Object.isFrozen(parsed.variants.b)).toBe(false);
    expect(evaluateFlag(compiled, {}, { environment: "production", defaultValue: null }).value).toEqual({ tone: "casual" });
  });
});
