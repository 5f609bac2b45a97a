import "server-only";
import { assertCan, type ProjectCtx } from "@/lib/context";
import { fromZod, notFound } from "@/lib/http/errors";
import { changeFlag } from "./change";
import { ToggleInput, type FlagRecord } from "./schemas";

export type ToggleFlagInput = { key: string; environment: string; body: unknown };

/**
 * The kill switch: `enabled: false` serves the environment's offVariant to everyone, before
 * any rule. Only that one field changes, under the same lock and audit as any other change.
 */
export async function toggleFlag(ctx: ProjectCtx, input: ToggleFlagInput): Promise<FlagRecord> {
  assertCan(ctx, "flags.write");
  const parsed = ToggleInput.safeParse(input.body);
  if (!parsed.success) throw fromZod(parsed.error);
  const { enabled } = parsed.data;
  return changeFlag(ctx, {
    key: input.key,
    action: "flag.toggle",
    next: (current) => {
      const env = Object.hasOwn(current.environments, input.environment) ? current.environments[input.environment] : undefined;
      if (!env) throw notFound(`Environment "${input.environment}" of flag "${input.key}"`);
      return { ...current, environments: { ...current.environments, [input.environment]: { ...env, enabled } } };
    },
  });
}
