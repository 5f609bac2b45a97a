import { describe, expect, it } from "vitest";
import { parseValues, valuesText } from "./values";

describe("condition values box", () => {
  it("numbers for numeric operators and epoch times, text otherwise", () => {
    expect(parseValues("US, DE ,, FR", "in")).toEqual(["US", "DE", "FR"]);
    expect(parseValues("10", "gte")).toEqual([10]);
    expect(parseValues("1767225600000", "before")).toEqual([1767225600000]);
    expect(parseValues("2026-11-26T10:00:00Z", "after")).toEqual(["2026-11-26T10:00:00Z"]);
    expect(parseValues("5, 6", "in")).toEqual(["5", "6"]);
  });

  it("keeps numbers numbers and regexes whole", () => {
    expect(parseValues("5, 7", "in", [5, "x"])).toEqual([5, "7"]);
    expect(parseValues("^a{1,3}$", "matches")).toEqual(["^a{1,3}$"]);
    expect(valuesText(["a", "b"])).toBe("a, b");
    expect(valuesText(["^a{1,3}$", "b"])).toBe("^a{1,3}$\nb");
  });
});
