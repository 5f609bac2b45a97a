import "server-only";
import type { Flag } from "@sextant/sdk";
import { asc, eq } from "drizzle-orm";
import { flags } from "@/db/schema";
import { assertCan, type ProjectCtx } from "@/lib/context";
import { fromZod } from "@/lib/http/errors";
import { currentRevision } from "./revision";
import { toFlag } from "./rows";
import { ConfigQuery } from "./schemas";

/** What SDKs evaluate locally: every definition, optionally cut down to one environment. */
export type FlagConfig = { revision: number; environment: string | null; flags: Flag[] };

/** Bump when the config's shape changes, so SDKs holding an old ETag fetch the new shape. */
const CONFIG_FORMAT = "v1";

/**
 * The config ETag is the project's flag revision (bumped with every change), so answering 304
 * costs one primary-key read and never loads a definition.
 */
function etagOf(projectId: string, revision: number, environment: string | null): string {
  return `"flags-${CONFIG_FORMAT}-${projectId}-${revision}-${environment ?? "*"}"`;
}

function parseQuery(query: unknown): string | null {
  const parsed = ConfigQuery.safeParse(query);
  if (!parsed.success) throw fromZod(parsed.error);
  return parsed.data.environment ?? null;
}

/** The current config ETag, without loading the flags (for If-None-Match). */
export async function flagConfigEtag(ctx: ProjectCtx, query: { environment?: string }): Promise<string> {
  assertCan(ctx, "flags.read");
  const environment = parseQuery(query);
  return etagOf(ctx.projectId, await currentRevision(ctx.db, ctx.projectId), environment);
}

/** Every flag of the project at one revision (read in one snapshot, so the ETag matches the body). */
export async function flagConfig(ctx: ProjectCtx, query: { environment?: string }): Promise<{ etag: string; config: FlagConfig }> {
  assertCan(ctx, "flags.read");
  const environment = parseQuery(query);
  const { revision, rows } = await ctx.db.transaction(
    async (tx) => ({
      revision: await currentRevision(tx, ctx.projectId),
      rows: await tx.select().from(flags).where(eq(flags.projectId, ctx.projectId)).orderBy(asc(flags.key)),
    }),
    { isolationLevel: "repeatable read", accessMode: "read only" },
  );
  const definitions = rows.map((row) => {
    const flag = toFlag(row);
    if (environment === null) return flag;
    // An SDK runs in one environment: it needs only that one's rules.
    const env = Object.hasOwn(flag.environments, environment) ? flag.environments[environment] : undefined;
    return { ...flag, environments: env ? { [environment]: env } : {} };
  });
  return { etag: etagOf(ctx.projectId, revision, environment), config: { revision, environment, flags: definitions } };
}
