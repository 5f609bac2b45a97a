import "server-only";
import { and, eq } from "drizzle-orm";
import { projects } from "@/db/schema";
import type { ProjectCtx } from "@/lib/context";
import { notFound } from "@/lib/http/errors";

/** The context's own project; the key or membership that built the context already proved access. */
export async function getProject(ctx: ProjectCtx): Promise<typeof projects.$inferSelect> {
  const [project] = await ctx.db.select().from(projects).where(and(eq(projects.id, ctx.projectId), eq(projects.orgId, ctx.orgId)));
  if (!project) throw notFound("Project");
  return project;
}
