"use server";

import { revalidatePath } from "next/cache";
import { actionProjectCtx, runAction } from "@/lib/http/action";
import { addVersion } from "@/lib/prompts/add-version";
import { createPrompt } from "@/lib/prompts/create";
import { moveLabel, rollbackLabel } from "@/lib/prompts/move-label";
import type { CreatePromptInput, NewVersionInput } from "@/lib/prompts/schemas";
import { updatePromptSettings, type PromptSettingsInput } from "@/lib/prompts/settings";

// Server actions of the prompts pages: each resolves the session's context in the project
// (404 when it is not theirs) and calls one verb, which checks the role.

const refresh = (projectId: string) => revalidatePath(`/p/${projectId}/prompts`, "layout");

export async function createPromptAction(projectId: string, input: CreatePromptInput) {
  return runAction("createPrompt", async () => {
    const v = await createPrompt(await actionProjectCtx(projectId), input);
    refresh(projectId);
    return { name: v.name, version: v.version };
  });
}

export async function addVersionAction(projectId: string, name: string, input: NewVersionInput) {
  return runAction("addPromptVersion", async () => {
    const v = await addVersion(await actionProjectCtx(projectId), name, input);
    refresh(projectId);
    return { name: v.name, version: v.version };
  });
}

export async function moveLabelAction(projectId: string, name: string, label: string, version: number) {
  return runAction("movePromptLabel", async () => {
    const move = await moveLabel(await actionProjectCtx(projectId), { name, label, version });
    refresh(projectId);
    return move;
  });
}

export async function rollbackLabelAction(projectId: string, name: string, label: string) {
  return runAction("rollbackPromptLabel", async () => {
    const move = await rollbackLabel(await actionProjectCtx(projectId), { name, label });
    refresh(projectId);
    return move;
  });
}

export async function updatePromptSettingsAction(projectId: string, input: PromptSettingsInput) {
  return runAction("updatePromptSettings", async () => {
    const s = await updatePromptSettings(await actionProjectCtx(projectId), input);
    refresh(projectId);
    return s;
  });
}
