import "server-only";
import { and, asc, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { promptLabels, prompts, promptVersions } from "@/db/schema";
import { AppError, notFound } from "@/lib/http/errors";
import { LATEST, type LabelState, type PromptVersionView } from "./schemas";

export type PromptRow = typeof prompts.$inferSelect;
export type VersionRow = typeof promptVersions.$inferSelect;

/** The prompt, locked FOR UPDATE when asked: every version and label change of one prompt takes this lock first. */
export async function findPrompt(tx: DbOrTx, projectId: string, name: string, lock = false): Promise<PromptRow> {
  const q = tx.select().from(prompts).where(and(eq(prompts.projectId, projectId), eq(prompts.name, name)));
  const [row] = lock ? await q.for("update") : await q;
  if (!row) throw notFound(`Prompt "${name}"`);
  return row;
}

export async function labelsOf(tx: DbOrTx, projectId: string, name: string): Promise<LabelState[]> {
  return tx
    .select({ label: promptLabels.label, version: promptLabels.version, movedAt: promptLabels.movedAt, movedBy: promptLabels.movedBy })
    .from(promptLabels)
    .where(and(eq(promptLabels.projectId, projectId), eq(promptLabels.promptName, name)))
    .orderBy(asc(promptLabels.label));
}

export async function findVersion(tx: DbOrTx, projectId: string, name: string, version: number): Promise<VersionRow | undefined> {
  const [row] = await tx
    .select()
    .from(promptVersions)
    .where(and(eq(promptVersions.projectId, projectId), eq(promptVersions.promptName, name), eq(promptVersions.version, version)));
  return row;
}

/** 422 on `version` when the prompt has no such version: a label may only point at a version that exists. */
export function missingVersion(prompt: PromptRow, version: number): AppError {
  const message = `Prompt "${prompt.name}" has no version ${version}; its versions are 1 to ${prompt.latestVersion}.`;
  return new AppError("UNPROCESSABLE_ENTITY", message, [{ path: "version", message }]);
}

/** Labels sorted so production and staging lead, then custom ones by name. */
export function sortLabels(labels: string[]): string[] {
  const rank = (l: string) => (l === "production" ? 0 : l === "staging" ? 1 : l === LATEST ? 3 : 2);
  return [...labels].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
}

export function toView(prompt: PromptRow, v: VersionRow, labels: LabelState[]): PromptVersionView {
  const here = labels.filter((l) => l.version === v.version).map((l) => l.label);
  if (v.version === prompt.latestVersion) here.push(LATEST);
  return {
    name: prompt.name,
    type: prompt.type,
    version: v.version,
    prompt: v.prompt,
    config: v.config,
    labels: sortLabels(here),
    commitMessage: v.commitMessage,
    createdBy: v.authorLabel,
    createdAt: v.createdAt,
  };
}
