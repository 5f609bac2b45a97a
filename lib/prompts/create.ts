import "server-only";
import { prompts } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record";
import type { ProjectCtx } from "@/lib/context";
import { conflict, fromZod, isUniqueViolation } from "@/lib/http/errors";
import { addVersionLocked } from "./add-version";
import { assertPromptCan } from "./permissions";
import { CreatePromptInput, type PromptVersionView } from "./schemas";

/** POST /api/v1/prompts: a new prompt with its version 1 (and the labels asked for). */
export async function createPrompt(ctx: ProjectCtx, input: CreatePromptInput): Promise<PromptVersionView> {
  assertPromptCan(ctx, "prompts.write");
  const parsed = CreatePromptInput.safeParse(input);
  if (!parsed.success) throw fromZod(parsed.error);
  const { name, type, ...data } = parsed.data;
  try {
    return await ctx.db.transaction(async (tx) => {
      const [row] = await tx.insert(prompts).values({ projectId: ctx.projectId, name, type }).returning();
      await recordAudit(tx, ctx.actor, { orgId: ctx.orgId, projectId: ctx.projectId, action: "prompt.create", resourceType: "prompt", resourceId: name, after: { name, type } });
      return addVersionLocked(ctx, tx, row!, data);
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw conflict(`This project already has a prompt named "${name}". Save a new version of it instead (POST /api/v1/prompts/${name}/versions).`);
    throw err;
  }
}
