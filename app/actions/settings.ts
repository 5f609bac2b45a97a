"use server";

import { revalidatePath } from "next/cache";
import { actionProjectCtx, runAction } from "@/lib/http/action";
import type { ProjectSettingsInput } from "@/lib/settings/schemas";
import { updateProjectSettings } from "@/lib/settings/update";

/** Saves part of the project's settings (retention, redaction); the verb checks "settings.update" and audits. */
export async function updateSettingsAction(projectId: string, input: ProjectSettingsInput) {
  return runAction("updateSettings", async () => {
    const settings = await updateProjectSettings(await actionProjectCtx(projectId), input);
    revalidatePath(`/p/${projectId}/settings/project`);
    return settings;
  });
}
