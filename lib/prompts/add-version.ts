import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { DbOrTx } from "@/db/client";
import { prompts, promptVersions } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record";
import { actorId, actorLabel, type ProjectCtx } from "@/lib/context";
import { fromZod } from "@/lib/http/errors";
import { moveLabelLocked } from "./move-label";
import { assertPromptCan } from "./permissions";
import { findPrompt, labelsOf, toView, type PromptRow } from "./rows";
import { NewVersionInput, PromptName, promptBodyFor, type PromptVersionView } from "./schemas";

type Parsed = { prompt: unknown; config?: Record<string, unknown>; labels?: string[]; commitMessage?: string };

/**
 * Saves the next version of a locked prompt (numbers never repeat and never skip) and
 * points the given labels at it, all in the caller's transaction.
 */
export async function addVersionLocked(ctx: ProjectCtx, tx: DbOrTx, prompt: PromptRow, data: Parsed): Promise<PromptVersionView> {
  // The template's shape depends on the prompt's type, so it is checked here, with its path.
  const body = z.object({ prompt: promptBodyFor(prompt.type) }).safeParse({ prompt: data.prompt });
  if (!body.success) throw fromZod(body.error);
  const version = prompt.latestVersion + 1;
  await tx.insert(promptVersions).values({
    projectId: ctx.projectId,
    promptName: prompt.name,
    version,
    prompt: body.data.prompt,
    config: data.config ?? {},
    commitMessage: data.commitMessage || null,
    authorId: actorId(ctx.actor),
    authorLabel: actorLabel(ctx.actor),
  });
  await tx
    .update(prompts)
    .set({ latestVersion: version, updatedAt: sql`now()` })
    .where(and(eq(prompts.projectId, ctx.projectId), eq(prompts.name, prompt.name)));
  await recordAudit(tx, ctx.actor, {
    orgId: ctx.orgId,
    projectId: ctx.projectId,
    action: "prompt.version.create",
    resourceType: "prompt",
    resourceId: prompt.name,
    after: { version, commitMessage: data.commitMessage || null },
  });
  const saved = { ...prompt, latestVersion: version };
  for (const label of data.labels ?? []) await moveLabelLocked(ctx, tx, saved, label, version);
  const [row] = await tx
    .select()
    .from(promptVersions)
    .where(and(eq(promptVersions.projectId, ctx.projectId), eq(promptVersions.promptName, prompt.name), eq(promptVersions.version, version)));
  return toView(saved, row!, await labelsOf(tx, ctx.projectId, prompt.name));
}

/** POST …/prompts/{name}/versions: a new immutable version, optionally labelled at once. */
export async function addVersion(ctx: ProjectCtx, name: string, input: NewVersionInput): Promise<PromptVersionView> {
  assertPromptCan(ctx, "prompts.write");
  const n = PromptName.safeParse(name);
  if (!n.success) throw fromZod(n.error);
  const parsed = NewVersionInput.safeParse(input);
  if (!parsed.success) throw fromZod(parsed.error);
  return ctx.db.transaction(async (tx) => addVersionLocked(ctx, tx, await findPrompt(tx, ctx.projectId, n.data, true), parsed.data));
}
