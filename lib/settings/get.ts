import "server-only";
import { eq } from "drizzle-orm";
import { projectSettings } from "@/db/schema";
import { assertCan, type ProjectCtx } from "@/lib/context";
import { resolveSettings } from "./resolve";
import type { ProjectSettings } from "./schemas";

/** The project's settings; the defaults (30 days, every detector on, no patterns) until someone saves them. */
export async function getProjectSettings(ctx: ProjectCtx): Promise<ProjectSettings> {
  assertCan(ctx, "settings.read");
  const [row] = await ctx.db
    .select({ retentionDays: projectSettings.retentionDays, redaction: projectSettings.redaction })
    .from(projectSettings)
    .where(eq(projectSettings.projectId, ctx.projectId));
  return resolveSettings(row ?? null);
}
