import "server-only";
import { asc, eq } from "drizzle-orm";
import { projects } from "@/db/schema";
import { assertCan, type OrgCtx } from "@/lib/context";

export async function listProjects(ctx: OrgCtx): Promise<{ id: string; name: string; createdAt: Date }[]> {
  assertCan(ctx, "project.read");
  return ctx.db
    .select({ id: projects.id, name: projects.name, createdAt: projects.createdAt })
    .from(projects)
    .where(eq(projects.orgId, ctx.orgId))
    .orderBy(asc(projects.createdAt));
}
