import { describe, expect, it } from "vitest";
import { averageScore, binLabel, change, chartMarks, fillSeries, isImprovement, pivotScores, pivotSeries, type SeriesPoint } from "./prepare";

const point = (t: string, requests: number, extra: Partial<SeriesPoint> = {}): SeriesPoint => ({
  t, requests, errors: 0, errorRate: 0, latencyMs: { p50: 100, p95: 200, p99: 300 }, costUsd: 0.5, inputTokens: 10, outputTokens: 5, ...extra,
});

describe("fillSeries", () => {
  const from = new Date("2026-11-26T10:00:00Z");
  const to = new Date("2026-11-26T10:05:00Z");

  it("fills gaps with zero traffic and no latency, so lines do not bridge them", () => {
    const rows = fillSeries([point("2026-11-26T10:01:00.000Z", 4, { errors: 1, errorRate: 0.25 }), point("2026-11-26T10:03:00.000Z", 2)], from, to, 60_000);
    expect(rows.map((r) => r.requests)).toEqual([0, 4, 0, 2, 0]);
    expect(rows[1]).toMatchObject({ errors: 1, errorRate: 25, p95: 200, tokens: 15, costUsd: 0.5 });
    expect(rows[0]).toMatchObject({ errorRate: null, p50: null, p95: null, p99: null, costUsd: 0 });
  });

  it("gives a full row of zeros for a range with no traffic at all", () => {
    const rows = fillSeries([], from, to, 60_000);
    expect(rows).toHaveLength(5);
    expect(rows.every((r) => r.requests === 0 && r.errorRate === null)).toBe(true);
  });

  it("keeps a single point in its bin", () => {
    const rows = fillSeries([point("2026-11-26T10:04:00.000Z", 7)], from, to, 60_000);
    expect(rows.map((r) => r.requests)).toEqual([0, 0, 0, 0, 7]);
  });

  it("starts at the bin holding `from` when it is not aligned (the API bins from the epoch)", () => {
    const rows = fillSeries([point("2026-11-26T10:00:00.000Z", 1)], new Date("2026-11-26T10:00:30Z"), to, 60_000);
    expect(rows[0]!.t).toBe(Date.parse("2026-11-26T10:00:00Z"));
    expect(rows[0]!.requests).toBe(1);
  });

  it("aligns day bins to UTC midnight whatever the process time zone", () => {
    const before = process.env.TZ;
    try {
      process.env.TZ = "America/Los_Angeles";
      const rows = fillSeries([point("2026-11-25T00:00:00.000Z", 3)], new Date("2026-11-24T12:00:00Z"), new Date("2026-11-27T00:00:00Z"), 86_400_000);
      expect(rows.map((r) => new Date(r.t).toISOString().slice(0, 10))).toEqual(["2026-11-24", "2026-11-25", "2026-11-26"]);
      expect(rows[1]!.requests).toBe(3);
    } finally {
      process.env.TZ = before;
    }
  });
});

describe("binLabel", () => {
  const t = Date.parse("2026-11-26T23:30:00Z");
  it("shows the bin in the viewer's time zone", () => {
    expect(binLabel(t, "5m", "UTC")).toBe("23:30");
    expect(binLabel(t, "5m", "Asia/Tokyo")).toBe("08:30");
    expect(binLabel(t, "1h", "America/New_York", 7)).toBe("Nov 26, 18:30");
    expect(binLabel(t, "1h", "Asia/Tokyo", 7)).toBe("Nov 27, 08:30");
  });
  it("labels day bins by their UTC date (days are binned in UTC)", () => {
    expect(binLabel(Date.parse("2026-11-26T00:00:00Z"), "1d", "America/Los_Angeles")).toBe("Nov 26");
  });
});

