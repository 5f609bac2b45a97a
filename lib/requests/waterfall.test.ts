import { describe, expect, it } from "vitest";
import { layoutWaterfall, type WaterfallSpan } from "./waterfall";

const span = (id: string, parentId: string | null, startMs: number, endMs: number): WaterfallSpan => ({ id, parentId, startMs, endMs });
const shape = (spans: WaterfallSpan[]) => layoutWaterfall(spans).rows.map((r) => [r.span.id, r.depth, r.offsetPct, r.widthPct]);

describe("layoutWaterfall", () => {
  it("draws a single span across the whole trace", () => {
    const w = layoutWaterfall([span("a", null, 1000, 1250)]);
    expect(w).toMatchObject({ startMs: 1000, totalMs: 250 });
    expect(w.rows).toEqual([{ span: span("a", null, 1000, 1250), depth: 0, offsetMs: 0, durationMs: 250, offsetPct: 0, widthPct: 100 }]);
  });

  it("nests children under their parent, siblings by start time, whatever the input order", () => {
    const spans = [
      span("late-child", "root", 600, 1000),
      span("grandchild", "early-child", 100, 200),
      span("root", null, 0, 1000),
      span("early-child", "root", 0, 500),
    ];
    expect(shape(spans)).toEqual([
      ["root", 0, 0, 100],
      ["early-child", 1, 0, 50],
      ["grandchild", 2, 10, 10],
      ["late-child", 1, 60, 40],
    ]);
  });

  it("breaks start-time ties by id so the order is stable", () => {
    expect(shape([span("b", "r", 10, 20), span("a", "r", 10, 20), span("r", null, 0, 20)]).map((r) => r[0])).toEqual(["r", "a", "b"]);
  });

  it("makes a span whose parent is not in the trace a root, ordered with the other roots by start", () => {
    const rows = layoutWaterfall([span("root", null, 0, 100), span("orphan", "never-sent", 50, 100), span("orphan-child", "orphan", 60, 70), span("early", "gone", 0, 10)]).rows;
    expect(rows.map((r) => [r.span.id, r.depth])).toEqual([["early", 0], ["root", 0], ["orphan", 0], ["orphan-child", 1]]);
  });

  it("gives a zero-duration trace finite positions instead of dividing by zero", () => {
    const w = layoutWaterfall([span("a", null, 500, 500), span("b", "a", 500, 500)]);
    expect(w.totalMs).toBe(0);
    expect(w.rows.map((r) => [r.span.id, r.depth, r.offsetPct, r.widthPct, r.durationMs])).toEqual([["a", 0, 0, 0, 0], ["b", 1, 0, 0, 0]]);
  });

  it("measures from the earliest span even when a child starts before the root", () => {
    const w = layoutWaterfall([span("root", null, 100, 300), span("eager", "root", 0, 150)]);
    expect(w).toMatchObject({ startMs: 0, totalMs: 300 });
    const round = (v: number) => Math.round(v * 1000) / 1000;
    expect(w.rows.map((r) => [r.span.id, r.depth, r.offsetMs, round(r.offsetPct), round(r.widthPct)])).toEqual([
      ["root", 0, 100, 33.333, 66.667],
      ["eager", 1, 0, 0, 50],
    ]);
    for (const r of w.rows) expect(r.offsetPct + r.widthPct).toBeLessThanOrEqual(100);
  });

  it("draws every span of a parent cycle once, starting from the earliest", () => {
    const rows = layoutWaterfall([span("x", "y", 10, 20), span("y", "x", 0, 30), span("self", "self", 5, 6)]).rows;
    expect(rows.map((r) => [r.span.id, r.depth])).toEqual([["self", 0], ["y", 0], ["x", 1]]);
  });

  it("treats an end before the start as zero duration", () => {
    const w = layoutWaterfall([span("a", null, 0, 100), span("b", "a", 50, 40)]);
    expect(w.rows[1]).toMatchObject({ durationMs: 0, widthPct: 0, offsetPct: 50 });
  });

  it("lays out nothing for no spans", () => {
    expect(layoutWaterfall([])).toEqual({ rows: [], startMs: 0, totalMs: 0 });
  });

  it("walks a very deep trace without overflowing the stack", () => {
    const deep = Array.from({ length: 20_000 }, (_, i) => span(`s${i}`, i ? `s${i - 1}` : null, i, 20_000));
    const rows = layoutWaterfall(deep).rows;
    expect(rows).toHaveLength(20_000);
    expect(rows.at(-1)).toMatchObject({ depth: 19_999 });
  });
});
