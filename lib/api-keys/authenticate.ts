import "server-only";
import { keyKind, type KeyKind } from "@sextant/sdk";
import { and, eq, isNull, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { apiKeys, projects } from "@/db/schema";
import { hashSecret } from "./material";

export type KeyIdentity = { keyId: string; projectId: string; orgId: string; kind: KeyKind; name: string; publicKey: string };

/**
 * Lookups are cached for a few seconds so a burst of ingestion does not hit the
 * keys table per request. Revoking evicts the entry on this instance at once;
 * other instances see it within CACHE_TTL_MS.
 */
export const CACHE_TTL_MS = 5_000;
const LAST_USED_EVERY_MS = 60_000;
const MAX_ENTRIES = 10_000;

type Entry = { identity: KeyIdentity | null; expires: number };
// On globalThis because Next.js bundles route handlers and server actions
// separately: a module-level Map would give each its own cache, and a revoke
// through the console would not evict the entry the API routes read.
const shared = globalThis as typeof globalThis & { __sextantKeyCache?: { cache: Map<string, Entry>; lastUsedWritten: Map<string, number> } };
shared.__sextantKeyCache ??= { cache: new Map(), lastUsedWritten: new Map() };
const { cache, lastUsedWritten } = shared.__sextantKeyCache;

function cacheKey(kind: KeyKind, lookup: string): string {
  return `${kind}:${lookup}`;
}

export function forgetKey(publicKey: string, secretHash: string): void {
  cache.delete(cacheKey("public", publicKey));
  cache.delete(cacheKey("secret", secretHash));
}

/** Empties the lookup cache (benchmarks compare cached with uncached lookups). */
export function clearKeyCache(): void {
  cache.clear();
}

/** Parses `Authorization: Bearer <key>`; null when absent or not shaped like a key. */
export function bearerToken(header: string | null): string | null {
  const match = header ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null;
  return match?.[1] ?? null;
}

/** The project a key belongs to, or null for unknown and revoked keys. */
export async function authenticateKey(db: Db, token: string): Promise<KeyIdentity | null> {
  const kind = keyKind(token);
  if (!kind) return null;
  const lookup = kind === "secret" ? hashSecret(token) : token;
  const key = cacheKey(kind, lookup);
  const hit = cache.get(key);
  if (hit && hit.expires > Date.now()) return touch(db, hit.identity);

  const column = kind === "secret" ? apiKeys.secretHash : apiKeys.publicKey;
  const [row] = await db
    .select({ keyId: apiKeys.id, projectId: apiKeys.projectId, orgId: projects.orgId, name: apiKeys.name, publicKey: apiKeys.publicKey })
    .from(apiKeys)
    .innerJoin(projects, eq(projects.id, apiKeys.projectId))
    .where(and(eq(column, lookup), isNull(apiKeys.revokedAt)));
  const identity = row ? { ...row, kind } : null;
  if (cache.size >= MAX_ENTRIES) cache.clear();
  cache.set(key, { identity, expires: Date.now() + CACHE_TTL_MS });
  return touch(db, identity);
}

/** Records last use at most once a minute per key, off the request's critical path. */
function touch(db: Db, identity: KeyIdentity | null): KeyIdentity | null {
  if (!identity) return null;
  const now = Date.now();
  if ((lastUsedWritten.get(identity.keyId) ?? 0) + LAST_USED_EVERY_MS > now) return identity;
  lastUsedWritten.set(identity.keyId, now);
  db.update(apiKeys)
    .set({ lastUsedAt: sql`now()` })
    .where(and(eq(apiKeys.projectId, identity.projectId), eq(apiKeys.id, identity.keyId)))
    .catch((err: Error) => console.error("[api-keys] could not record last use:", err.message));
  return identity;
}
