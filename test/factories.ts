import { randomUUID } from "node:crypto";
import { memberships, organizations, projects, users } from "../db/schema";
import type { Role } from "../lib/auth/permissions";
import type { OrgCtx, ProjectCtx } from "../lib/context";
import { testDb } from "./db";

// A fixed, precomputed hash keeps factories fast; sign-up tests use the real hash.
const PASSWORD_HASH = "scrypt$32768$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=";

export async function makeUser(label = "user") {
  const db = testDb();
  const email = `${label}-${randomUUID()}@example.test`;
  const [user] = await db.insert(users).values({ email, name: label, passwordHash: PASSWORD_HASH }).returning();
  return user!;
}

export type World = {
  orgId: string;
  projectId: string;
  /** A project context acting as a member with the given role. */
  as: (role: Role) => ProjectCtx;
  users: Record<Role, { id: string; email: string }>;
};

/** A fresh organization with one project and one member per role: each test gets its own. */
export async function makeWorld(): Promise<World> {
  const db = testDb();
  const [org] = await db.insert(organizations).values({ name: `org-${randomUUID()}` }).returning();
  const [project] = await db.insert(projects).values({ orgId: org!.id, name: "project" }).returning();
  const roles: Role[] = ["owner", "admin", "member", "reviewer", "viewer"];
  const entries = await Promise.all(
    roles.map(async (role) => {
      const user = await makeUser(role);
      await db.insert(memberships).values({ orgId: org!.id, userId: user.id, role });
      return [role, { id: user.id, email: user.email }] as const;
    }),
  );
  const byRole = Object.fromEntries(entries) as World["users"];
  return {
    orgId: org!.id,
    projectId: project!.id,
    users: byRole,
    as: (role) => ({
      db,
      orgId: org!.id,
      projectId: project!.id,
      actor: { type: "user", userId: byRole[role].id, email: byRole[role].email, role },
    }),
  };
}

export function orgCtx(ctx: ProjectCtx): OrgCtx {
  return { db: ctx.db, orgId: ctx.orgId, actor: ctx.actor };
}
