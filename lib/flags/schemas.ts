import { EnvironmentName, Flag } from "@sextant/sdk";
import { z } from "zod";

/**
 * Keys that name routes beside `/api/v1/flags/{key}` (`config`, `stream` for the SDK's push
 * channel and `exposures` for its counts), so no flag may take them. Everything else about a flag is the SDK's `Flag`.
 */
export const RESERVED_FLAG_KEYS: readonly string[] = ["config", "stream", "exposures"];

/** A new flag: the SDK's contract, plus the reserved keys. */
export const CreateFlagInput = Flag.superRefine((flag, ctx) => {
  if (RESERVED_FLAG_KEYS.includes(flag.key)) ctx.addIssue({ code: "custom", path: ["key"], message: `"${flag.key}" is reserved for a route; choose another key.` });
});

/**
 * A change to a flag. Fields are checked by validating the merged flag with `Flag`, so this
 * schema only says how to merge: top-level fields replace (null removes description or tags),
 * `environments` merges by name (null removes that environment). Unknown fields are refused.
 */
export const FlagPatch = z.strictObject(
  {
    key: z.unknown().optional(),
    description: z.unknown().optional(),
    tags: z.unknown().optional(),
    type: z.unknown().optional(),
    variants: z.unknown().optional(),
    environments: z.record(z.string(), z.unknown()).optional(),
  },
  { error: (issue) => (issue.code === "unrecognized_keys" ? `Unknown field(s): ${issue.keys.join(", ")}. A flag has description, tags, type, variants and environments.` : undefined) },
);
export type FlagPatch = z.infer<typeof FlagPatch>;

export const ToggleInput = z.strictObject({ enabled: z.boolean({ error: "Send {\"enabled\": true} or {\"enabled\": false}." }) });
export type ToggleInput = z.infer<typeof ToggleInput>;

/** `?environment=` of the config endpoint: absent means every environment. */
export const ConfigQuery = z.object({ environment: EnvironmentName.optional() });

/** A stored flag as the management API answers it: the definition plus its bookkeeping. */
export type FlagRecord = Flag & { version: number; createdAt: Date; updatedAt: Date };
