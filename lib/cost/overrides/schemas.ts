import { z } from "zod";
import { parseNanos, PRICE_DECIMAL, trimDecimal } from "../money";

/** No model costs a million dollars per million tokens; anything above is a typo (and the column holds < 1e11). */
export const MAX_PRICE_PER_MTOK = 1_000_000;

/**
 * USD per million tokens: a JSON number or a decimal string, ≥ 0, at most 9 decimals.
 * Numbers are read through String(n) — the digits the client wrote — never scaled as floats.
 * The output is the canonical decimal string ("2.50" → "2.5").
 */
export const PerMTok = z
  .union([z.number().finite().transform((n) => String(n)), z.string().trim()])
  .pipe(z.string().regex(PRICE_DECIMAL, 'Give USD per million tokens as a number ≥ 0 with at most 9 decimals, e.g. "2.50".'))
  // zod runs refinements after a failed regex too; only a well-formed decimal is compared.
  .refine((s) => !PRICE_DECIMAL.test(s) || parseNanos(s) <= BigInt(MAX_PRICE_PER_MTOK) * 1_000_000_000n, `At most ${MAX_PRICE_PER_MTOK.toLocaleString("en-US")} USD per million tokens.`)
  .transform(trimDecimal);

export const CreateModelPriceInput = z.object({
  modelPattern: z
    .string()
    .trim()
    .min(1, 'Name the model id, or a pattern with * such as "ft:gpt-4o-mini:*".')
    .max(200),
  inputPerMTok: PerMTok,
  outputPerMTok: PerMTok,
  cachedInputPerMTok: PerMTok.optional(),
  reasoningPerMTok: PerMTok.optional(),
});
export type CreateModelPriceInput = z.input<typeof CreateModelPriceInput>;

export const DeleteModelPriceInput = z.object({ id: z.uuid() });
export type DeleteModelPriceInput = z.input<typeof DeleteModelPriceInput>;

export const ResolveModelPriceInput = z.object({ model: z.string().trim().min(1, "Give the model id to look up.").max(200) });
export type ResolveModelPriceInput = z.input<typeof ResolveModelPriceInput>;

/** A project's price override as the API and console show it (prices as trimmed decimal strings). */
export type ModelPriceOverride = {
  id: string;
  modelPattern: string;
  inputPerMTok: string;
  outputPerMTok: string;
  cachedInputPerMTok: string | null;
  reasoningPerMTok: string | null;
  createdAt: Date;
};
