import type { CompiledEnvironment, CompiledFlag, CompiledRule, CompiledSplit, EvaluationContext, EvaluationErrorCode, EvaluationResult } from "./compile.js";
import { bucketOf } from "./murmur3.js";
import type { FlagType, FlagValue } from "./schema.js";

export interface EvaluateOptions<T> {
  /** The environment whose rules apply (OFREP: the context's `environment`, default `production`). */
  environment: string;
  /** Returned as `value` with reason ERROR on any problem. */
  defaultValue: T;
  /** The type the caller expects; a flag of another type answers TYPE_MISMATCH. */
  type?: FlagType;
}

function error<T>(defaultValue: T, errorCode: EvaluationErrorCode, errorMessage: string, rule?: CompiledRule): EvaluationResult<T> {
  const result: EvaluationResult<T> = { value: defaultValue, reason: "ERROR", errorCode, errorMessage };
  if (rule?.id !== undefined) result.ruleId = rule.id;
  if (rule !== undefined) result.ruleIndex = rule.index;
  return result;
}

/**
 * The value a sticky split gives this context: strings as they are, finite numbers in their
 * JavaScript string form (42 → "42"); anything else, or "", counts as missing.
 */
export function stickinessValue(context: EvaluationContext, attribute: string): string | undefined {
  const v = Object.hasOwn(context, attribute) ? context[attribute] : undefined;
  if (typeof v === "string") return v.length > 0 ? v : undefined;
  if (typeof v === "number" && Number.isFinite(v)) return String(v);
  return undefined;
}

/** The part of a split a bucket falls in: parts take consecutive ranges in listed order. */
export function splitIndex(ends: readonly number[], bucket: number): number {
  for (let i = 0; i < ends.length; i++) if (bucket < ends[i]!) return i;
  return ends.length - 1; // unreachable: the last end is 10000 and buckets are below it
}

function ruleMatches(rule: CompiledRule, context: EvaluationContext): boolean {
  for (const c of rule.conditions) {
    const v = Object.hasOwn(context, c.attribute) ? context[c.attribute] : undefined;
    if (v === undefined || v === null) return false; // missing: false, negate or not
    const outcome = c.test(v);
    if (outcome === undefined) return false; // not comparable: false, negate or not
    if (outcome === c.negate) return false;
  }
  return true;
}

function serveSplit(flagKey: string, split: CompiledSplit, context: EvaluationContext): EvaluationResult | undefined {
  const key = stickinessValue(context, split.stickiness);
  if (key === undefined) return undefined;
  return split.results[splitIndex(split.ends, bucketOf(flagKey, key))];
}

function resolve(flag: CompiledFlag, env: CompiledEnvironment, context: EvaluationContext): EvaluationResult | CompiledRule {
  if (!env.enabled) return env.disabled;
  for (const rule of env.rules) {
    if (!ruleMatches(rule, context)) continue;
    if (rule.result) return rule.result;
    return serveSplit(flag.key, rule.split!, context) ?? rule; // the rule itself signals a missing key
  }
  return env.fallthrough;
}

function isContext(v: unknown): v is EvaluationContext {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/**
 * Evaluates a compiled flag for a context. Never throws: on any problem it answers the
 * caller's default with reason ERROR and an OpenFeature error code. Pure and synchronous.
 * Kill switch first, then rules in order (first match wins), then the default variant.
 */
export function evaluateFlag<T>(flag: CompiledFlag | undefined, context: EvaluationContext, options: EvaluateOptions<T> & { type: FlagType }): EvaluationResult<T>;
/** Without `type`, any flag answers, so the value is the default's type or any flag value. */
export function evaluateFlag<T>(flag: CompiledFlag | undefined, context: EvaluationContext, options: EvaluateOptions<T>): EvaluationResult<T | FlagValue>;
export function evaluateFlag<T>(flag: CompiledFlag | undefined, context: EvaluationContext, options: EvaluateOptions<T>): EvaluationResult<T | FlagValue> {
  const { defaultValue } = options;
  try {
    if (flag === undefined) return error(defaultValue, "FLAG_NOT_FOUND", "No flag with this key.");
    if (options.type !== undefined && options.type !== flag.type) {
      return error(defaultValue, "TYPE_MISMATCH", `Flag "${flag.key}" is a ${flag.type} flag, not ${options.type}.`);
    }
    if (!isContext(context)) return error(defaultValue, "INVALID_CONTEXT", "The evaluation context must be an object.");
    const env = flag.environments.get(options.environment);
    if (env === undefined) return error(defaultValue, "FLAG_NOT_FOUND", `Flag "${flag.key}" is not configured for environment "${options.environment}".`);
    const outcome = resolve(flag, env, context);
    if ("reason" in outcome) return outcome;
    return error(defaultValue, "TARGETING_KEY_MISSING", `The split needs a "${outcome.split!.stickiness}" string or number in the context.`, outcome);
  } catch (e) {
    return error(defaultValue, "GENERAL", e instanceof Error ? e.message : String(e));
  }
}