describe("change", () => {
  it("is relative to the previous period", () => {
    expect(change(150, 100)).toEqual({ ratio: 0.5, direction: "up" });
    expect(change(50, 100)).toEqual({ ratio: -0.5, direction: "down" });
    expect(change(100.2, 100).direction).toBe("flat");
  });
  it("says new when the previous period had none, and none when a side has no data", () => {
    expect(change(5, 0)).toEqual({ ratio: null, direction: "new" });
    expect(change(0, 0)).toEqual({ ratio: 0, direction: "flat" });
    expect(change(null, 10)).toEqual({ ratio: null, direction: "none" });
    expect(change(10, null)).toEqual({ ratio: null, direction: "none" });
  });
  it("knows which way is good", () => {
    expect(isImprovement("latency", change(80, 100))).toBe(true);
    expect(isImprovement("requests", change(80, 100))).toBe(false);
    expect(isImprovement("cost", change(100, 100))).toBeNull();
  });
});

describe("averageScore", () => {
  it("weights by count, one name or all", () => {
    const s = { a: { avg: 1, count: 1 }, b: { avg: 0.5, count: 3 } };
    expect(averageScore(s)).toEqual({ avg: 0.625, count: 4 });
    expect(averageScore(s, "b")).toEqual({ avg: 0.5, count: 3 });
    expect(averageScore(s, "missing")).toBeNull();
    expect(averageScore({})).toBeNull();
  });
});

describe("pivotSeries", () => {
  it("makes one row per bin and a column per group, zero or null where a group had nothing", () => {
    const from = new Date("2026-11-26T10:00:00Z");
    const to = new Date("2026-11-26T10:03:00Z");
    const { rows, keys } = pivotSeries(
      [
        { key: "a", points: [point("2026-11-26T10:00:00.000Z", 2, { costUsd: 1 })] },
        { key: "b", points: [point("2026-11-26T10:02:00.000Z", 5, { costUsd: 3 })] },
      ],
      from, to, 60_000, "costUsd",
    );
    expect(keys).toEqual(["a", "b"]);
    expect(rows).toEqual([
      { t: Date.parse("2026-11-26T10:00:00Z"), a: 1, b: 0 },
      { t: Date.parse("2026-11-26T10:01:00Z"), a: 0, b: 0 },
      { t: Date.parse("2026-11-26T10:02:00Z"), a: 0, b: 3 },
    ]);
    expect(pivotSeries([{ key: "a", points: [] }], from, to, 60_000, "p95").rows.every((r) => r.a === null)).toBe(true);
    expect(pivotSeries([], from, to, 60_000, "requests").rows).toHaveLength(3);
  });
});

describe("pivotScores", () => {
  it("puts each score name in its own column, null where it had no score", () => {
    const { rows, keys } = pivotScores(
      [
        { name: "helpful", t: "2026-11-26T10:00:00.000Z", avg: 0.5 },
        { name: "accuracy", t: "2026-11-26T10:01:00.000Z", avg: 0.9 },
      ],
      new Date("2026-11-26T10:00:00Z"), new Date("2026-11-26T10:02:00Z"), 60_000,
    );
    expect(keys).toEqual(["accuracy", "helpful"]);
    expect(rows).toEqual([
      { t: Date.parse("2026-11-26T10:00:00Z"), accuracy: null, helpful: 0.5 },
      { t: Date.parse("2026-11-26T10:01:00Z"), accuracy: 0.9, helpful: null },
    ]);
  });
});

describe("chartMarks", () => {
  const rows = [0, 60_000, 120_000, 180_000].map((t) => ({ t }));

  it("moves each event to its bin, joins events of one bin in time order, and drops events outside the rows", () => {
    const marks = chartMarks([
      { t: 130_000, label: "p: production → v2" },
      { t: 125_000, label: "p: production → v1" },
      { t: 5_000, label: "q: production → v3" },
      { t: 240_000, label: "after the last bin" },
      { t: -1, label: "before the first bin" },
    ], rows);
    expect(marks).toEqual([
      { t: 0, label: "q: production → v3", side: "left" },
      { t: 120_000, label: "p: production → v1 · p: production → v2", side: "right" },
    ]);
  });

  it("is empty without rows, and a single bin keeps its label on the left", () => {
    expect(chartMarks([{ t: 1, label: "x" }], [])).toEqual([]);
    expect(chartMarks([{ t: 10, label: "x" }], [{ t: 0 }])).toEqual([{ t: 0, label: "x", side: "left" }]);
  });
});
