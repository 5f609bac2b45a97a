import "server-only";
import { and, desc, eq, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { promptLabelMoves, promptLabels } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record";
import { actorLabel, type ProjectCtx } from "@/lib/context";
import { AppError, conflict, fromZod } from "@/lib/http/errors";
import { assertMayMove, assertPromptCan } from "./permissions";
import { findPrompt, findVersion, missingVersion, type PromptRow } from "./rows";
import { LabelName, MoveLabelInput, PRODUCTION, PromptName } from "./schemas";
import { z } from "zod";

export type LabelMove = { name: string; label: string; from: number | null; to: number };

/**
 * Points a label at a version, inside a transaction that already holds the prompt's row
 * lock, so concurrent moves of one prompt apply one after another: each sees the state
 * the previous one left, is audited, and the last one wins.
 */
export async function moveLabelLocked(ctx: ProjectCtx, tx: DbOrTx, prompt: PromptRow, label: string, version: number, action = "prompt.label.move"): Promise<LabelMove> {
  await assertMayMove(ctx, tx, label);
  if (!(await findVersion(tx, ctx.projectId, prompt.name, version))) throw missingVersion(prompt, version);
  const by = actorLabel(ctx.actor);
  const [before] = await tx
    .select({ version: promptLabels.version })
    .from(promptLabels)
    .where(and(eq(promptLabels.projectId, ctx.projectId), eq(promptLabels.promptName, prompt.name), eq(promptLabels.label, label)));
  const from = before?.version ?? null;
  await tx
    .insert(promptLabels)
    .values({ projectId: ctx.projectId, promptName: prompt.name, label, version, movedBy: by })
    .onConflictDoUpdate({ target: [promptLabels.projectId, promptLabels.promptName, promptLabels.label], set: { version, movedBy: by, movedAt: sql`now()` } });
  // The history holds real moves only; a move to where the label already is is audited but changes nothing.
  if (from !== version) {
    await tx.insert(promptLabelMoves).values({ projectId: ctx.projectId, promptName: prompt.name, label, fromVersion: from, toVersion: version, movedBy: by });
  }
  await recordAudit(tx, ctx.actor, {
    orgId: ctx.orgId,
    projectId: ctx.projectId,
    action,
    resourceType: "prompt",
    resourceId: prompt.name,
    before: { label, version: from },
    after: { label, version },
  });
  return { name: prompt.name, label, from, to: version };
}

const Target = z.object({ name: PromptName, label: LabelName });

/** PUT …/labels/{label}: deploy (production) or point any label at a version. */
export async function moveLabel(ctx: ProjectCtx, input: { name: string; label: string; version: unknown }): Promise<LabelMove> {
  // Fail early; a member's right to deploy depends on the project's policy, checked under the lock.
  const member = ctx.actor.type === "user" && ctx.actor.role === "member";
  assertPromptCan(ctx, input.label === PRODUCTION && !member ? "prompts.deploy" : "prompts.write");
  const target = Target.safeParse(input);
  if (!target.success) throw fromZod(target.error);
  const body = MoveLabelInput.safeParse({ version: input.version });
  if (!body.success) throw fromZod(body.error);
  return ctx.db.transaction(async (tx) => {
    const prompt = await findPrompt(tx, ctx.projectId, target.data.name, true);
    return moveLabelLocked(ctx, tx, prompt, target.data.label, body.data.version);
  });
}

/** Moves the label back to the version it pointed at before its last move: one-click undo of a deploy. */
export async function rollbackLabel(ctx: ProjectCtx, input: { name: string; label: string }): Promise<LabelMove> {
  assertPromptCan(ctx, "prompts.write");
  const target = Target.safeParse(input);
  if (!target.success) throw fromZod(target.error);
  return ctx.db.transaction(async (tx) => {
    const prompt = await findPrompt(tx, ctx.projectId, target.data.name, true);
    const [last] = await tx
      .select({ from: promptLabelMoves.fromVersion, to: promptLabelMoves.toVersion })
      .from(promptLabelMoves)
      .where(and(eq(promptLabelMoves.projectId, ctx.projectId), eq(promptLabelMoves.promptName, prompt.name), eq(promptLabelMoves.label, target.data.label)))
      .orderBy(desc(promptLabelMoves.id))
      .limit(1);
    if (!last) throw new AppError("NOT_FOUND", `Prompt "${prompt.name}" has no label "${target.data.label}".`);
    if (last.from === null) throw conflict(`The label "${target.data.label}" has never pointed at another version; there is nothing to roll back to.`);
    return moveLabelLocked(ctx, tx, prompt, target.data.label, last.from, "prompt.label.rollback");
  });
}
