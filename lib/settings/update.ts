import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { projects, projectSettings } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record";
import { assertCan, type ProjectCtx } from "@/lib/context";
import { fromZod, notFound } from "@/lib/http/errors";
import { forgetIngestSettings } from "./load";
import { mergeSettings, resolveSettings } from "./resolve";
import { ProjectSettingsInput, type ProjectSettings } from "./schemas";

/** Saves a partial change to the project's settings and audits it; a change that changes nothing writes nothing. */
export async function updateProjectSettings(ctx: ProjectCtx, input: ProjectSettingsInput): Promise<ProjectSettings> {
  assertCan(ctx, "settings.update");
  const parsed = ProjectSettingsInput.safeParse(input);
  if (!parsed.success) throw fromZod(parsed.error);
  const after = await ctx.db.transaction(async (tx) => {
    // Locking the project row serializes concurrent updates, so `before` in the audit row is exact.
    // "no key update" does not block ingestion's foreign-key checks against the project.
    const [project] = await tx
      .select({ id: projects.id })
      .from(projects)
      .where(and(eq(projects.id, ctx.projectId), eq(projects.orgId, ctx.orgId)))
      .for("no key update");
    if (!project) throw notFound("Project");
    const [row] = await tx
      .select({ retentionDays: projectSettings.retentionDays, redaction: projectSettings.redaction })
      .from(projectSettings)
      .where(eq(projectSettings.projectId, ctx.projectId));
    const before = resolveSettings(row ?? null);
    const next = mergeSettings(before, parsed.data);
    if (JSON.stringify(next) === JSON.stringify(before)) return next;
    const values = { retentionDays: next.retentionDays, redaction: next.redaction };
    await tx
      .insert(projectSettings)
      .values({ projectId: ctx.projectId, ...values })
      .onConflictDoUpdate({ target: projectSettings.projectId, set: { ...values, updatedAt: sql`now()` } });
    await recordAudit(tx, ctx.actor, {
      orgId: ctx.orgId,
      projectId: ctx.projectId,
      action: "settings.update",
      resourceType: "project_settings",
      resourceId: ctx.projectId,
      before,
      after: next,
    });
    return next;
  });
  // After the commit, so a load that starts now reads the new row.
  forgetIngestSettings(ctx.projectId);
  return after;
}
