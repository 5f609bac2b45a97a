import "server-only";
import { asc, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { modelPrices } from "@/db/schema";
import type { PriceRow } from "../match";
import { trimDecimal } from "../money";

/** How long ingest may price with a project's overrides before reading them again. */
export const OVERRIDES_TTL_MS = 10_000;
const MAX_PROJECTS = 10_000;

type Entry = { rows: Promise<readonly PriceRow[]>; expires: number };
// On globalThis because Next.js bundles route handlers and server actions separately:
// a module-level Map would give each its own cache, and a change made through the
// console would not evict the entry the ingest route reads.
const shared = globalThis as typeof globalThis & { __sextantPriceOverrides?: Map<string, Entry> };
shared.__sextantPriceOverrides ??= new Map();
const cache = shared.__sextantPriceOverrides;

/** A project's overrides straight from the database, oldest first (ties in findOverride go to the older row). */
export async function readOverrides(db: DbOrTx, projectId: string): Promise<PriceRow[]> {
  const rows = await db
    .select({
      id: modelPrices.id,
      modelPattern: modelPrices.modelPattern,
      inputPerMTok: modelPrices.inputPerMTok,
      outputPerMTok: modelPrices.outputPerMTok,
      cachedInputPerMTok: modelPrices.cachedInputPerMTok,
      reasoningPerMTok: modelPrices.reasoningPerMTok,
    })
    .from(modelPrices)
    .where(eq(modelPrices.projectId, projectId))
    .orderBy(asc(modelPrices.createdAt), asc(modelPrices.id));
  // Postgres answers numeric(20,9) as "0.500000000"; callers show the prices as written ("0.5").
  const trim = (v: string | null) => (v === null ? null : trimDecimal(v));
  return rows.map((r) => ({
    ...r,
    inputPerMTok: trimDecimal(r.inputPerMTok),
    outputPerMTok: trimDecimal(r.outputPerMTok),
    cachedInputPerMTok: trim(r.cachedInputPerMTok),
    reasoningPerMTok: trim(r.reasoningPerMTok),
  }));
}

/**
 * A project's overrides for the ingest path, cached for OVERRIDES_TTL_MS. The pending
 * read itself is cached, so a burst of batches shares one query; a failed read is not kept.
 */
export function loadOverrides(db: DbOrTx, projectId: string): Promise<readonly PriceRow[]> {
  const now = Date.now();
  const hit = cache.get(projectId);
  if (hit && hit.expires > now) return hit.rows;
  if (cache.size >= MAX_PROJECTS) {
    for (const [id, e] of cache) if (e.expires <= now) cache.delete(id);
    if (cache.size >= MAX_PROJECTS) cache.clear();
  }
  const entry: Entry = { rows: readOverrides(db, projectId), expires: now + OVERRIDES_TTL_MS };
  cache.set(projectId, entry);
  entry.rows.catch(() => {
    if (cache.get(projectId) === entry) cache.delete(projectId);
  });
  return entry.rows;
}

/**
 * Drops a project's cached overrides; create and delete call it after their commit,
 * so this instance prices with the change at once (others within OVERRIDES_TTL_MS).
 */
export function forgetOverrides(projectId: string): void {
  cache.delete(projectId);
}
