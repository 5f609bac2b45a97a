import { describe, expect, it } from "vitest";
import { findOverride, findPrice, globMatches, type PriceRow } from "./match";

const row = (modelPattern: string, inputPerMTok = "1"): PriceRow => ({ id: modelPattern, modelPattern, inputPerMTok, outputPerMTok: "1" });

describe("override patterns", () => {
  it.each([
    ["gpt-4o", "gpt-4o", true],
    ["gpt-4o", "GPT-4O", true],
    ["gpt-4o", "gpt-4o-2024-08-06", false],
    ["gpt-4o*", "gpt-4o-2024-08-06", true],
    ["gpt-4o*", "gpt-4o", true],
    ["ft:gpt-4o-mini:*", "ft:gpt-4o-mini:acme::9abc", true],
    ["ft:gpt-4o-mini:*", "ft:gpt-4o:acme::9abc", false],
    ["*-instruct", "llama-3.1-8b-instruct", true],
    ["llama-*-instruct", "llama-3.1-8b-instruct", true],
    ["llama-*-instruct", "llama-3.1-8b-chat", false],
    ["a*b*c", "abc", true],
    ["a*b*c", "acb", false],
    ["a*a", "a", false],
    ["*", "anything at all", true],
    ["gpt.4o", "gpt-4o", false], // no regex: a dot is a dot
  ] as const)("%j covers %j: %s", (pattern, model, expected) => {
    expect(globMatches(pattern, model)).toBe(expected);
  });

  it("prefers an exact id over any glob, then the more specific glob, then the older row", () => {
    const rows = [row("*", "9"), row("gpt-*", "8"), row("gpt-4o*", "7"), row("gpt-4o-mini", "6")];
    expect(findOverride("gpt-4o-mini", rows)?.modelPattern).toBe("gpt-4o-mini");
    expect(findOverride("gpt-4o-2024-08-06", rows)?.modelPattern).toBe("gpt-4o*");
    expect(findOverride("gpt-3.5-turbo", rows)?.modelPattern).toBe("gpt-*");
    expect(findOverride("claude-3-haiku", rows)?.modelPattern).toBe("*");
    expect(findOverride("x-1", [row("x-*", "1"), row("*-1", "2")])?.inputPerMTok).toBe("1");
    expect(findOverride("gpt-4o", [])).toBeNull();
  });

  it("answers with where the price came from", () => {
    expect(findPrice("acme-7b", [{ id: "r1", modelPattern: "acme-*", inputPerMTok: "0.5", outputPerMTok: "1.5", cachedInputPerMTok: null, reasoningPerMTok: null }])).toEqual({
      source: "override",
      pattern: "acme-*",
      model: "acme-*",
      provider: null,
      overrideId: "r1",
      inputPerMTok: "0.5",
      outputPerMTok: "1.5",
      cachedInputPerMTok: null,
      reasoningPerMTok: null,
    });
    expect(findPrice("claude-sonnet-4-5-20250929")).toEqual({
      source: "table",
      pattern: "^claude-sonnet-4-5(?:-\\d{8}|-latest)?$",
      model: "claude-sonnet-4-5",
      provider: "anthropic",
      overrideId: null,
      inputPerMTok: "3.00",
      outputPerMTok: "15.00",
      cachedInputPerMTok: "0.30",
      reasoningPerMTok: null,
    });
    expect(findPrice(undefined)).toBeNull();
  });
});
