import "server-only";
import path from "node:path";
import { migrate } from "drizzle-orm/node-postgres/migrator";
import type pg from "pg";
import type { Db } from "./client";

const MIGRATION_LOCK = 7_318_221; // any constant shared by every instance

/**
 * Applies the committed SQL migrations in `drizzle/`. Safe on every start and from
 * several instances at once: an advisory lock lets one migrate while others wait.
 */
export async function runMigrations(db: Db, pool: pg.Pool, root = process.cwd()): Promise<void> {
  const lock = await pool.connect();
  try {
    await lock.query("select pg_advisory_lock($1)", [MIGRATION_LOCK]);
    await migrate(db, { migrationsFolder: path.join(root, "drizzle") });
  } finally {
    await lock.query("select pg_advisory_unlock($1)", [MIGRATION_LOCK]).catch(() => undefined);
    lock.release();
  }
}
