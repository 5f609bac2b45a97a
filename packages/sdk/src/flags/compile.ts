import { BUCKETS } from "./murmur3.js";
import { compileCondition, type AttributeTest } from "./operators.js";
import type { Flag, FlagType, FlagValue } from "./schema.js";

/** OpenFeature's resolution reasons, the subset a Sextant flag can give. */
export type EvaluationReason = "DISABLED" | "TARGETING_MATCH" | "SPLIT" | "DEFAULT" | "ERROR";
/** OpenFeature's error codes (also the OFREP error codes). */
export type EvaluationErrorCode =
  | "FLAG_NOT_FOUND"
  | "TYPE_MISMATCH"
  | "TARGETING_KEY_MISSING"
  | "INVALID_CONTEXT"
  | "PARSE_ERROR"
  | "GENERAL";

export interface EvaluationResult<T = FlagValue> {
  value: T;
  /** Absent only when reason is ERROR. */
  variant?: string;
  reason: EvaluationReason;
  /** The matched rule's id, when it has one. */
  ruleId?: string;
  /** The matched rule's position in its environment (0-based). */
  ruleIndex?: number;
  errorCode?: EvaluationErrorCode;
  errorMessage?: string;
}

/** OpenFeature-style context: `targetingKey` plus flat attributes (no dotted paths). */
export interface EvaluationContext {
  targetingKey?: string;
  [attribute: string]: unknown;
}

export interface CompiledCondition {
  attribute: string;
  negate: boolean;
  test: AttributeTest;
}

export interface CompiledSplit {
  stickiness: string;
  /** Exclusive upper bucket of each part, cumulative in listed order; the last is BUCKETS. */
  ends: number[];
  /** The frozen result each part serves. */
  results: EvaluationResult[];
}

export interface CompiledRule {
  index: number;
  id?: string;
  conditions: CompiledCondition[];
  /** Set when the rule serves one variant. */
  result?: EvaluationResult;
  split?: CompiledSplit;
}

export interface CompiledEnvironment {
  enabled: boolean;
  disabled: EvaluationResult;
  fallthrough: EvaluationResult;
  rules: CompiledRule[];
}

export interface CompiledFlag {
  key: string;
  type: FlagType;
  environments: ReadonlyMap<string, CompiledEnvironment>;
}

function deepFreeze<T>(v: T): T {
  if (v !== null && typeof v === "object") {
    for (const inner of Object.values(v)) deepFreeze(inner);
    Object.freeze(v);
  }
  return v;
}

/**
 * Prepares a validated flag (parse it with `Flag` first) for evaluation: regexes, versions and
 * dates are parsed and every possible result is built and frozen here, once, so that evaluating
 * allocates nothing but error results. Variant values are copied, so the input is not frozen.
 */
export function compileFlag(flag: Flag): CompiledFlag {
  const values = deepFreeze(structuredClone(flag.variants));
  const serve = (variant: string, reason: EvaluationReason, rule?: { index: number; id?: string }): EvaluationResult => {
    const result: EvaluationResult = { value: values[variant] as FlagValue, variant, reason };
    if (rule?.id !== undefined) result.ruleId = rule.id;
    if (rule !== undefined) result.ruleIndex = rule.index;
    return Object.freeze(result);
  };
  const environments = new Map<string, CompiledEnvironment>();
  for (const [name, env] of Object.entries(flag.environments)) {
    const rules = env.rules.map((rule, index): CompiledRule => {
      const at = { index, id: rule.id };
      const compiled: CompiledRule = {
        index,
        id: rule.id,
        conditions: rule.conditions.map((c) => ({ attribute: c.attribute, negate: c.negate === true, test: compileCondition(c) })),
      };
      if ("variant" in rule.serve) {
        compiled.result = serve(rule.serve.variant, "TARGETING_MATCH", at);
      } else {
        let end = 0;
        const ends: number[] = [];
        for (const part of rule.serve.split) {
          end += Math.round(part.weight * 100);
          ends.push(end);
        }
        if (end !== BUCKETS) throw new Error(`Split weights of rule ${index} in ${name} do not add up to 100.`);
        compiled.split = {
          stickiness: rule.serve.stickiness ?? "targetingKey",
          ends,
          results: rule.serve.split.map((part) => serve(part.variant, "SPLIT", at)),
        };
      }
      return compiled;
    });
    environments.set(name, {
      enabled: env.enabled,
      disabled: serve(env.offVariant, "DISABLED"),
      fallthrough: serve(env.defaultVariant, "DEFAULT"),
      rules,
    });
  }
  return { key: flag.key, type: flag.type, environments };
}
