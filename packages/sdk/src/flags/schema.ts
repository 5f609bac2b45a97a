import { z } from "zod";
import { Timestamp } from "../events.js";
import { patternProblem } from "./regex.js";
import { parseSemver } from "./semver.js";

/**
 * The feature-flag contract (issue 7): what `/api/v1/flags…` accepts and returns and what
 * the SDK evaluates locally. The server imports these schemas; never re-declare the fields.
 */

export const FlagKey = z
  .string()
  .min(1, "Give the flag a key.")
  .max(128, "Keep flag keys to 128 characters.")
  .regex(/^[a-z0-9._-]*$/, "Use only a-z, 0-9, '.', '_' and '-' in flag keys.");

/** Variant and environment names: the same safe charset, upper case allowed. */
const Name = (what: string) =>
  z
    .string()
    .min(1, `Give the ${what} a name.`)
    .max(64, `Keep ${what} names to 64 characters.`)
    .regex(/^[A-Za-z0-9._-]*$/, `Use only letters, digits, '.', '_' and '-' in ${what} names.`);
export const VariantName = Name("variant");
export const EnvironmentName = Name("environment");

export const FlagType = z.enum(["boolean", "string", "number", "json"]);
export type FlagType = z.infer<typeof FlagType>;

export const FlagOperator = z.enum([
  "in", "eq", "contains", "starts_with", "ends_with", "matches",
  "gt", "gte", "lt", "lte", "semver_gt", "semver_lt", "semver_eq", "before", "after",
]);
export type FlagOperator = z.infer<typeof FlagOperator>;

const SINGLE: ReadonlySet<FlagOperator> = new Set([
  "eq", "gt", "gte", "lt", "lte", "semver_gt", "semver_lt", "semver_eq", "before", "after",
]);

export const ConditionValue = z.union([z.string().max(1_000, "Keep condition values to 1000 characters."), z.number().finite()]);

export const FlagCondition = z
  .object({
    attribute: z.string().min(1, "Name the context attribute.").max(128, "Keep attribute names to 128 characters."),
    operator: FlagOperator,
    values: z.array(ConditionValue).min(1, "Give at least one value.").max(1_000, "Give at most 1000 values."),
    negate: z.boolean().optional(),
  })
  .superRefine((c, ctx) => {
    const issue = (message: string, path: (string | number)[] = ["values"]) => ctx.addIssue({ code: "custom", message, path });
    if (SINGLE.has(c.operator) && c.values.length !== 1) issue(`The ${c.operator} operator takes exactly one value.`);
    c.values.forEach((v, i) => {
      const at: (string | number)[] = ["values", i];
      switch (c.operator) {
        case "contains":
        case "starts_with":
        case "ends_with":
          if (typeof v !== "string") issue(`The ${c.operator} operator compares text; give a string.`, at);
          break;
        case "matches": {
          const problem = typeof v === "string" ? patternProblem(v) : "The matches operator takes a regular expression as a string.";
          if (problem) issue(problem, at);
          break;
        }
        case "gt":
        case "gte":
        case "lt":
        case "lte":
          if (typeof v !== "number") issue(`The ${c.operator} operator compares numbers; give a number.`, at);
          break;
        case "semver_gt":
        case "semver_lt":
        case "semver_eq":
          if (typeof v !== "string" || !parseSemver(v)) issue("Give a semantic version such as 1.4.0 or 2.0.0-rc.1.", at);
          break;
        case "before":
        case "after":
          if (!Timestamp.safeParse(v).success) issue("Give an RFC 3339 time with a zone, e.g. 2026-11-26T10:00:00Z, or epoch milliseconds.", at);
          break;
      }
    });
  });
export type FlagCondition = z.infer<typeof FlagCondition>;

/** A percentage with at most two decimals, 0 to 100. */
export const SplitWeight = z
  .number()
  .min(0, "Weights are percentages from 0 to 100.")
  .max(100, "Weights are percentages from 0 to 100.")
  .refine((w) => Math.abs(w * 100 - Math.round(w * 100)) < 1e-6, "Weights have at most two decimals, e.g. 33.33.");

