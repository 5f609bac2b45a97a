import { describe, expect, it } from "vitest";
import { computeCostNanos, explainCost, priceEvent } from "./compute";
import { findPrice, type PriceRow } from "./match";
import { nanosToNumber, nanosToUsd, parseNanos, usdToNanos } from "./money";

const gpt4o = findPrice("gpt-4o")!;
/** One nano-dollar per million tokens: every half token-million is half a nano-dollar. */
const NANO_PER_M = { inputPerMTok: "0.000000001", outputPerMTok: "0.000000001", cachedInputPerMTok: null, reasoningPerMTok: null };

/** A deterministic PRNG (mulberry32), so a failure reproduces. */
function rng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe("computeCostNanos", () => {
  it("prices gpt-4o: 1M input of which 200k cached + 500k output = $7.25 exactly", () => {
    const usage = { inputTokens: 1_000_000, cachedInputTokens: 200_000, outputTokens: 500_000 };
    // 0.8M × $2.50 + 0.2M × $1.25 + 0.5M × $10.00 = 2.00 + 0.25 + 5.00
    expect(computeCostNanos(usage, gpt4o)).toBe(7_250_000_000n);
  });

  it("bills reasoning tokens at the reasoning rate when one is set, else at the output rate", () => {
    const thinking = findPrice("gemini-2.5-flash-preview-04-17")!;
    // 200 × $0.60/M + 800 × $3.50/M = $0.00012 + $0.0028
    expect(computeCostNanos({ outputTokens: 1_000, reasoningTokens: 800 }, thinking)).toBe(2_920_000n);
    // o3 has no separate reasoning rate: all 1,000 output tokens at $8/M
    expect(computeCostNanos({ outputTokens: 1_000, reasoningTokens: 900 }, findPrice("o3")!)).toBe(8_000_000n);
  });

  it("bills cached tokens at the input rate when the price has no cached rate", () => {
    const flat = { inputPerMTok: "3", outputPerMTok: "0", cachedInputPerMTok: null, reasoningPerMTok: null };
    expect(computeCostNanos({ inputTokens: 1_000, cachedInputTokens: 600 }, flat)).toBe(3_000_000n);
  });

  it("clamps cached > input and reasoning > output instead of billing tokens twice or negatively", () => {
    expect(computeCostNanos({ inputTokens: 100, cachedInputTokens: 500 }, gpt4o)).toBe(computeCostNanos({ inputTokens: 100, cachedInputTokens: 100 }, gpt4o));
    expect(computeCostNanos({ inputTokens: 100, cachedInputTokens: 500 }, gpt4o)).toBe(125_000n); // 100 × $1.25/M
    expect(computeCostNanos({ cachedInputTokens: 500 }, gpt4o)).toBe(0n);
    const thinking = findPrice("gemini-2.5-flash-preview-04-17")!;
    expect(computeCostNanos({ outputTokens: 10, reasoningTokens: 50 }, thinking)).toBe(35_000n); // 10 × $3.50/M
  });

  it("costs nothing without usage", () => {
    expect(computeCostNanos(undefined, gpt4o)).toBe(0n);
    expect(computeCostNanos({}, gpt4o)).toBe(0n);
  });

  it("rounds half a nano-dollar up, and only once per request", () => {
    expect(computeCostNanos({ inputTokens: 499_999 }, NANO_PER_M)).toBe(0n);
    expect(computeCostNanos({ inputTokens: 500_000 }, NANO_PER_M)).toBe(1n);
    expect(computeCostNanos({ inputTokens: 1_500_000 }, NANO_PER_M)).toBe(2n);
    expect(computeCostNanos({ inputTokens: 2_500_000 }, NANO_PER_M)).toBe(3n); // half up, not to even
    // 0.4 + 0.4 nano-dollars is 0.8 → 1; rounding each kind first would give 0.
    expect(computeCostNanos({ inputTokens: 400_000, outputTokens: 400_000 }, NANO_PER_M)).toBe(1n);
  });

  it("sums 10,000 random request costs exactly, each within half a nano-dollar of the true cost", () => {
    const rand = rng(42);
    const int = (max: number) => Math.floor(rand() * max);
    let sum = 0n;
    let expected = 0n; // Σ round_half_up(exact cost of each request)
    let trueFemto = 0n; // the exact total in 1e-15 USD, never rounded
    for (let i = 0; i < 10_000; i++) {
      const nanos = [int(100e9), int(100e9), int(100e9), int(100e9)].map(BigInt) as [bigint, bigint, bigint, bigint];
      const price = { inputPerMTok: nanosToUsd(nanos[0]), cachedInputPerMTok: nanosToUsd(nanos[1]), outputPerMTok: nanosToUsd(nanos[2]), reasoningPerMTok: nanosToUsd(nanos[3]) };
      const input = int(2_000_000), cached = int(input + 1), output = int(100_000), reasoning = int(output + 1);
      const femto = BigInt(input - cached) * nanos[0] + BigInt(cached) * nanos[1] + BigInt(output - reasoning) * nanos[2] + BigInt(reasoning) * nanos[3];
      const cost = computeCostNanos({ inputTokens: input, cachedInputTokens: cached, outputTokens: output, reasoningTokens: reasoning }, price);
      const error = cost * 1_000_000n - femto; // in (-0.5, +0.5] nano-dollars
      expect(error > -500_000n && error <= 500_000n).toBe(true);
      sum += cost;
      expected += (femto + 500_000n) / 1_000_000n;
      trueFemto += femto;
    }
    expect(sum).toBe(expected);
    // The rounded parts add up to the true total within half a nano-dollar per request.
    const drift = sum * 1_000_000n - trueFemto;
    expect(drift > -500_000n * 10_000n && drift <= 500_000n * 10_000n).toBe(true);
  });
});

