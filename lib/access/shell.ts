import "server-only";
import { eq } from "drizzle-orm";
import { users } from "@/db/schema";
import { can, type ProjectCtx } from "@/lib/context";
import { listProjects } from "@/lib/projects/list";
import { listOrgsForUser } from "./resolve";

/** Everything the console frame needs: who you are, where you are, where you can go. */
export async function shellData(ctx: ProjectCtx & { project: { name: string } }) {
  if (ctx.actor.type !== "user") throw new Error("The console is for signed-in users.");
  const userId = ctx.actor.userId;
  const [orgs, projects, [user]] = await Promise.all([
    listOrgsForUser(ctx.db, userId),
    listProjects(ctx),
    ctx.db.select({ name: users.name, email: users.email }).from(users).where(eq(users.id, userId)),
  ]);
  const org = orgs.find((o) => o.id === ctx.orgId);
  return {
    user: { name: user?.name ?? "", email: user?.email ?? "", role: ctx.actor.role },
    orgs: orgs.map((o) => ({ id: o.id, name: o.name })),
    projects,
    current: { orgId: ctx.orgId, orgName: org?.name ?? "", projectId: ctx.projectId, projectName: ctx.project.name },
    canCreateProject: can(ctx.actor, "project.create"),
  };
}
