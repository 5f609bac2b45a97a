import { describe, expect, it } from "vitest";
import { segments, type Segment } from "./segments";

const at = (iso: string) => new Date(iso);
const show = (s: Segment[]) => s.map((x) => `${x.grain} ${new Date(x.from).toISOString().slice(5, 16)}..${new Date(x.to).toISOString().slice(5, 16)}`);

describe("segments", () => {
  it("reads whole days from the day tier and only the edges from finer tiers", () => {
    expect(show(segments(at("2026-11-20T22:17:30Z"), at("2026-11-23T01:05:00Z"), "minute", "day"))).toEqual([
      "minute 11-20T22:17..11-20T23:00",
      "hour 11-20T23:00..11-21T00:00",
      "day 11-21T00:00..11-23T00:00",
      "hour 11-23T00:00..11-23T01:00",
      "minute 11-23T01:00..11-23T01:05",
    ]);
  });

  it("widens to the finest buckets: the one holding `from` and every one starting before `to`", () => {
    expect(show(segments(at("2026-11-20T10:00:30Z"), at("2026-11-20T10:02:00.001Z"), "minute", "day"))).toEqual(["minute 11-20T10:00..11-20T10:03"]);
    expect(show(segments(at("2026-11-20T10:30:00Z"), at("2026-11-20T13:10:00Z"), "hour", "day"))).toEqual(["hour 11-20T10:00..11-20T14:00"]);
  });

  it("never reads a grain coarser than the cap", () => {
    const s = segments(at("2026-11-20T00:00:00Z"), at("2026-11-23T00:00:00Z"), "minute", "hour");
    expect(show(s)).toEqual(["hour 11-20T00:00..11-23T00:00"]);
    expect(show(segments(at("2026-11-20T00:00:00Z"), at("2026-11-20T00:05:00Z"), "minute", "minute"))).toEqual(["minute 11-20T00:00..11-20T00:05"]);
  });

  it("covers the widened range exactly once, without gaps or overlaps", () => {
    for (let i = 0; i < 500; i++) {
      const from = Date.UTC(2026, 10, 1) + Math.floor(Math.random() * 40 * 86_400_000);
      const to = from + Math.floor(Math.random() * 10 * 86_400_000);
      const s = segments(new Date(from), new Date(to), "minute", "day");
      let cursor = Math.floor(from / 60_000) * 60_000;
      for (const seg of s) {
        expect(seg.from).toBe(cursor);
        expect(seg.to).toBeGreaterThan(seg.from);
        cursor = seg.to;
      }
      expect(cursor).toBe(s.length ? Math.ceil(to / 60_000) * 60_000 : cursor);
    }
  });

  it("is empty for an empty range and refuses a cap finer than the finest grain", () => {
    expect(segments(at("2026-11-20T10:00:00Z"), at("2026-11-20T10:00:00Z"), "minute", "day")).toEqual([]);
    expect(() => segments(at("2026-11-20T10:00:00Z"), at("2026-11-21T10:00:00Z"), "hour", "minute")).toThrow(/finer/);
  });
});
