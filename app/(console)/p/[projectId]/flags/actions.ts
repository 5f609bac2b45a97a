"use server";

import type { FlagEnvironment, FlagType } from "@sextant/sdk";
import { revalidatePath } from "next/cache";
import { createFlag } from "@/lib/flags/create";
import { deleteFlag } from "@/lib/flags/delete";
import { patchFlag } from "@/lib/flags/patch";
import { toggleFlag } from "@/lib/flags/toggle";
import { actionProjectCtx, runAction } from "@/lib/http/action";

// Server actions of the flags pages: each resolves the session's context in the project
// (404 when it is not theirs) and calls one verb, which checks the role (flags.write), validates
// the whole definition (422 with paths, shown on the fields) and writes the audit row.
// Editors send the version they loaded, so a change made meanwhile is a 409, not lost.

const refresh = (projectId: string) => revalidatePath(`/p/${projectId}/flags`, "layout");

export async function createFlagAction(projectId: string, input: unknown) {
  return runAction("createFlag", async () => {
    const flag = await createFlag(await actionProjectCtx(projectId), input);
    refresh(projectId);
    return { key: flag.key, version: flag.version };
  });
}

export async function saveEnvironmentAction(projectId: string, key: string, environment: string, env: FlagEnvironment, ifVersion: number) {
  return runAction("saveFlagEnvironment", async () => {
    const flag = await patchFlag(await actionProjectCtx(projectId), { key, ifVersion, patch: { environments: { [environment]: env } } });
    refresh(projectId);
    return { version: flag.version };
  });
}

export async function saveVariantsAction(projectId: string, key: string, change: { type: FlagType; variants: Record<string, unknown>; description?: string | null }, ifVersion: number) {
  return runAction("saveFlagVariants", async () => {
    const flag = await patchFlag(await actionProjectCtx(projectId), { key, ifVersion, patch: change });
    refresh(projectId);
    return { version: flag.version };
  });
}

export async function toggleFlagAction(projectId: string, key: string, environment: string, enabled: boolean) {
  return runAction("toggleFlag", async () => {
    const flag = await toggleFlag(await actionProjectCtx(projectId), { key, environment, body: { enabled } });
    refresh(projectId);
    return { version: flag.version, enabled: flag.environments[environment]?.enabled ?? enabled };
  });
}

export async function deleteFlagAction(projectId: string, key: string, ifVersion: number) {
  return runAction("deleteFlag", async () => {
    await deleteFlag(await actionProjectCtx(projectId), { key, ifVersion });
    refresh(projectId);
    return { key };
  });
}
