import "server-only";
import { explainCost } from "@/lib/cost/compute";
import { findPrice, type PriceRow } from "@/lib/cost/match";
import { formatUsd, nanosToNumber } from "@/lib/cost/money";
import type { requests } from "@/db/schema";

/** How a request's cost came about, as lines a person can check. */
export type CostExplanation = { costUsd: number | null; source: string; lines: string[] };

type Stored = Pick<typeof requests.$inferSelect, "model" | "inputTokens" | "outputTokens" | "cachedInputTokens" | "reasoningTokens" | "costNanos" | "costSource">;

const usd = (nanos: bigint) => formatUsd(nanos, 9, 6);
const usage = (r: Stored) => ({
  inputTokens: r.inputTokens ?? undefined,
  outputTokens: r.outputTokens ?? undefined,
  cachedInputTokens: r.cachedInputTokens ?? undefined,
  reasoningTokens: r.reasoningTokens ?? undefined,
});

/**
 * Explains the stored cost with the price that applies now (the project's overrides,
 * then the shipped table), using the same arithmetic as ingest. The stored cost is
 * the truth: if the price changed since the request was priced, the lines say so
 * rather than showing a different total.
 */
export function describeCost(r: Stored, overrides: readonly PriceRow[]): CostExplanation {
  const costUsd = r.costNanos === null ? null : nanosToNumber(r.costNanos);
  const base = { costUsd, source: r.costSource };
  if (r.costSource === "given" && r.costNanos !== null) {
    return { ...base, lines: [`The client reported the cost: ${usd(r.costNanos)}.`] };
  }
  if (r.costNanos === null) {
    const why = r.model ? `No price is known for model "${r.model}": the request is unpriced (not $0). Add a price override to price it.` : "No model was given, so the request is unpriced (not $0).";
    return { ...base, lines: [why] };
  }
  const price = findPrice(r.model ?? undefined, overrides);
  if (!price) return { ...base, lines: [`Priced at ingest by the ${r.costSource} price; that price no longer applies.`, `Total: ${usd(r.costNanos)}`] };
  const explained = explainCost(usage(r), price);
  if (explained.totalNanos === r.costNanos) return { ...base, lines: explained.lines };
  return { ...base, lines: [...explained.lines, `The price has changed since this request was stored; its recorded cost is ${usd(r.costNanos)}.`] };
}
