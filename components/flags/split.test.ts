import { describe, expect, it } from "vitest";
import { setFirstWeight, splitTotal } from "./split";

const split = (...w: number[]) => w.map((weight, i) => ({ variant: `v${i}`, weight }));

describe("split slider", () => {
  it("raising the first variant takes from the next ones, in order (README point 6)", () => {
    expect(setFirstWeight(split(30, 70), 50)).toEqual(split(50, 50));
    expect(setFirstWeight(split(20, 30, 50), 40)).toEqual(split(40, 10, 50));
    expect(setFirstWeight(split(20, 30, 50), 60)).toEqual(split(60, 0, 40));
    expect(setFirstWeight(split(20, 30, 50), 100)).toEqual(split(100, 0, 0));
  });

  it("lowering it gives to the second, so later ranges stay put", () => {
    expect(setFirstWeight(split(50, 20, 30), 25)).toEqual(split(25, 45, 30));
    expect(setFirstWeight(split(50, 50), 0)).toEqual(split(0, 100));
  });

  it("keeps two decimals exact and the total at 100", () => {
    const s = setFirstWeight(split(33.33, 33.33, 33.34), 33.34);
    expect(s).toEqual(split(33.34, 33.32, 33.34));
    expect(splitTotal(s)).toBe(100);
    expect(setFirstWeight(split(100), 40)).toEqual(split(100));
    expect(setFirstWeight(split(10, 90), 120)).toEqual(split(100, 0));
  });
});
