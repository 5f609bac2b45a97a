import { execFile } from "node:child_process";
import { randomUUID } from "node:crypto";
import path from "node:path";
import { promisify } from "node:util";
import { eq, sql } from "drizzle-orm";
import { inject, describe, expect, it } from "vitest";
import { apiKeys, memberships, organizations, projects, users } from "@/db/schema";
import { authenticateKey } from "@/lib/api-keys/authenticate";
import { testDb } from "@/test/db";

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, "..");

async function launch(envVars: Record<string, string>) {
  return run(path.join(root, "node_modules/.bin/tsx"), ["--conditions=react-server", "scripts/run.ts", "setup"], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: inject("databaseUrl"), ...envVars },
  });
}

describe("headless set-up through the launcher", () => {
  it("creates the org, project, owner and key pair once, however often it starts", async () => {
    const id = randomUUID().slice(0, 8);
    const env = {
      SEXTANT_INIT_ORG: `Acme ${id}`,
      SEXTANT_INIT_PROJECT: "Support bot",
      SEXTANT_INIT_ADMIN_EMAIL: `ops-${id}@acme.test`,
      SEXTANT_INIT_ADMIN_PASSWORD: "a long enough password",
      SEXTANT_INIT_PUBLIC_KEY: `pk-init${id}abcdefghijklmnopqrstu`,
      SEXTANT_INIT_SECRET_KEY: `sk-init${id}ABCDEFGHIJKLMNOPQRSTUVWX`,
    };
    await launch(env);
    await launch(env);

    const db = testDb();
    const orgs = await db.select().from(organizations).where(eq(organizations.name, env.SEXTANT_INIT_ORG));
    expect(orgs).toHaveLength(1);
    const orgId = orgs[0]!.id;
    expect(await db.select().from(projects).where(eq(projects.orgId, orgId))).toHaveLength(1);
    const found = await db.select().from(users).where(sql`lower(${users.email}) = ${env.SEXTANT_INIT_ADMIN_EMAIL}`);
    expect(found).toHaveLength(1);
    const [membership] = await db.select().from(memberships).where(eq(memberships.userId, found[0]!.id));
    expect(membership?.role).toBe("owner");
    expect(await db.select().from(apiKeys).where(eq(apiKeys.publicKey, env.SEXTANT_INIT_PUBLIC_KEY))).toHaveLength(1);

    const identity = await authenticateKey(db, env.SEXTANT_INIT_SECRET_KEY);
    expect(identity?.orgId).toBe(orgId);
    expect(identity?.kind).toBe("secret");
  });

  it("refuses a half-configured key pair with a clear message and a failing exit", async () => {
    const err = await launch({ SEXTANT_INIT_ORG: `Half ${randomUUID()}`, SEXTANT_INIT_PROJECT: "p", SEXTANT_INIT_PUBLIC_KEY: "pk-abcdefghijklmnopqrstuvwxyz" }).catch((e: { code: number; stderr: string }) => e);
    expect(err).toMatchObject({ code: 1 });
    expect((err as { stderr: string }).stderr).toContain("Set SEXTANT_INIT_PUBLIC_KEY and SEXTANT_INIT_SECRET_KEY together.");
  });
});
