// Shared by the launcher and `npm run db:migrate`: where the database is, migrated.
import { createDb } from "@/db/client";
import { startEmbedded, type EmbeddedServer } from "@/db/embedded";
import { runMigrations } from "@/db/migrate";
import { env } from "@/lib/config/env";
import { ensureDataDir } from "@/lib/config/data-dir";

export type Database = { url: string; embedded: EmbeddedServer | null; dataDir: string };

export async function openDatabase(): Promise<Database> {
  const e = env();
  const dataDir = ensureDataDir(e.SEXTANT_DATA_DIR);
  if (e.DATABASE_URL) return { url: e.DATABASE_URL, embedded: null, dataDir };
  const embedded = await startEmbedded(dataDir);
  return { url: embedded.url, embedded, dataDir };
}

export async function migrate(url: string): Promise<void> {
  const { db, pool } = createDb(url, 2);
  try {
    await runMigrations(db, pool);
  } finally {
    await pool.end();
  }
}
