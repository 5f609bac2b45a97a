import "server-only";
import { asc, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { projects } from "@/db/schema";
import { listOrgsForUser } from "./resolve";

/** Where a signed-in user should land: their org's first project, or creating one. */
export async function landingPath(db: Db, userId: string, orgId?: string): Promise<string> {
  const orgs = await listOrgsForUser(db, userId);
  const ordered = orgId ? [...orgs.filter((o) => o.id === orgId), ...orgs.filter((o) => o.id !== orgId)] : orgs;
  for (const org of ordered) {
    const [first] = await db.select({ id: projects.id }).from(projects).where(eq(projects.orgId, org.id)).orderBy(asc(projects.createdAt)).limit(1);
    if (first) return `/p/${first.id}`;
    if (orgId && org.id === orgId) break;
  }
  const target = ordered[0];
  return target ? `/new-project?org=${target.id}` : "/new-project";
}