describe("money", () => {
  it("parses price strings digit by digit", () => {
    expect(parseNanos("2.50")).toBe(2_500_000_000n);
    expect(parseNanos("0.075")).toBe(75_000_000n);
    expect(parseNanos("2.500000000")).toBe(2_500_000_000n);
    expect(parseNanos("0.000000001")).toBe(1n);
    expect(parseNanos("150")).toBe(150_000_000_000n);
    for (const bad of ["-1", "1e-7", "0.0000000001", "abc", "", "1.", ".5"]) expect(() => parseNanos(bad), bad).toThrow(RangeError);
  });

  it("reads client costs as the decimal they were written as, not through float scaling", () => {
    expect(usdToNanos(0.000984)).toBe(984_000n);
    expect(usdToNanos(8 * 0.000123)).toBe(984_000n);
    expect(usdToNanos(0.1 + 0.2)).toBe(300_000_000n); // 0.30000000000000004 rounds to 0.3
    expect(usdToNanos(1e-7)).toBe(100n);
    expect(usdToNanos(5e-10)).toBe(1n); // half a nano-dollar rounds up
    expect(usdToNanos(4.9e-10)).toBe(0n);
    expect(usdToNanos(1.0000000005)).toBe(1_000_000_001n);
    expect(usdToNanos(123456.789012345)).toBe(123_456_789_012_345n);
    expect(usdToNanos(1e6)).toBe(1_000_000_000_000_000n);
    expect(usdToNanos(0)).toBe(0n);
    for (const bad of [-1, Number.NaN, Number.POSITIVE_INFINITY]) expect(() => usdToNanos(bad)).toThrow(RangeError);
  });

  it("sums 10,000 client-given costs to the exact total of what the clients wrote", () => {
    const rand = rng(7);
    let exact = 0n;
    let sum = 0n;
    for (let i = 0; i < 10_000; i++) {
      const nanos = BigInt(Math.floor(rand() * 5e9)); // up to $5 with 9 decimals
      const usd = Number(nanosToUsd(nanos));
      exact += nanos;
      sum += usdToNanos(usd);
    }
    expect(sum).toBe(exact);
  });

  it("formats nano-dollars as exact decimals", () => {
    expect(nanosToUsd(12_500n)).toBe("0.000012500");
    expect(nanosToUsd(7_250_000_000n)).toBe("7.250000000");
    expect(nanosToUsd(0n)).toBe("0.000000000");
    expect(nanosToUsd(123_456_789_012_345_678n)).toBe("123456789.012345678");
    expect(nanosToUsd(-1n)).toBe("-0.000000001");
    expect(nanosToNumber(12_500n)).toBe(0.0000125);
    expect(nanosToNumber(7_250_000_000n)).toBe(7.25);
  });
});

