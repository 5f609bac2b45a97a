import "server-only";
import { and, asc, desc, eq } from "drizzle-orm";
import { promptLabels, promptVersions } from "@/db/schema";
import type { ProjectCtx } from "@/lib/context";
import { fromZod, notFound, AppError } from "@/lib/http/errors";
import { assertPromptCan } from "./permissions";
import { findPrompt, findVersion, labelsOf, toView } from "./rows";
import { LATEST, PRODUCTION, PromptName, PromptSelector, type PromptVersionView } from "./schemas";

/** GET /api/v1/prompts/{name}?label=…|version=…: one version, by default the one labelled production. */
export async function getPrompt(ctx: ProjectCtx, name: string, selector: PromptSelector = {}): Promise<PromptVersionView> {
  assertPromptCan(ctx, "prompts.read");
  const n = PromptName.safeParse(name);
  if (!n.success) throw notFound(`Prompt "${name}"`);
  const s = PromptSelector.safeParse(selector);
  if (!s.success) throw fromZod(s.error);
  const prompt = await findPrompt(ctx.db, ctx.projectId, n.data);
  const labels = await labelsOf(ctx.db, ctx.projectId, prompt.name);
  let version: number;
  if (s.data.version !== undefined) version = s.data.version;
  else if (s.data.label === LATEST) version = prompt.latestVersion;
  else {
    const label = s.data.label ?? PRODUCTION;
    const found = labels.find((l) => l.label === label);
    if (!found) throw new AppError("NOT_FOUND", `Prompt "${prompt.name}" has no version labelled ${label}${label === PRODUCTION ? "; ask for ?label=latest or move production to a version" : ""}.`);
    version = found.version;
  }
  const row = await findVersion(ctx.db, ctx.projectId, prompt.name, version);
  if (!row) throw new AppError("NOT_FOUND", `Prompt "${prompt.name}" has no version ${version}.`);
  return toView(prompt, row, labels);
}

export type VersionSummary = { version: number; commitMessage: string | null; createdBy: string; createdAt: Date; labels: string[] };

/** Every version of a prompt, newest first, with the labels on each: the history. */
export async function listVersions(ctx: ProjectCtx, name: string): Promise<VersionSummary[]> {
  assertPromptCan(ctx, "prompts.read");
  if (!PromptName.safeParse(name).success) throw notFound(`Prompt "${name}"`);
  const prompt = await findPrompt(ctx.db, ctx.projectId, name);
  const [rows, labels] = await Promise.all([
    ctx.db
      .select({ version: promptVersions.version, commitMessage: promptVersions.commitMessage, createdBy: promptVersions.authorLabel, createdAt: promptVersions.createdAt })
      .from(promptVersions)
      .where(and(eq(promptVersions.projectId, ctx.projectId), eq(promptVersions.promptName, prompt.name)))
      .orderBy(desc(promptVersions.version)),
    ctx.db
      .select({ label: promptLabels.label, version: promptLabels.version })
      .from(promptLabels)
      .where(and(eq(promptLabels.projectId, ctx.projectId), eq(promptLabels.promptName, prompt.name)))
      .orderBy(asc(promptLabels.label)),
  ]);
  return rows.map((r) => ({
    ...r,
    labels: [...labels.filter((l) => l.version === r.version).map((l) => l.label), ...(r.version === prompt.latestVersion ? [LATEST] : [])],
  }));
}
