import "server-only";
import type { Flag } from "@sextant/sdk";
import { assertCan, type ProjectCtx } from "@/lib/context";
import { AppError, fromZod } from "@/lib/http/errors";
import { changeFlag } from "./change";
import { FlagPatch, type FlagRecord } from "./schemas";

export type PatchFlagInput = { key: string; patch: unknown; ifVersion?: number };

/** Applies a merge patch (see FlagPatch) to the stored definition. */
export function mergePatch(current: Flag, patch: FlagPatch): Record<string, unknown> {
  const next: Record<string, unknown> = { ...current };
  for (const field of ["key", "description", "tags", "type", "variants"] as const) {
    if (!(field in patch)) continue;
    if (patch[field] === null && (field === "description" || field === "tags")) delete next[field];
    else next[field] = patch[field];
  }
  if (patch.environments) {
    const environments: Record<string, unknown> = { ...current.environments };
    for (const [name, env] of Object.entries(patch.environments)) {
      if (env === null) delete environments[name];
      else environments[name] = env;
    }
    next.environments = environments;
  }
  return next;
}

/**
 * Changes a flag: fields given replace the stored ones, environments merge by name. The
 * result is validated whole (422 with paths); renaming is not a patch (422 on `key`).
 */
export async function patchFlag(ctx: ProjectCtx, input: PatchFlagInput): Promise<FlagRecord> {
  assertCan(ctx, "flags.write");
  const parsed = FlagPatch.safeParse(input.patch);
  if (!parsed.success) throw fromZod(parsed.error);
  const patch = parsed.data;
  if (patch.key !== undefined && patch.key !== input.key) {
    const message = "A flag's key cannot change; create a new flag and delete this one.";
    throw new AppError("UNPROCESSABLE_ENTITY", `The flag is invalid. key: ${message}`, [{ path: "key", message }]);
  }
  return changeFlag(ctx, { key: input.key, ifVersion: input.ifVersion, action: "flag.update", next: (current) => mergePatch(current, patch) });
}
