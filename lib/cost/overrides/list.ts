import "server-only";
import { asc, eq } from "drizzle-orm";
import { modelPrices } from "@/db/schema";
import { assertCan, type ProjectCtx } from "@/lib/context";
import { toOverride } from "./row";
import type { ModelPriceOverride } from "./schemas";

/** The project's price overrides, oldest first. */
export async function listModelPrices(ctx: ProjectCtx): Promise<ModelPriceOverride[]> {
  assertCan(ctx, "settings.read");
  const rows = await ctx.db
    .select()
    .from(modelPrices)
    .where(eq(modelPrices.projectId, ctx.projectId))
    .orderBy(asc(modelPrices.createdAt), asc(modelPrices.id));
  return rows.map(toOverride);
}