export const FlagSplit = z.object({ variant: VariantName, weight: SplitWeight });
export type FlagSplit = z.infer<typeof FlagSplit>;

export const FlagServe = z.union([
  z.strictObject({ variant: VariantName }),
  z
    .strictObject({
      split: z.array(FlagSplit).min(1, "A split needs at least one variant.").max(100, "A split has at most 100 variants."),
      stickiness: z.string().min(1).max(128).optional(),
    })
    .superRefine((s, ctx) => {
      const total = s.split.reduce((sum, part) => sum + Math.round(part.weight * 100), 0);
      if (total !== 10_000) ctx.addIssue({ code: "custom", message: `Split weights must add up to 100 (they add up to ${total / 100}).`, path: ["split"] });
      const seen = new Set<string>();
      s.split.forEach((part, i) => {
        if (seen.has(part.variant)) ctx.addIssue({ code: "custom", message: `Variant "${part.variant}" appears twice in the split.`, path: ["split", i, "variant"] });
        seen.add(part.variant);
      });
    }),
], { error: "Serve either {variant} or {split: [{variant, weight}], stickiness?}." });
export type FlagServe = z.infer<typeof FlagServe>;

export const FlagRule = z.object({
  id: z.string().min(1).max(64).optional(),
  description: z.string().max(1_000).optional(),
  conditions: z.array(FlagCondition).max(50, "A rule has at most 50 conditions."),
  serve: FlagServe,
});
export type FlagRule = z.infer<typeof FlagRule>;

export const FlagEnvironment = z.object({
  enabled: z.boolean(),
  offVariant: VariantName,
  defaultVariant: VariantName,
  rules: z.array(FlagRule).max(200, "An environment has at most 200 rules."),
});
export type FlagEnvironment = z.infer<typeof FlagEnvironment>;

export const FlagValue = z.json();
export type FlagValue = z.infer<typeof FlagValue>;

function typeOf(v: FlagValue): FlagType | "other" {
  if (typeof v === "boolean") return "boolean";
  if (typeof v === "string") return "string";
  if (typeof v === "number") return "number";
  return "other";
}

export const Flag = z
  .object({
    key: FlagKey,
    description: z.string().max(2_000).optional(),
    tags: z.array(z.string().min(1).max(64)).max(50).optional(),
    type: FlagType,
    variants: z
      .record(VariantName, FlagValue)
      .refine((v) => Object.keys(v).length >= 1, "Give at least one variant.")
      .refine((v) => Object.keys(v).length <= 100, "Give at most 100 variants."),
    environments: z.record(EnvironmentName, FlagEnvironment),
  })
  .superRefine((flag, ctx) => {
    const issue = (message: string, path: (string | number)[]) => ctx.addIssue({ code: "custom", message, path });
    for (const [name, value] of Object.entries(flag.variants)) {
      if (flag.type !== "json" && typeOf(value) !== flag.type) {
        issue(`Variant "${name}" must be a ${flag.type}, because the flag's type is ${flag.type}.`, ["variants", name]);
      }
    }
    const known = (variant: string, path: (string | number)[]) => {
      if (!Object.hasOwn(flag.variants, variant)) issue(`There is no variant "${variant}"; define it under variants first.`, path);
    };
    for (const [env, e] of Object.entries(flag.environments)) {
      known(e.offVariant, ["environments", env, "offVariant"]);
      known(e.defaultVariant, ["environments", env, "defaultVariant"]);
      const ids = new Set<string>();
      e.rules.forEach((rule, r) => {
        const at = ["environments", env, "rules", r];
        if (rule.id !== undefined) {
          if (ids.has(rule.id)) issue(`Rule id "${rule.id}" is used twice in this environment.`, [...at, "id"]);
          ids.add(rule.id);
        }
        if ("variant" in rule.serve) known(rule.serve.variant, [...at, "serve", "variant"]);
        else rule.serve.split.forEach((part, i) => known(part.variant, [...at, "serve", "split", i, "variant"]));
      });
    }
  });
export type Flag = z.infer<typeof Flag>;
