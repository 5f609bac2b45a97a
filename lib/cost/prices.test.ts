import { describe, expect, it } from "vitest";
import { findPrice, findTablePrice, PRICE_TABLE } from "./match";
import { parseNanos } from "./money";

describe("the shipped price table", () => {
  it("covers at least 40 models from OpenAI, Anthropic, Google and Mistral, each named once", () => {
    expect(PRICE_TABLE.length).toBeGreaterThanOrEqual(40);
    const providers = new Set(PRICE_TABLE.map((e) => e.provider));
    expect([...providers].sort()).toEqual(["anthropic", "google", "mistral", "openai"]);
    for (const p of providers) expect(PRICE_TABLE.filter((e) => e.provider === p).length).toBeGreaterThanOrEqual(8);
    const models = PRICE_TABLE.map((e) => e.model);
    expect(new Set(models).size).toBe(models.length);
  });

  it("has anchored patterns that compile and exact decimal prices", () => {
    for (const e of PRICE_TABLE) {
      expect(e.pattern, e.model).toMatch(/^\^.*\$$/);
      expect(() => new RegExp(e.pattern, "i"), e.model).not.toThrow();
      for (const field of ["inputPerMTok", "outputPerMTok", "cachedInputPerMTok", "reasoningPerMTok"] as const) {
        const v = e[field];
        if (field === "inputPerMTok" || field === "outputPerMTok" || v !== undefined) {
          expect(typeof v, `${e.model}.${field}`).toBe("string");
          expect(() => parseNanos(v!), `${e.model}.${field} = ${v}`).not.toThrow();
        }
      }
      // A cache read is a discount: never dearer than a fresh input token.
      if (e.cachedInputPerMTok !== undefined) expect(parseNanos(e.cachedInputPerMTok) <= parseNanos(e.inputPerMTok), e.model).toBe(true);
    }
  });

  it("shadows no canonical id: each entry's own model matches that entry before any other", () => {
    const shadowed = PRICE_TABLE.flatMap((e, i) => {
      const first = PRICE_TABLE.findIndex((c) => new RegExp(c.pattern, "i").test(e.model));
      return first === i ? [] : [`${e.model} is priced by ${first < 0 ? "nothing" : PRICE_TABLE[first]!.model}`];
    });
    expect(shadowed).toEqual([]);
    for (const e of PRICE_TABLE) expect(findTablePrice(e.model)).toBe(e);
  });

  it.each([
    ["gpt-4o-2024-08-06", "gpt-4o"],
    ["gpt-4o-2024-11-20", "gpt-4o"],
    ["gpt-4o-2024-05-13", "gpt-4o-2024-05-13"],
    ["gpt-4o-mini-2024-07-18", "gpt-4o-mini"],
    ["gpt-4.1-2025-04-14", "gpt-4.1"],
    ["gpt-4.1-mini-2025-04-14", "gpt-4.1-mini"],
    ["gpt-4.1-nano-2025-04-14", "gpt-4.1-nano"],
    ["gpt-5-2025-08-07", "gpt-5"],
    ["gpt-5-mini-2025-08-07", "gpt-5-mini"],
    ["gpt-5-chat-latest", "gpt-5"],
    ["o1-2024-12-17", "o1"],
    ["o1-preview", "o1"],
    ["o1-mini-2024-09-12", "o1-mini"],
    ["o3-2025-04-16", "o3"],
    ["o3-mini-2025-01-31", "o3-mini"],
    ["o4-mini-2025-04-16", "o4-mini"],
    ["gpt-4-turbo-2024-04-09", "gpt-4-turbo"],
    ["gpt-4-1106-preview", "gpt-4-turbo"],
    ["gpt-4-0613", "gpt-4"],
    ["gpt-3.5-turbo-0125", "gpt-3.5-turbo"],
    ["claude-3-5-sonnet-20241022", "claude-3-5-sonnet"],
    ["claude-3-5-sonnet-20240620", "claude-3-5-sonnet"],
    ["claude-3-5-sonnet-latest", "claude-3-5-sonnet"],
    ["claude-3-7-sonnet-20250219", "claude-3-7-sonnet"],
    ["claude-3-5-haiku-20241022", "claude-3-5-haiku"],
    ["claude-3-opus-20240229", "claude-3-opus"],
    ["claude-3-haiku-20240307", "claude-3-haiku"],
    ["claude-sonnet-4-5-20250929", "claude-sonnet-4-5"],
    ["claude-sonnet-4-20250514", "claude-sonnet-4"],
    ["claude-sonnet-4-0", "claude-sonnet-4"],
    ["claude-opus-4-1-20250805", "claude-opus-4-1"],
    ["claude-opus-4-20250514", "claude-opus-4"],
    ["claude-opus-4-5-20251101", "claude-opus-4-5"],
    ["claude-haiku-4-5-20251001", "claude-haiku-4-5"],
    ["gemini-2.0-flash-001", "gemini-2.0-flash"],
    ["gemini-2.0-flash-lite-001", "gemini-2.0-flash-lite"],
    ["gemini-2.5-pro-preview-06-05", "gemini-2.5-pro"],
    ["gemini-2.5-flash-preview-09-2025", "gemini-2.5-flash"],
    ["gemini-2.5-flash-preview-04-17", "gemini-2.5-flash-preview-04-17"],
    ["gemini-2.5-flash-lite-preview-06-17", "gemini-2.5-flash-lite"],
    ["gemini-1.5-pro-002", "gemini-1.5-pro"],
    ["gemini-1.5-flash-8b-001", "gemini-1.5-flash-8b"],
    ["gemini-1.5-flash-latest", "gemini-1.5-flash"],
    ["mistral-large-2411", "mistral-large"],
    ["mistral-large-latest", "mistral-large"],
    ["mistral-small-2503", "mistral-small"],
    ["codestral-2501", "codestral"],
    ["ministral-8b-2410", "ministral-8b"],
    ["open-mistral-nemo-2407", "mistral-nemo"],
    ["pixtral-large-2411", "pixtral-large"],
    // Case, routers and clouds spell the same models differently.
    ["GPT-4o-2024-08-06", "gpt-4o"],
    ["openai/gpt-4o-mini", "gpt-4o-mini"],
    ["models/gemini-2.0-flash-001", "gemini-2.0-flash"],
    ["anthropic.claude-3-5-sonnet-20241022-v2:0", "claude-3-5-sonnet"],
    ["us.anthropic.claude-sonnet-4-5-20250929-v1:0", "claude-sonnet-4-5"],
    ["claude-3-5-sonnet-v2@20241022", "claude-3-5-sonnet"],
  ])("prices %s as %s", (id, model) => {
    const match = findPrice(id);
    expect(match).toMatchObject({ source: "table", model });
  });

  it("prices the dated snapshot, not the family, when their prices differ", () => {
    expect(findPrice("gpt-4o-2024-05-13")).toMatchObject({ inputPerMTok: "5.00", outputPerMTok: "15.00", cachedInputPerMTok: null });
    expect(findPrice("gpt-4o-2024-08-06")).toMatchObject({ inputPerMTok: "2.50", outputPerMTok: "10.00", cachedInputPerMTok: "1.25" });
    expect(findPrice("gpt-4o-mini-2024-07-18")).toMatchObject({ inputPerMTok: "0.15", outputPerMTok: "0.60", cachedInputPerMTok: "0.075" });
  });

  it.each(["gpt-4o-mini-tts", "my-gpt-4o", "gpt-4o-2024-08-06-ft", "claude-3-5-sonnet-2024", "gemini-2.0-flashy", "llama-3.1-70b", "", "   "])(
    "leaves %j unpriced rather than guessing",
    (id) => expect(findPrice(id)).toBeNull(),
  );
});
