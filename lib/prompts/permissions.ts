import "server-only";
import { eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { promptSettings } from "@/db/schema";
import type { Action } from "@/lib/auth/permissions";
import { can, type Actor, type ProjectCtx } from "@/lib/context";
import { forbidden } from "@/lib/http/errors";
import { PRODUCTION } from "./schemas";

/** The prompt actions of the permission matrix (lib/auth/permissions.ts). */
export type PromptAction = Extract<Action, `prompts.${string}`>;

/** The matrix, plus the one project setting it cannot hold: members may deploy when the project allows it. */
export function canPrompt(actor: Actor, action: PromptAction, membersMayDeploy = false): boolean {
  if (action === "prompts.deploy" && actor.type === "user" && actor.role === "member" && membersMayDeploy) return true;
  return can(actor, action);
}

export function assertPromptCan(ctx: ProjectCtx, action: PromptAction, membersMayDeploy = false): void {
  if (canPrompt(ctx.actor, action, membersMayDeploy)) return;
  if (ctx.actor.type === "api_key") throw forbidden("This route needs the secret key (sk-…); public keys only read flags and prompts.");
  const who = ctx.actor.type === "user" ? `The ${ctx.actor.role} role` : "This caller";
  throw forbidden(action === "prompts.deploy" ? `${who} may not move the production label ("prompts.deploy"); ask an owner or admin, or let members deploy in the prompt settings.` : `${who} is not allowed to do "${action}".`);
}

export async function membersMayDeploy(db: DbOrTx, projectId: string): Promise<boolean> {
  const [row] = await db.select({ v: promptSettings.membersMayDeployProduction }).from(promptSettings).where(eq(promptSettings.projectId, projectId));
  return row?.v ?? false;
}

/** Moving `production` is deploying: it needs the deploy right; other labels need write. */
export async function assertMayMove(ctx: ProjectCtx, tx: DbOrTx, label: string): Promise<void> {
  if (label !== PRODUCTION) return assertPromptCan(ctx, "prompts.write");
  const needsPolicy = ctx.actor.type === "user" && ctx.actor.role === "member";
  assertPromptCan(ctx, "prompts.deploy", needsPolicy ? await membersMayDeploy(tx, ctx.projectId) : false);
}
