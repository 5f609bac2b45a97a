// A request's cost in exact nano-dollars. Pure (no "server-only"): ingest prices
// events with it, and the console may explain a cost with the same arithmetic.
import type { Usage } from "@sextant/sdk";
import { findPrice, type MatchedPrice, type PriceRates, type PriceRow } from "./match";
import { divRoundHalfUp, formatUsd, nanosToUsd, parseNanos, usdToNanos } from "./money";

export { nanosToNumber, nanosToUsd, parseNanos, usdToNanos } from "./money";

/** "none": not a model call (a span, tool or retrieval step with neither model nor usage) — costs nothing itself. */
export type CostSource = "given" | "table" | "override" | "unpriced" | "none";
export type PricedEvent = { costNanos: bigint | null; costSource: CostSource };

/** Token counts split by how they are billed; cached ⊆ input and reasoning ⊆ output. */
export type BilledTokens = { uncachedInput: bigint; cachedInput: bigint; output: bigint; reasoning: bigint };

/** Nano-dollars per million tokens of each kind, with the base rate filled in where none is set. */
export type RatesNanos = { input: bigint; cachedInput: bigint; output: bigint; reasoning: bigint };

const TOKENS_PER_PRICE_UNIT = 1_000_000n;

/** A token count as a bigint; missing, negative or fractional counts (never valid on the wire) count as 0 / their floor. */
function tokens(n: number | undefined): bigint {
  return n !== undefined && Number.isFinite(n) && n > 0 ? BigInt(Math.floor(n)) : 0n;
}

/**
 * Splits usage into billed kinds. Usage's inputTokens include the cached ones and its
 * outputTokens the reasoning ones; a client reporting more cached than input (or more
 * reasoning than output) is clamped, so no token is billed twice or below zero.
 */
export function billedTokens(usage: Usage | undefined): BilledTokens {
  const input = tokens(usage?.inputTokens);
  const output = tokens(usage?.outputTokens);
  const cached = minBig(tokens(usage?.cachedInputTokens), input);
  const reasoning = minBig(tokens(usage?.reasoningTokens), output);
  return { uncachedInput: input - cached, cachedInput: cached, output: output - reasoning, reasoning };
}

const minBig = (a: bigint, b: bigint) => (a < b ? a : b);

// Ingest parses the same few price strings for every event.
const parsed = new Map<string, bigint>();
function rate(decimal: string): bigint {
  let n = parsed.get(decimal);
  if (n === undefined) {
    n = parseNanos(decimal);
    if (parsed.size > 10_000) parsed.clear();
    parsed.set(decimal, n);
  }
  return n;
}

/** A price's rates in nano-dollars per million tokens; cached falls back to input, reasoning to output. */
export function ratesNanos(price: PriceRates): RatesNanos {
  const input = rate(price.inputPerMTok);
  const output = rate(price.outputPerMTok);
  return {
    input,
    cachedInput: price.cachedInputPerMTok != null ? rate(price.cachedInputPerMTok) : input,
    output,
    reasoning: price.reasoningPerMTok != null ? rate(price.reasoningPerMTok) : output,
  };
}

/**
 * The cost of one request in nano-dollars: the exact sum of tokens × rate for each
 * kind, in units of 1e-15 USD, divided by 1e6 once and rounded half up — so rounding
 * happens once per request, not once per kind.
 */
export function computeCostNanos(usage: Usage | undefined, price: PriceRates): bigint {
  const t = billedTokens(usage);
  const r = ratesNanos(price);
  const femto = t.uncachedInput * r.input + t.cachedInput * r.cachedInput + t.output * r.output + t.reasoning * r.reasoning;
  return divRoundHalfUp(femto, TOKENS_PER_PRICE_UNIT);
}

/**
 * Prices one event at ingest. A cost the client gave wins; otherwise the project's
 * override or the shipped table prices the usage (no usage costs 0). A model nobody
 * has a price for is "unpriced" with a null cost — never 0, which would be a lie that
 * sums quietly into the totals.
 */
export function priceEvent(
  event: { model?: string; usage?: Usage; costUsd?: number },
  overrides: readonly PriceRow[] = [],
): PricedEvent {
  if (event.costUsd !== undefined && event.costUsd !== null) return { costNanos: usdToNanos(event.costUsd), costSource: "given" };
  if (!event.model && !event.usage) return { costNanos: 0n, costSource: "none" };
  const price = findPrice(event.model, overrides);
  if (!price) return { costNanos: null, costSource: "unpriced" };
  return { costNanos: computeCostNanos(event.usage, price), costSource: price.source };
}

export type CostExplanation = { lines: string[]; totalNanos: bigint; totalUsd: string };

const count = (n: bigint) => n.toLocaleString("en-US");
const perM = (rateNanos: bigint) => `${formatUsd(rateNanos, 9, 2)}/M`;

/**
 * The arithmetic of computeCostNanos as lines a person can check, e.g.
 * "1,200 input tokens × $2.50/M = $0.003000", then the total. Line amounts are exact
 * (they may hold fractions of a nano-dollar); only the total is rounded, as it is stored.
 */
export function explainCost(usage: Usage | undefined, price: PriceRates | MatchedPrice): CostExplanation {
  const t = billedTokens(usage);
  const r = ratesNanos(price);
  const lines: string[] = [];
  if ("source" in price) {
    lines.push(price.source === "override" ? `Price: this project's override "${price.pattern}"` : `Price: ${price.model} (${price.provider}, shipped price table)`);
  }
  const kinds: [string, bigint, bigint][] = [
    ["input", t.uncachedInput, r.input],
    ["cached input", t.cachedInput, r.cachedInput],
    ["output", t.output, r.output],
    ["reasoning", t.reasoning, r.reasoning],
  ];
  for (const [label, n, nanosPerM] of kinds) {
    // tokens × nano-dollars per million tokens is an exact amount in 1e-15 USD
    if (n > 0n) lines.push(`${count(n)} ${label} token${n === 1n ? "" : "s"} × ${perM(nanosPerM)} = ${formatUsd(n * nanosPerM, 15, 6)}`);
  }
  const totalNanos = computeCostNanos(usage, price);
  const exact = kinds.reduce((sum, [, n, nanosPerM]) => sum + n * nanosPerM, 0n) % TOKENS_PER_PRICE_UNIT === 0n;
  if (kinds.every(([, n]) => n === 0n)) lines.push("No tokens were reported.");
  lines.push(`Total: ${formatUsd(totalNanos, 9, 6)}${exact ? "" : " (rounded half up to the nano-dollar)"}`);
  return { lines, totalNanos, totalUsd: nanosToUsd(totalNanos) };
}
