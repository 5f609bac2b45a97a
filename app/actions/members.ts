"use server";

import { revalidatePath } from "next/cache";
import type { Role } from "@/lib/auth/permissions";
import { actionProjectCtx, runAction } from "@/lib/http/action";
import { createInvite } from "@/lib/members/invite";
import { removeMember, revokeInvite } from "@/lib/members/remove";
import { updateRole } from "@/lib/members/update-role";

// Members belong to the organization; the project in the URL only proves which one.
const path = (projectId: string) => `/p/${projectId}/settings/members`;

export async function createInviteAction(projectId: string, input: { role: Role }) {
  return runAction("createInvite", async () => {
    const invite = await createInvite(await actionProjectCtx(projectId), input);
    revalidatePath(path(projectId));
    return { path: invite.path, role: invite.role, expiresAt: invite.expiresAt.toISOString() };
  });
}

export async function updateRoleAction(projectId: string, input: { userId: string; role: Role }) {
  return runAction("updateRole", async () => {
    const result = await updateRole(await actionProjectCtx(projectId), input);
    revalidatePath(path(projectId));
    return result;
  });
}

export async function removeMemberAction(projectId: string, userId: string) {
  return runAction("removeMember", async () => {
    await removeMember(await actionProjectCtx(projectId), { userId });
    revalidatePath(path(projectId));
    return { userId };
  });
}

export async function revokeInviteAction(projectId: string, inviteId: string) {
  return runAction("revokeInvite", async () => {
    await revokeInvite(await actionProjectCtx(projectId), { inviteId });
    revalidatePath(path(projectId));
    return { inviteId };
  });
}
