import "server-only";
import { and, asc, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { apiKeys, memberships, organizations, projects, users } from "@/db/schema";
import { assertKeyPair, hashSecret, secretPrefix } from "@/lib/api-keys/material";
import { recordAudit } from "@/lib/audit/record";
import { hashPassword } from "@/lib/auth/password";
import type { Actor } from "@/lib/context";

export type InitConfig = {
  org?: string;
  project?: string;
  adminEmail?: string;
  adminPassword?: string;
  publicKey?: string;
  secretKey?: string;
};

export type InitResult = { orgId: string; projectId: string | null; userId: string | null; created: string[] };

const INIT_LOCK = 7_318_222;
const SYSTEM: Actor = { type: "system", label: "headless set-up" };

export function initConfigFromEnv(e: {
  SEXTANT_INIT_ORG?: string;
  SEXTANT_INIT_PROJECT?: string;
  SEXTANT_INIT_ADMIN_EMAIL?: string;
  SEXTANT_INIT_ADMIN_PASSWORD?: string;
  SEXTANT_INIT_PUBLIC_KEY?: string;
  SEXTANT_INIT_SECRET_KEY?: string;
}): InitConfig | null {
  const config: InitConfig = {
    org: e.SEXTANT_INIT_ORG,
    project: e.SEXTANT_INIT_PROJECT,
    adminEmail: e.SEXTANT_INIT_ADMIN_EMAIL?.toLowerCase(),
    adminPassword: e.SEXTANT_INIT_ADMIN_PASSWORD,
    publicKey: e.SEXTANT_INIT_PUBLIC_KEY,
    secretKey: e.SEXTANT_INIT_SECRET_KEY,
  };
  return Object.values(config).some(Boolean) ? config : null;
}

function validate(c: InitConfig): void {
  if (!c.org) throw new Error("SEXTANT_INIT_ORG is required when any SEXTANT_INIT_* variable is set.");
  if ((c.publicKey || c.secretKey) && !c.project) throw new Error("SEXTANT_INIT_PROJECT is required for SEXTANT_INIT_PUBLIC_KEY / SEXTANT_INIT_SECRET_KEY.");
  if (Boolean(c.publicKey) !== Boolean(c.secretKey)) throw new Error("Set SEXTANT_INIT_PUBLIC_KEY and SEXTANT_INIT_SECRET_KEY together.");
  if (c.publicKey && c.secretKey) assertKeyPair(c.publicKey, c.secretKey);
  if (Boolean(c.adminEmail) !== Boolean(c.adminPassword)) throw new Error("Set SEXTANT_INIT_ADMIN_EMAIL and SEXTANT_INIT_ADMIN_PASSWORD together.");
}

/**
 * Creates the configured org, project, owner and key pair where missing — matched
 * by org name, project name within it, email and public key — and never
 * duplicates. An advisory lock serializes instances starting together.
 */
export async function runInit(db: Db, config: InitConfig): Promise<InitResult> {
  // Emails are stored and matched in lower case (as sign-up does); a caller may pass any case.
  config = { ...config, adminEmail: config.adminEmail?.trim().toLowerCase() };
  validate(config);
  const passwordHash = config.adminPassword ? await hashPassword(config.adminPassword) : null;
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${INIT_LOCK})`);
    const created: string[] = [];
    let [org] = await tx.select().from(organizations).where(eq(organizations.name, config.org!)).orderBy(asc(organizations.createdAt)).limit(1);
    if (!org) {
      [org] = await tx.insert(organizations).values({ name: config.org! }).returning();
      await recordAudit(tx, SYSTEM, { orgId: org!.id, action: "org.create", resourceType: "org", resourceId: org!.id, after: { name: org!.name } });
      created.push("org");
    }
    const orgId = org!.id;

    let userId: string | null = null;
    if (config.adminEmail && passwordHash) {
      let [user] = await tx.select().from(users).where(sql`lower(${users.email}) = ${config.adminEmail}`);
      if (!user) {
        [user] = await tx.insert(users).values({ email: config.adminEmail, name: config.adminEmail.split("@")[0]!, passwordHash }).returning();
        created.push("user");
      }
      userId = user!.id;
      const [member] = await tx.select().from(memberships).where(and(eq(memberships.orgId, orgId), eq(memberships.userId, userId)));
      if (!member) {
        await tx.insert(memberships).values({ orgId, userId, role: "owner" });
        await recordAudit(tx, SYSTEM, { orgId, action: "member.add", resourceType: "member", resourceId: userId, after: { email: config.adminEmail, role: "owner" } });
        created.push("membership");
      }
    }

    let projectId: string | null = null;
    if (config.project) {
      let [project] = await tx
        .select()
        .from(projects)
        .where(and(eq(projects.orgId, orgId), eq(projects.name, config.project)))
        .orderBy(asc(projects.createdAt))
        .limit(1);
      if (!project) {
        [project] = await tx.insert(projects).values({ orgId, name: config.project }).returning();
        await recordAudit(tx, SYSTEM, { orgId, projectId: project!.id, action: "project.create", resourceType: "project", resourceId: project!.id, after: { name: project!.name } });
        created.push("project");
      }
      projectId = project!.id;
    }

    if (config.publicKey && config.secretKey && projectId) {
      const [key] = await tx.select().from(apiKeys).where(eq(apiKeys.publicKey, config.publicKey));
      if (key && key.projectId !== projectId) throw new Error("SEXTANT_INIT_PUBLIC_KEY already belongs to another project.");
      if (key && key.secretHash !== hashSecret(config.secretKey)) throw new Error("SEXTANT_INIT_PUBLIC_KEY exists with a different secret key.");
      if (!key) {
        const [row] = await tx
          .insert(apiKeys)
          .values({ projectId, name: "Set-up key", publicKey: config.publicKey, secretHash: hashSecret(config.secretKey), secretPrefix: secretPrefix(config.secretKey) })
          .returning({ id: apiKeys.id });
        await recordAudit(tx, SYSTEM, { orgId, projectId, action: "api_key.create", resourceType: "api_key", resourceId: row!.id, after: { name: "Set-up key", publicKey: config.publicKey } });
        created.push("api_key");
      }
    }
    return { orgId, projectId, userId, created };
  });
}
