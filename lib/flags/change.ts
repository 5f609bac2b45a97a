import "server-only";
import { isDeepStrictEqual } from "node:util";
import type { Flag } from "@sextant/sdk";
import { and, eq, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { flags } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record";
import type { ProjectCtx } from "@/lib/context";
import { conflict, fromZod, notFound } from "@/lib/http/errors";
import { bumpRevision, lockRevision } from "./revision";
import { toColumns, toFlag, toRecord } from "./rows";
import { CreateFlagInput, type FlagRecord } from "./schemas";

/** Validates a whole definition with the SDK's schema: 422 with every issue's path, nothing stored. */
export function parseFlag(input: unknown): Flag {
  const parsed = CreateFlagInput.safeParse(input);
  if (!parsed.success) throw fromZod(parsed.error, "The flag is invalid.");
  return parsed.data;
}

/** The flag's row, locked for this transaction; 404 when it is not in the project. */
export async function lockFlag(tx: DbOrTx, projectId: string, key: string, ifVersion?: number) {
  const [row] = await tx
    .select()
    .from(flags)
    .where(and(eq(flags.projectId, projectId), eq(flags.key, key)))
    .for("update");
  if (!row) throw notFound(`Flag "${key}"`);
  if (ifVersion !== undefined && row.version !== ifVersion) {
    throw conflict(`Flag "${key}" changed since you loaded it (it is at version ${row.version}, you sent ${ifVersion}). Load it again and reapply your change.`);
  }
  return row;
}

export type ChangeSpec = {
  key: string;
  /** When given, the change applies only if the flag is still at this version (If-Match). */
  ifVersion?: number;
  action: "flag.update" | "flag.toggle";
  /** The new definition (validated here), built from the current one. */
  next: (current: Flag) => unknown;
};

/**
 * Read-modify-write of one flag under the project's flag lock: the new definition is validated
 * whole, stored with version + 1, the config revision bumped and an audit row with before and
 * after written, all in one transaction. A change that changes nothing writes nothing.
 */
export async function changeFlag(ctx: ProjectCtx, spec: ChangeSpec): Promise<FlagRecord> {
  return ctx.db.transaction(async (tx) => {
    await lockRevision(tx, ctx.projectId);
    const row = await lockFlag(tx, ctx.projectId, spec.key, spec.ifVersion);
    const before = toFlag(row);
    const after = parseFlag(spec.next(before));
    if (isDeepStrictEqual(before, after)) return toRecord(row);
    const [updated] = await tx
      .update(flags)
      .set({ ...toColumns(after), version: sql`${flags.version} + 1`, updatedAt: sql`now()` })
      .where(and(eq(flags.projectId, ctx.projectId), eq(flags.key, spec.key)))
      .returning();
    await bumpRevision(tx, ctx.projectId);
    await recordAudit(tx, ctx.actor, { orgId: ctx.orgId, projectId: ctx.projectId, action: spec.action, resourceType: "flag", resourceId: spec.key, before, after });
    return toRecord(updated!);
  });
}
