"use server";

import { revalidatePath } from "next/cache";
import { createApiKey } from "@/lib/api-keys/create";
import { revokeApiKey } from "@/lib/api-keys/revoke";
import { actionProjectCtx, runAction } from "@/lib/http/action";

export async function createApiKeyAction(projectId: string, input: { name: string }) {
  return runAction("createApiKey", async () => {
    const key = await createApiKey(await actionProjectCtx(projectId), input);
    revalidatePath(`/p/${projectId}/settings/api-keys`);
    return { id: key.id, name: key.name, publicKey: key.publicKey, secretKey: key.secretKey };
  });
}

export async function revokeApiKeyAction(projectId: string, id: string) {
  return runAction("revokeApiKey", async () => {
    await revokeApiKey(await actionProjectCtx(projectId), { id });
    revalidatePath(`/p/${projectId}/settings/api-keys`);
    return { id };
  });
}
