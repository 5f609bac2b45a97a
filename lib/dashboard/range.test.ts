import { describe, expect, it } from "vitest";
import { intervalFor, resolveRange } from "./range";

const now = Date.parse("2026-11-26T10:07:30Z");
const q = (s: string) => new URLSearchParams(s);

describe("resolveRange", () => {
  it("defaults to the last 24 hours in 5-minute bins, ending at the next bin edge", () => {
    const r = resolveRange(q(""), now);
    expect(r.preset).toBe("24h");
    expect(r.interval).toBe("5m");
    expect(r.to.toISOString()).toBe("2026-11-26T10:10:00.000Z");
    expect(r.from.toISOString()).toBe("2026-11-25T10:10:00.000Z");
    expect(r.previous).toEqual({ from: new Date("2026-11-24T10:10:00.000Z"), to: r.from });
  });

  it("reads presets, and ignores unknown ones", () => {
    expect(resolveRange(q("range=7d"), now)).toMatchObject({ preset: "7d", interval: "1h" });
    expect(resolveRange(q("range=15m"), now)).toMatchObject({ preset: "15m", interval: "1m" });
    expect(resolveRange(q("range=30d"), now).interval).toBe("1d");
    expect(resolveRange(q("range=2y"), now).preset).toBe("24h");
  });

  it("takes a custom range when both ends parse and are in order", () => {
    const r = resolveRange(q("from=2026-11-20T00:00:00Z&to=2026-11-23T00:00:00Z&range=1h"), now);
    expect(r).toMatchObject({ preset: null, interval: "1h" });
    expect(r.previous.from.toISOString()).toBe("2026-11-17T00:00:00.000Z");
    expect(resolveRange(q("from=2026-11-23T00:00:00Z&to=2026-11-20T00:00:00Z"), now).preset).toBe("24h");
    expect(resolveRange(q("from=yesterday&to=2026-11-20T00:00:00Z"), now).preset).toBe("24h");
  });

  it("keeps series readable", () => {
    expect(intervalFor(3_600_000)).toBe("1m");
    expect(intervalFor(86_400_000)).toBe("5m");
    expect(intervalFor(7 * 86_400_000)).toBe("1h");
    expect(intervalFor(90 * 86_400_000)).toBe("1d");
  });
});
