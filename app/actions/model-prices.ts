"use server";

import { revalidatePath } from "next/cache";
import { createModelPrice } from "@/lib/cost/overrides/create";
import { deleteModelPrice } from "@/lib/cost/overrides/delete";
import type { CreateModelPriceInput } from "@/lib/cost/overrides/schemas";
import { actionProjectCtx, runAction } from "@/lib/http/action";

export async function createModelPriceAction(projectId: string, input: CreateModelPriceInput) {
  return runAction("createModelPrice", async () => {
    const price = await createModelPrice(await actionProjectCtx(projectId), input);
    revalidatePath(`/p/${projectId}/settings/project`);
    return { id: price.id, modelPattern: price.modelPattern };
  });
}

export async function deleteModelPriceAction(projectId: string, id: string) {
  return runAction("deleteModelPrice", async () => {
    await deleteModelPrice(await actionProjectCtx(projectId), { id });
    revalidatePath(`/p/${projectId}/settings/project`);
    return { id };
  });
}
