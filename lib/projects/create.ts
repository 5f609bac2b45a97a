import "server-only";
import { projects } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record";
import { assertCan, type OrgCtx } from "@/lib/context";
import { fromZod } from "@/lib/http/errors";
import { CreateProjectInput } from "./schemas";

export type Project = typeof projects.$inferSelect;

export async function createProject(ctx: OrgCtx, input: CreateProjectInput): Promise<Project> {
  assertCan(ctx, "project.create");
  const parsed = CreateProjectInput.safeParse(input);
  if (!parsed.success) throw fromZod(parsed.error);
  return ctx.db.transaction(async (tx) => {
    const [project] = await tx.insert(projects).values({ orgId: ctx.orgId, name: parsed.data.name }).returning();
    await recordAudit(tx, ctx.actor, {
      orgId: ctx.orgId,
      projectId: project!.id,
      action: "project.create",
      resourceType: "project",
      resourceId: project!.id,
      after: { name: project!.name },
    });
    return project!;
  });
}
