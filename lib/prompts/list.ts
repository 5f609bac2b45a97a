import "server-only";
import { and, asc, eq } from "drizzle-orm";
import { promptLabels, prompts } from "@/db/schema";
import type { ProjectCtx } from "@/lib/context";
import { notFound } from "@/lib/http/errors";
import { assertPromptCan } from "./permissions";
import type { LabelState, PromptSummary } from "./schemas";

/** GET /api/v1/prompts: every prompt of the project with where each label points and when it moved. */
export async function listPrompts(ctx: ProjectCtx): Promise<PromptSummary[]> {
  assertPromptCan(ctx, "prompts.read");
  const [rows, labels] = await Promise.all([
    ctx.db.select().from(prompts).where(eq(prompts.projectId, ctx.projectId)).orderBy(asc(prompts.name)),
    ctx.db
      .select({ name: promptLabels.promptName, label: promptLabels.label, version: promptLabels.version, movedAt: promptLabels.movedAt, movedBy: promptLabels.movedBy })
      .from(promptLabels)
      .where(and(eq(promptLabels.projectId, ctx.projectId)))
      .orderBy(asc(promptLabels.label)),
  ]);
  const byName = new Map<string, LabelState[]>();
  for (const { name, ...l } of labels) byName.set(name, [...(byName.get(name) ?? []), l]);
  return rows.map((p) => ({ name: p.name, type: p.type, latestVersion: p.latestVersion, labels: byName.get(p.name) ?? [], createdAt: p.createdAt, updatedAt: p.updatedAt }));
}

/** One prompt's summary (labels with when and by whom they moved); 404 when it is not in the project. */
export async function getPromptSummary(ctx: ProjectCtx, name: string): Promise<PromptSummary> {
  assertPromptCan(ctx, "prompts.read");
  const found = (await listPrompts(ctx)).find((p) => p.name === name);
  if (!found) throw notFound(`Prompt "${name}"`);
  return found;
}
