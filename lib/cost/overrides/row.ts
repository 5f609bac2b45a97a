import "server-only";
import type { modelPrices } from "@/db/schema";
import { trimDecimal } from "../money";
import type { ModelPriceOverride } from "./schemas";

/** A stored row → the API shape; Postgres answers numeric(20,9) as "2.500000000", shown as "2.5". */
export function toOverride(row: typeof modelPrices.$inferSelect): ModelPriceOverride {
  return {
    id: row.id,
    modelPattern: row.modelPattern,
    inputPerMTok: trimDecimal(row.inputPerMTok),
    outputPerMTok: trimDecimal(row.outputPerMTok),
    cachedInputPerMTok: row.cachedInputPerMTok === null ? null : trimDecimal(row.cachedInputPerMTok),
    reasoningPerMTok: row.reasoningPerMTok === null ? null : trimDecimal(row.reasoningPerMTok),
    createdAt: row.createdAt,
  };
}

/** What the audit log keeps of an override: everything but its bookkeeping. */
export function auditShape(o: ModelPriceOverride) {
  return {
    modelPattern: o.modelPattern,
    inputPerMTok: o.inputPerMTok,
    outputPerMTok: o.outputPerMTok,
    cachedInputPerMTok: o.cachedInputPerMTok,
    reasoningPerMTok: o.reasoningPerMTok,
  };
}
