import { describe, expect, it } from "vitest";
import { usdExact } from "./format";

describe("usdExact", () => {
  it("keeps three significant digits for small amounts and cents for large ones", () => {
    expect(usdExact(0.000015)).toBe("$0.000015");
    expect(usdExact(0.0012345)).toBe("$0.00123");
    expect(usdExact(0.0000042)).toBe("$0.0000042");
    expect(usdExact(0.00000000123)).toBe("$0.000000001");
    expect(usdExact(1.5)).toBe("$1.50");
    expect(usdExact(12)).toBe("$12.00");
    expect(usdExact(1234.5)).toBe("$1234.50");
  });

  it("says unpriced for null and $0 for free", () => {
    expect(usdExact(null)).toBe("unpriced");
    expect(usdExact(0)).toBe("$0");
  });
});

