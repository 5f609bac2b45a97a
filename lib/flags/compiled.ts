import "server-only";
import { compileFlag, type CompiledFlag } from "@sextant/sdk";
import { asc, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { flags } from "@/db/schema";
import { currentRevision } from "./revision";
import { toFlag } from "./rows";

/** `flags` iterates in key order. */
export type CompiledSnapshot = { revision: number; flags: ReadonlyMap<string, CompiledFlag> };

const MAX_PROJECTS = 1_000;
// On globalThis because Next.js bundles route handlers separately (see lib/api-keys/authenticate.ts).
const shared = globalThis as typeof globalThis & { __sextantCompiledFlags?: Map<string, CompiledSnapshot> };
shared.__sextantCompiledFlags ??= new Map();
const cache = shared.__sextantCompiledFlags;

/**
 * The project's flags, compiled once per revision. Each call reads the revision (one
 * primary-key lookup), so every instance serves a change from its next request on.
 */
export async function compiledFlags(db: Db, projectId: string): Promise<CompiledSnapshot> {
  const revision = await currentRevision(db, projectId);
  const hit = cache.get(projectId);
  if (hit && hit.revision === revision) return hit;
  const snapshot = await db.transaction(
    async (tx) => {
      const rows = await tx.select().from(flags).where(eq(flags.projectId, projectId)).orderBy(asc(flags.key));
      const compiled = new Map<string, CompiledFlag>();
      for (const row of rows) compiled.set(row.key, compileFlag(toFlag(row)));
      return { revision: await currentRevision(tx, projectId), flags: compiled };
    },
    { isolationLevel: "repeatable read", accessMode: "read only" },
  );
  cache.delete(projectId);
  if (cache.size >= MAX_PROJECTS) cache.delete(cache.keys().next().value!);
  cache.set(projectId, snapshot);
  return snapshot;
}
