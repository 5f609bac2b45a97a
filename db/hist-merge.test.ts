// The SQL histogram merge used by every rollup upsert and metrics query: per-bucket
// sums, nulls and empty histograms handled, the aggregate equal to merging one by one.
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { testDb } from "@/test/db";

type Hist = Record<string, number>;

function merge(a: Hist, b: Hist): Hist {
  const out = { ...a };
  for (const [k, v] of Object.entries(b)) out[k] = (out[k] ?? 0) + v;
  return out;
}

async function sqlMerge(a: Hist | null, b: Hist | null): Promise<Hist> {
  const r = await testDb().execute<{ h: Hist }>(sql`select sx_hist_merge(${a === null ? null : JSON.stringify(a)}::jsonb, ${b === null ? null : JSON.stringify(b)}::jsonb) as h`);
  return r.rows[0]!.h;
}

describe("sx_hist_merge", () => {
  it("adds bucket counts and keeps buckets only one side has", async () => {
    expect(await sqlMerge({ "10": 2, "-3": 1, "40": 7 }, { "40": 5, "41": 1 })).toEqual({ "10": 2, "-3": 1, "40": 12, "41": 1 });
  });

  it("treats null and {} as empty", async () => {
    expect(await sqlMerge(null, { "1": 1 })).toEqual({ "1": 1 });
    expect(await sqlMerge({ "1": 1 }, null)).toEqual({ "1": 1 });
    expect(await sqlMerge({ "1": 1 }, {})).toEqual({ "1": 1 });
    expect(await sqlMerge(null, null)).toEqual({});
  });

  it("agrees with a reference merge on random histograms, and sx_hist_sum with merging in turn", async () => {
    let seed = 7;
    const rand = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
    const hists: Hist[] = Array.from({ length: 20 }, () => {
      const h: Hist = {};
      for (let i = 0; i < 1 + Math.floor(rand() * 30); i++) h[String(Math.floor(rand() * 200) - 50)] = 1 + Math.floor(rand() * 1e6);
      return h;
    });
    expect(await sqlMerge(hists[0]!, hists[1]!)).toEqual(merge(hists[0]!, hists[1]!));
    const expected = hists.reduce(merge, {});
    const r = await testDb().execute<{ h: Hist }>(sql`select sx_hist_sum(h) as h from jsonb_array_elements(${JSON.stringify(hists)}::jsonb) as x(h)`);
    expect(r.rows[0]!.h).toEqual(expected);
  });
});
