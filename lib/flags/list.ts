import "server-only";
import { asc, eq } from "drizzle-orm";
import { flags } from "@/db/schema";
import { assertCan, type ProjectCtx } from "@/lib/context";
import { toRecord } from "./rows";
import type { FlagRecord } from "./schemas";

/** Every flag of the project, by key. Projects hold tens to hundreds of flags: no paging. */
export async function listFlags(ctx: ProjectCtx): Promise<FlagRecord[]> {
  assertCan(ctx, "flags.read");
  const rows = await ctx.db.select().from(flags).where(eq(flags.projectId, ctx.projectId)).orderBy(asc(flags.key));
  return rows.map(toRecord);
}
