import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { modelPrices } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record";
import { assertCan, type ProjectCtx } from "@/lib/context";
import { conflict, fromZod } from "@/lib/http/errors";
import { forgetOverrides } from "./load";
import { auditShape, toOverride } from "./row";
import { CreateModelPriceInput, type ModelPriceOverride } from "./schemas";

/**
 * Adds a price for a model id or pattern in this project; it beats the shipped table
 * for events ingested from now on (costs already stored are not recomputed).
 */
export async function createModelPrice(ctx: ProjectCtx, input: CreateModelPriceInput): Promise<ModelPriceOverride> {
  assertCan(ctx, "settings.update");
  const parsed = CreateModelPriceInput.safeParse(input);
  if (!parsed.success) throw fromZod(parsed.error);
  const data = parsed.data;
  const created = await ctx.db.transaction(async (tx) => {
    // There is no unique index on the pattern; serialize creates per project so the
    // duplicate check below cannot race with a concurrent create.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`model_prices:${ctx.projectId}`}, 0))`);
    const [dupe] = await tx
      .select({ id: modelPrices.id })
      .from(modelPrices)
      .where(and(eq(modelPrices.projectId, ctx.projectId), sql`lower(${modelPrices.modelPattern}) = lower(${data.modelPattern})`));
    if (dupe) throw conflict(`This project already has a price for "${data.modelPattern}". Delete it first to change it.`);
    const [row] = await tx
      .insert(modelPrices)
      .values({
        projectId: ctx.projectId,
        modelPattern: data.modelPattern,
        inputPerMTok: data.inputPerMTok,
        outputPerMTok: data.outputPerMTok,
        cachedInputPerMTok: data.cachedInputPerMTok ?? null,
        reasoningPerMTok: data.reasoningPerMTok ?? null,
      })
      .returning();
    const override = toOverride(row!);
    await recordAudit(tx, ctx.actor, {
      orgId: ctx.orgId,
      projectId: ctx.projectId,
      action: "model_price.create",
      resourceType: "model_price",
      resourceId: override.id,
      after: auditShape(override),
    });
    return override;
  });
  forgetOverrides(ctx.projectId);
  return created;
}
