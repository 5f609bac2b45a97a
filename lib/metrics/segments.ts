/** Rollup grains, finest first; each is a whole multiple of the one before, aligned to the Unix epoch (UTC). */
export const GRAINS = ["minute", "hour", "day"] as const;
export type Grain = (typeof GRAINS)[number];
export const GRAIN_MS: Record<Grain, number> = { minute: 60_000, hour: 3_600_000, day: 86_400_000 };

export type Segment = { grain: Grain; from: number; to: number };

const floorTo = (t: number, step: number) => Math.floor(t / step) * step;
const ceilTo = (t: number, step: number) => Math.ceil(t / step) * step;

function cover(a: number, b: number, grains: Grain[]): Segment[] {
  const [grain, ...finer] = grains;
  if (!grain || a >= b) return [];
  if (!finer.length) return [{ grain, from: a, to: b }];
  const start = ceilTo(a, GRAIN_MS[grain]);
  const end = floorTo(b, GRAIN_MS[grain]);
  if (start >= end) return cover(a, b, finer);
  return [...cover(a, start, finer), { grain, from: start, to: end }, ...cover(end, b, finer)];
}

/**
 * Splits [from, to) into the fewest rollup buckets: whole days from the day tier,
 * the hours at either edge from the hour tier, the minutes at the very edges from
 * the minute tier. The range first widens to the finest grain's buckets (the one
 * holding `from`, and every bucket that starts before `to`), the same rows a read
 * of only the finest tier would sum, so the answer does not depend on the split.
 * `coarsest` caps the grain (a series binned by the hour cannot read days).
 */
export function segments(from: Date, to: Date, finest: Grain, coarsest: Grain): Segment[] {
  const lo = GRAINS.indexOf(finest);
  const hi = GRAINS.indexOf(coarsest);
  if (hi < lo) throw new Error(`coarsest grain ${coarsest} is finer than ${finest}`);
  const step = GRAIN_MS[finest];
  return cover(floorTo(from.getTime(), step), ceilTo(to.getTime(), step), GRAINS.slice(lo, hi + 1).reverse());
}
