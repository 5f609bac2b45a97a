import "server-only";
import type { Flag, Limits } from "@sextant/sdk";
import { asc, eq } from "drizzle-orm";
import { flags } from "@/db/schema";
import { hasLimits, limitsFor } from "@/lib/budgets/limits";
import { assertCan, can, type ProjectCtx } from "@/lib/context";
import { fromZod } from "@/lib/http/errors";
import { currentRevision } from "./revision";
import { toFlag } from "./rows";
import { ConfigQuery } from "./schemas";

/**
 * What SDKs evaluate locally: every definition, optionally cut down to one environment, and
 * (for keys that may read budgets: the secret key) the budgets and per-user limits they enforce.
 */
export type FlagConfig = { revision: number; environment: string | null; flags: Flag[]; limits?: Limits };

/** Bump when the config's shape changes, so SDKs holding an old ETag fetch the new shape. */
const CONFIG_FORMAT = "v2";

/** How often the spend-so-far in `limits` is refreshed: the ETag of a project with limits changes this often. */
export const SPEND_REFRESH_MS = 60_000;

/**
 * The config ETag is the project's flag revision (bumped with every change, budgets included),
 * so answering 304 costs one primary-key read and never loads a definition. With limits it
 * also names the current spend epoch: spend moves without a revision, so SDKs fetch it again
 * once per SPEND_REFRESH_MS (and add their own calls on top in between).
 */
function etagOf(projectId: string, revision: number, environment: string | null, spendEpoch: number | null): string {
  return `"flags-${CONFIG_FORMAT}-${projectId}-${revision}-${environment ?? "*"}${spendEpoch === null ? "" : `-s${spendEpoch}`}"`;
}

/** The spend epoch for the ETag, or null when the caller gets no limits (public key, or none defined). */
async function spendEpoch(ctx: ProjectCtx, now: number): Promise<number | null> {
  if (!can(ctx.actor, "budgets.read") || !(await hasLimits(ctx.db, ctx.projectId))) return null;
  return Math.floor(now / SPEND_REFRESH_MS);
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
  const [revision, epoch] = await Promise.all([currentRevision(ctx.db, ctx.projectId), spendEpoch(ctx, Date.now())]);
  return etagOf(ctx.projectId, revision, environment, epoch);
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
  const now = Date.now();
  const epoch = await spendEpoch(ctx, now);
  const config: FlagConfig = { revision, environment, flags: definitions };
  const limits = epoch === null ? null : await limitsFor(ctx, now);
  if (limits) config.limits = limits;
  return { etag: etagOf(ctx.projectId, revision, environment, limits ? epoch : null), config };
}
