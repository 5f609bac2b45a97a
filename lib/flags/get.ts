import "server-only";
import { and, eq } from "drizzle-orm";
import { flags } from "@/db/schema";
import { assertCan, type ProjectCtx } from "@/lib/context";
import { notFound } from "@/lib/http/errors";
import { toRecord } from "./rows";
import type { FlagRecord } from "./schemas";

/** One flag of the project; another project's flag answers exactly like a missing one (404). */
export async function getFlag(ctx: ProjectCtx, input: { key: string }): Promise<FlagRecord> {
  assertCan(ctx, "flags.read");
  const [row] = await ctx.db
    .select()
    .from(flags)
    .where(and(eq(flags.projectId, ctx.projectId), eq(flags.key, input.key)));
  if (!row) throw notFound(`Flag "${input.key}"`);
  return toRecord(row);
}
