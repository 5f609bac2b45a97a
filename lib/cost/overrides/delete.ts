import "server-only";
import { and, eq } from "drizzle-orm";
import { modelPrices } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record";
import { assertCan, type ProjectCtx } from "@/lib/context";
import { fromZod, notFound } from "@/lib/http/errors";
import { forgetOverrides } from "./load";
import { auditShape, toOverride } from "./row";
import { DeleteModelPriceInput } from "./schemas";

/** Removes one of the project's price overrides; the shipped table (if any) prices the model again. */
export async function deleteModelPrice(ctx: ProjectCtx, input: DeleteModelPriceInput): Promise<void> {
  assertCan(ctx, "settings.update");
  const parsed = DeleteModelPriceInput.safeParse(input);
  if (!parsed.success) throw fromZod(parsed.error);
  await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .delete(modelPrices)
      .where(and(eq(modelPrices.projectId, ctx.projectId), eq(modelPrices.id, parsed.data.id)))
      .returning();
    if (!row) throw notFound("Model price");
    await recordAudit(tx, ctx.actor, {
      orgId: ctx.orgId,
      projectId: ctx.projectId,
      action: "model_price.delete",
      resourceType: "model_price",
      resourceId: row.id,
      before: auditShape(toOverride(row)),
    });
  });
  forgetOverrides(ctx.projectId);
}
