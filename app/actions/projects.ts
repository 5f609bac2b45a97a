"use server";

import { revalidatePath } from "next/cache";
import { actionOrgCtx, actionProjectCtx, runAction } from "@/lib/http/action";
import { createProject } from "@/lib/projects/create";
import { renameProject } from "@/lib/projects/rename";

export async function createProjectAction(orgId: string, input: { name: string }) {
  return runAction("createProject", async () => {
    const project = await createProject(await actionOrgCtx(orgId), input);
    return { id: project.id };
  });
}

export async function renameProjectAction(projectId: string, input: { name: string }) {
  return runAction("renameProject", async () => {
    const result = await renameProject(await actionProjectCtx(projectId), input);
    revalidatePath(`/p/${projectId}`, "layout");
    return result;
  });
}
