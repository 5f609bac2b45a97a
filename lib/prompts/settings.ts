import "server-only";
import { sql } from "drizzle-orm";
import { z } from "zod";
import { promptSettings } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record";
import type { ProjectCtx } from "@/lib/context";
import { fromZod } from "@/lib/http/errors";
import { assertPromptCan, membersMayDeploy } from "./permissions";

export const PromptSettingsInput = z.strictObject({ membersMayDeployProduction: z.boolean("membersMayDeployProduction is true or false.") });
export type PromptSettingsInput = z.input<typeof PromptSettingsInput>;
export type PromptSettings = { membersMayDeployProduction: boolean };

export async function getPromptSettings(ctx: ProjectCtx): Promise<PromptSettings> {
  assertPromptCan(ctx, "prompts.read");
  return { membersMayDeployProduction: await membersMayDeploy(ctx.db, ctx.projectId) };
}

/** Owners and admins decide whether members may move production (deploy); audited. */
export async function updatePromptSettings(ctx: ProjectCtx, input: PromptSettingsInput): Promise<PromptSettings> {
  assertPromptCan(ctx, "prompts.manage");
  const parsed = PromptSettingsInput.safeParse(input);
  if (!parsed.success) throw fromZod(parsed.error);
  const value = parsed.data.membersMayDeployProduction;
  await ctx.db.transaction(async (tx) => {
    const before = await membersMayDeploy(tx, ctx.projectId);
    await tx
      .insert(promptSettings)
      .values({ projectId: ctx.projectId, membersMayDeployProduction: value })
      .onConflictDoUpdate({ target: promptSettings.projectId, set: { membersMayDeployProduction: value, updatedAt: sql`now()` } });
    await recordAudit(tx, ctx.actor, {
      orgId: ctx.orgId,
      projectId: ctx.projectId,
      action: "prompt.settings.update",
      resourceType: "project",
      resourceId: ctx.projectId,
      before: { membersMayDeployProduction: before },
      after: { membersMayDeployProduction: value },
    });
  });
  return { membersMayDeployProduction: value };
}