describe("priceEvent", () => {
  const custom: PriceRow[] = [{ id: "o1", modelPattern: "acme-*", inputPerMTok: "1", outputPerMTok: "2", cachedInputPerMTok: null, reasoningPerMTok: null }];

  it("takes a cost the client gave over any price", () => {
    expect(priceEvent({ model: "gpt-4o", usage: { inputTokens: 1_000_000 }, costUsd: 0.0125 })).toEqual({ costNanos: 12_500_000n, costSource: "given" });
    expect(priceEvent({ model: "unknown-model", costUsd: 0 })).toEqual({ costNanos: 0n, costSource: "given" });
  });

  it("leaves an unknown model unpriced (null), never $0", () => {
    const priced = priceEvent({ model: "llama-3.1-70b", usage: { inputTokens: 1_000, outputTokens: 100 } });
    expect(priced.costNanos).toBeNull();
    expect(priced.costSource).toBe("unpriced");
    expect(priceEvent({ usage: { inputTokens: 10 } })).toEqual({ costNanos: null, costSource: "unpriced" });
  });

  it("prices a known model from the table, and a request without usage at 0", () => {
    expect(priceEvent({ model: "gpt-4o-2024-08-06", usage: { inputTokens: 1_000_000, cachedInputTokens: 200_000, outputTokens: 500_000 } })).toEqual({
      costNanos: 7_250_000_000n,
      costSource: "table",
    });
    expect(priceEvent({ model: "gpt-4o" })).toEqual({ costNanos: 0n, costSource: "table" });
  });

  it("lets a project override beat the table and price its own custom models", () => {
    const cheaper: PriceRow[] = [{ modelPattern: "GPT-4O", inputPerMTok: "1.00", outputPerMTok: "4.00" }];
    expect(priceEvent({ model: "gpt-4o", usage: { inputTokens: 1_000_000, outputTokens: 1_000_000 } }, cheaper)).toEqual({ costNanos: 5_000_000_000n, costSource: "override" });
    // The exact id does not cover the dated snapshot; the table still prices that one.
    expect(priceEvent({ model: "gpt-4o-2024-08-06", usage: { inputTokens: 1_000_000 } }, cheaper)).toEqual({ costNanos: 2_500_000_000n, costSource: "table" });
    expect(priceEvent({ model: "acme-support-v3", usage: { inputTokens: 2_000, outputTokens: 1_000 } }, custom)).toEqual({ costNanos: 4_000_000n, costSource: "override" });
    expect(priceEvent({ model: "acme-support-v3", usage: { inputTokens: 2_000 } }).costSource).toBe("unpriced");
  });
});

describe("explainCost", () => {
  it("shows each kind of token with its rate and the total, in numbers a person can check", () => {
    const e = explainCost({ inputTokens: 1_000_000, cachedInputTokens: 200_000, outputTokens: 500_000 }, gpt4o);
    expect(e.lines).toEqual([
      "Price: gpt-4o (openai, shipped price table)",
      "800,000 input tokens × $2.50/M = $2.000000",
      "200,000 cached input tokens × $1.25/M = $0.250000",
      "500,000 output tokens × $10.00/M = $5.000000",
      "Total: $7.250000",
    ]);
    expect(e.totalNanos).toBe(7_250_000_000n);
    expect(e.totalUsd).toBe("7.250000000");
    expect(explainCost({ inputTokens: 1_200 }, gpt4o).lines[1]).toBe("1,200 input tokens × $2.50/M = $0.003000");
  });

  it("keeps sub-nano line amounts exact and says when the total was rounded", () => {
    const e = explainCost({ inputTokens: 1, outputTokens: 3 }, findPrice("gemini-1.5-flash-8b")!);
    expect(e.lines.slice(1)).toEqual([
      "1 input token × $0.0375/M = $0.0000000375",
      "3 output tokens × $0.15/M = $0.00000045",
      "Total: $0.000000488 (rounded half up to the nano-dollar)",
    ]);
    expect(e.totalNanos).toBe(488n); // 37.5 + 450 = 487.5 nano-dollars
  });

  it("names the override that priced a request and says when no tokens were reported", () => {
    const match = findPrice("acme-1", [{ modelPattern: "acme-*", inputPerMTok: "1", outputPerMTok: "2" }])!;
    expect(explainCost(undefined, match).lines).toEqual(['Price: this project\'s override "acme-*"', "No tokens were reported.", "Total: $0.000000"]);
  });
});
