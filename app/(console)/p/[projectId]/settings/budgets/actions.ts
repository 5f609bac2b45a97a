"use server";

import { revalidatePath } from "next/cache";
import { createBudget } from "@/lib/budgets/create";
import { deleteBudget } from "@/lib/budgets/delete";
import { setUserRateLimit } from "@/lib/budgets/rate-limit";
import { updateBudget } from "@/lib/budgets/update";
import { actionProjectCtx, runAction } from "@/lib/http/action";

// Server actions of Settings → Budgets: each resolves the session's context in the project
// (404 when it is not theirs) and calls one lib/budgets verb, which checks budgets.write,
// validates (422 with field paths), audits and bumps the flag revision.

const refresh = (projectId: string) => {
  revalidatePath(`/p/${projectId}/settings/budgets`);
  revalidatePath(`/p/${projectId}/alerts`, "layout");
};

export async function createBudgetAction(projectId: string, input: unknown) {
  return runAction("createBudget", async () => {
    const b = await createBudget(await actionProjectCtx(projectId), input);
    refresh(projectId);
    return { id: b.id };
  });
}

export async function updateBudgetAction(projectId: string, id: string, patch: unknown) {
  return runAction("updateBudget", async () => {
    const b = await updateBudget(await actionProjectCtx(projectId), id, patch);
    refresh(projectId);
    return { id: b.id };
  });
}

export async function deleteBudgetAction(projectId: string, id: string) {
  return runAction("deleteBudget", async () => {
    await deleteBudget(await actionProjectCtx(projectId), id);
    refresh(projectId);
    return { ok: true };
  });
}

export async function setUserRateLimitAction(projectId: string, input: unknown) {
  return runAction("setUserRateLimit", async () => {
    const limit = await setUserRateLimit(await actionProjectCtx(projectId), input);
    refresh(projectId);
    return { limit };
  });
}
