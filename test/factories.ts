import { randomUUID } from "node:crypto";
import type { ErrorCode } from "@sextant/sdk";
import { and, asc, eq, inArray, isNotNull, sql } from "drizzle-orm";
import { expect } from "vitest";
import { apiKeys, auditLog, invites, memberships, organizations, projects, users } from "../db/schema";
import type { Role } from "../lib/auth/permissions";
import type { OrgCtx, ProjectCtx } from "../lib/context";
import { AppError } from "../lib/http/errors";
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

/** Adds a fresh user to an organization with the given role. */
export async function addMember(orgId: string, role: Role, label: string = role) {
  const user = await makeUser(label);
  await testDb().insert(memberships).values({ orgId, userId: user.id, role });
  return user;
}

/** Awaits a call that must fail with an AppError of this code, and returns the error. */
export async function expectAppError(call: Promise<unknown> | (() => Promise<unknown>), code: ErrorCode): Promise<AppError> {
  const promise = typeof call === "function" ? call() : call;
  const err = await promise.then(
    () => new Error(`expected an AppError ${code}, but the call succeeded`),
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  expect((err as AppError).code).toBe(code);
  return err as AppError;
}

/** Every audit row of an organization, oldest first. */
export async function auditRowsOf(orgId: string) {
  return testDb().select().from(auditLog).where(eq(auditLog.orgId, orgId)).orderBy(asc(auditLog.id));
}

/** A count of the rows that can change in an org: a refused verb must leave all of them as they were. */
export async function orgFootprint(world: Pick<World, "orgId">) {
  const db = testDb();
  const count = async (q: Promise<{ n: number }[]>) => (await q)[0]!.n;
  const orgProjects = db.select({ id: projects.id }).from(projects).where(eq(projects.orgId, world.orgId));
  return {
    projects: await count(db.select({ n: sql<number>`count(*)::int` }).from(projects).where(eq(projects.orgId, world.orgId))),
    projectNames: (await db.select({ name: projects.name }).from(projects).where(eq(projects.orgId, world.orgId))).map((p) => p.name).sort(),
    apiKeys: await count(db.select({ n: sql<number>`count(*)::int` }).from(apiKeys).where(inArray(apiKeys.projectId, orgProjects))),
    revokedKeys: await count(
      db.select({ n: sql<number>`count(*)::int` }).from(apiKeys).where(and(inArray(apiKeys.projectId, orgProjects), isNotNull(apiKeys.revokedAt))),
    ),
    invites: await count(db.select({ n: sql<number>`count(*)::int` }).from(invites).where(eq(invites.orgId, world.orgId))),
    revokedInvites: await count(
      db.select({ n: sql<number>`count(*)::int` }).from(invites).where(and(eq(invites.orgId, world.orgId), isNotNull(invites.revokedAt))),
    ),
    memberships: (await db.select({ userId: memberships.userId, role: memberships.role }).from(memberships).where(eq(memberships.orgId, world.orgId)))
      .map((m) => `${m.userId}:${m.role}`)
      .sort(),
    audit: await count(db.select({ n: sql<number>`count(*)::int` }).from(auditLog).where(eq(auditLog.orgId, world.orgId))),
  };
}
