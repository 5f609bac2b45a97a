import "server-only";
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { projectSettings } from "@/db/schema";
import { compileRedactor, type Redactor } from "@/lib/redaction/redact";
import { DEFAULT_RETENTION_DAYS } from "./schemas";

export type IngestSettings = { redactor: Redactor; retentionDays: number };

/** How long an instance reuses a project's settings; an update on this instance evicts them at once. */
export const INGEST_SETTINGS_TTL_MS = 10_000;
const MAX_ENTRIES = 10_000;

type Entry = { settings: Promise<IngestSettings>; expires: number };
// On globalThis because Next.js bundles route handlers and server actions separately:
// a module-level Map would give each bundle its own cache, and an update saved through
// the console would not evict the entry the ingest route reads.
const shared = globalThis as typeof globalThis & { __sextantIngestSettings?: Map<string, Entry> };
shared.__sextantIngestSettings ??= new Map();
const cache = shared.__sextantIngestSettings;

async function read(db: Db, projectId: string): Promise<IngestSettings> {
  const [row] = await db
    .select({ retentionDays: projectSettings.retentionDays, redaction: projectSettings.redaction })
    .from(projectSettings)
    .where(eq(projectSettings.projectId, projectId));
  return { redactor: compileRedactor(row?.redaction ?? null), retentionDays: row?.retentionDays ?? DEFAULT_RETENTION_DAYS };
}

/**
 * The redactor and retention for a project's ingest path, compiled once and cached
 * for INGEST_SETTINGS_TTL_MS. Concurrent batches share one in-flight read.
 */
export function loadIngestSettings(db: Db, projectId: string): Promise<IngestSettings> {
  const now = Date.now();
  const hit = cache.get(projectId);
  if (hit && hit.expires > now) return hit.settings;
  if (cache.size >= MAX_ENTRIES) cache.clear();
  const entry: Entry = { settings: read(db, projectId), expires: now + INGEST_SETTINGS_TTL_MS };
  cache.set(projectId, entry);
  // A failed read is not cached: the next batch tries again.
  entry.settings.catch(() => {
    if (cache.get(projectId) === entry) cache.delete(projectId);
  });
  return entry.settings;
}

/** Drops a project's cached settings (called after every saved update). */
export function forgetIngestSettings(projectId: string): void {
  cache.delete(projectId);
}
