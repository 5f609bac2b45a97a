import "server-only";
import { assertCan, type ProjectCtx } from "@/lib/context";
import { fromZod } from "@/lib/http/errors";
import { findPrice, type MatchedPrice } from "../match";
import { readOverrides } from "./load";
import { ResolveModelPriceInput } from "./schemas";

/**
 * Which price ingest would apply to a model id in this project — "why is this
 * request unpriced?". Reads the overrides fresh, not through ingest's cache.
 */
export async function resolveModelPrice(ctx: ProjectCtx, input: ResolveModelPriceInput): Promise<MatchedPrice | null> {
  assertCan(ctx, "settings.read");
  const parsed = ResolveModelPriceInput.safeParse(input);
  if (!parsed.success) throw fromZod(parsed.error);
  return findPrice(parsed.data.model, await readOverrides(ctx.db, ctx.projectId));
}
