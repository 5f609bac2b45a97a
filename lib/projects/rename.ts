import "server-only";
import { and, eq } from "drizzle-orm";
import { projects } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record";
import { assertCan, type ProjectCtx } from "@/lib/context";
import { fromZod, notFound } from "@/lib/http/errors";
import { RenameProjectInput } from "./schemas";

export async function renameProject(ctx: ProjectCtx, input: RenameProjectInput): Promise<{ id: string; name: string }> {
  assertCan(ctx, "project.update");
  const parsed = RenameProjectInput.safeParse(input);
  if (!parsed.success) throw fromZod(parsed.error);
  return ctx.db.transaction(async (tx) => {
    const where = and(eq(projects.id, ctx.projectId), eq(projects.orgId, ctx.orgId));
    const [before] = await tx.select().from(projects).where(where).for("update");
    if (!before) throw notFound("Project");
    await tx.update(projects).set({ name: parsed.data.name }).where(where);
    await recordAudit(tx, ctx.actor, {
      orgId: ctx.orgId,
      projectId: ctx.projectId,
      action: "project.update",
      resourceType: "project",
      resourceId: ctx.projectId,
      before: { name: before.name },
      after: { name: parsed.data.name },
    });
    return { id: ctx.projectId, name: parsed.data.name };
  });
}
