import "server-only";
import { and, asc, eq } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { memberships, organizations, projects, users } from "@/db/schema";
import type { Role } from "@/lib/auth/permissions";
import type { OrgCtx, ProjectCtx } from "@/lib/context";
import { notFound, unauthorized } from "@/lib/http/errors";

export type OrgSummary = { id: string; name: string; role: Role };
export type ProjectRef = { id: string; name: string; orgId: string };

async function userEmail(db: Db, userId: string): Promise<string> {
  const [u] = await db.select({ email: users.email }).from(users).where(eq(users.id, userId));
  if (!u) throw unauthorized("Your account no longer exists. Sign in again.");
  return u.email;
}

/** Organizations the user belongs to, with their role in each. */
export async function listOrgsForUser(db: Db, userId: string): Promise<OrgSummary[]> {
  return db
    .select({ id: organizations.id, name: organizations.name, role: memberships.role })
    .from(memberships)
    .innerJoin(organizations, eq(organizations.id, memberships.orgId))
    .where(eq(memberships.userId, userId))
    .orderBy(asc(memberships.createdAt));
}

/** The user's context in an organization; 404 when they are not a member. */
export async function orgContext(db: Db, userId: string, orgId: string): Promise<OrgCtx> {
  if (!z.uuid().safeParse(orgId).success) throw notFound("Organization");
  const [m] = await db
    .select({ role: memberships.role })
    .from(memberships)
    .where(and(eq(memberships.orgId, orgId), eq(memberships.userId, userId)));
  if (!m) throw notFound("Organization");
  return { db, orgId, actor: { type: "user", userId, email: await userEmail(db, userId), role: m.role } };
}

/**
 * The user's context in a project. A project in an organization they do not
 * belong to answers exactly like one that does not exist.
 */
export async function projectContext(db: Db, userId: string, projectId: string): Promise<ProjectCtx & { project: ProjectRef }> {
  if (!z.uuid().safeParse(projectId).success) throw notFound("Project");
  const [row] = await db
    .select({ id: projects.id, name: projects.name, orgId: projects.orgId, role: memberships.role })
    .from(projects)
    .innerJoin(memberships, and(eq(memberships.orgId, projects.orgId), eq(memberships.userId, userId)))
    .where(eq(projects.id, projectId));
  if (!row) throw notFound("Project");
  const actor = { type: "user" as const, userId, email: await userEmail(db, userId), role: row.role };
  return { db, orgId: row.orgId, projectId: row.id, actor, project: { id: row.id, name: row.name, orgId: row.orgId } };
}
