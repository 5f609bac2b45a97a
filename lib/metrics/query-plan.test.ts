import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/http/errors";
import { parseFilterInput } from "./filters";
import { assertPointCount, MAX_POINTS, pointCount } from "./query-plan";

const range = (from: string, to: string) => parseFilterInput({ from, to });

describe("pointCount", () => {
  it("counts the bins from the bin holding the first minute up to `to`", () => {
    expect(pointCount(range("2026-11-26T00:00:00Z", "2026-11-27T00:00:00Z"), "1m")).toBe(1440);
    expect(pointCount(range("2026-11-26T00:00:30Z", "2026-11-26T00:01:00Z"), "1m")).toBe(1);
    expect(pointCount(range("2026-11-26T00:04:59Z", "2026-11-26T00:05:01Z"), "5m")).toBe(2);
    expect(pointCount(range("2026-11-26T10:30:00Z", "2026-11-28T00:00:00Z"), "1d")).toBe(2);
  });

  it(`allows ${MAX_POINTS} points and refuses one more`, () => {
    const from = Date.parse("2026-11-26T00:00:00Z");
    expect(() => assertPointCount(parseFilterInput({ from, to: from + MAX_POINTS * 60_000 }), "1m")).not.toThrow();
    expect(() => assertPointCount(parseFilterInput({ from, to: from + MAX_POINTS * 60_000 + 1 }), "1m")).toThrow(AppError);
    expect(() => assertPointCount(parseFilterInput({ from, to: from + MAX_POINTS * 60_000 + 1 }), "1m")).toThrow(/use a larger interval/);
  });
});
