"use server";

import { getDb } from "@/db/client";
import { actionUserId, runAction } from "@/lib/http/action";
import { AppError } from "@/lib/http/errors";
import { acceptInvite } from "@/lib/members/accept-invite";
import { signUp } from "@/lib/users/sign-up";
import { sessionUserEmail } from "@/lib/users/email";

export async function signUpAction(input: { name: string; email: string; password: string; inviteToken?: string }) {
  return runAction("signUp", () => signUp(getDb(), input));
}

export async function acceptInviteAction(token: string) {
  return runAction("acceptInvite", async () => {
    if (typeof token !== "string") throw new AppError("BAD_REQUEST", "Missing invite token.");
    const userId = await actionUserId();
    return acceptInvite(getDb(), { userId, email: await sessionUserEmail(userId), token });
  });
}
