import "server-only";
import { eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { promptSettings } from "@/db/schema";
import type { Role } from "@/lib/auth/permissions";
import type { Actor, ProjectCtx } from "@/lib/context";
import { forbidden } from "@/lib/http/errors";
import { PRODUCTION } from "./schemas";

/**
 * What each role and key may do with prompts. Kept beside the verbs while prompts land;
 * it belongs in the matrix of lib/auth/permissions.ts (ADR 0007).
 *  - read: every role; both keys (client SDKs fetch prompts with the public key)
 *  - write (create, new version, move labels other than production): owner, admin, member; secret key
 *  - deploy (move production): owner, admin, the secret key; members only when the project allows it
 *  - manage (the project's prompt policy): owner, admin
 */
export type PromptAction = "prompt.read" | "prompt.write" | "prompt.deploy" | "prompt.manage";

const ROLES: Record<PromptAction, readonly Role[]> = {
  "prompt.read": ["owner", "admin", "member", "reviewer", "viewer"],
  "prompt.write": ["owner", "admin", "member"],
  "prompt.deploy": ["owner", "admin"],
  "prompt.manage": ["owner", "admin"],
};
const SECRET: readonly PromptAction[] = ["prompt.read", "prompt.write", "prompt.deploy"];
const PUBLIC: readonly PromptAction[] = ["prompt.read"];

export function canPrompt(actor: Actor, action: PromptAction, membersMayDeploy = false): boolean {
  switch (actor.type) {
    case "user":
      if (action === "prompt.deploy" && actor.role === "member" && membersMayDeploy) return true;
      return ROLES[action].includes(actor.role);
    case "api_key":
      return (actor.kind === "secret" ? SECRET : PUBLIC).includes(action);
    case "system":
      return true;
  }
}

export function assertPromptCan(ctx: ProjectCtx, action: PromptAction, membersMayDeploy = false): void {
  if (canPrompt(ctx.actor, action, membersMayDeploy)) return;
  if (ctx.actor.type === "api_key") throw forbidden("This route needs the secret key (sk-…); public keys only read flags and prompts.");
  const who = ctx.actor.type === "user" ? `The ${ctx.actor.role} role` : "This caller";
  throw forbidden(action === "prompt.deploy" ? `${who} may not move the production label; ask an owner or admin, or let members deploy in the prompt settings.` : `${who} is not allowed to do "${action}".`);
}

export async function membersMayDeploy(db: DbOrTx, projectId: string): Promise<boolean> {
  const [row] = await db.select({ v: promptSettings.membersMayDeployProduction }).from(promptSettings).where(eq(promptSettings.projectId, projectId));
  return row?.v ?? false;
}

/** Moving `production` is deploying: it needs the deploy right; other labels need write. */
export async function assertMayMove(ctx: ProjectCtx, tx: DbOrTx, label: string): Promise<void> {
  if (label !== PRODUCTION) return assertPromptCan(ctx, "prompt.write");
  const needsPolicy = ctx.actor.type === "user" && ctx.actor.role === "member";
  assertPromptCan(ctx, "prompt.deploy", needsPolicy ? await membersMayDeploy(tx, ctx.projectId) : false);
}
