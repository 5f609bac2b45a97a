import type { FlagSplit } from "@sextant/sdk";

/** Weights are percentages with two decimals; work in hundredths (buckets of 10,000) to stay exact. */
const hundredths = (w: number) => Math.round(w * 100);

/**
 * Sets the first part's weight, moving only the users at the edge of its range. Raising it
 * takes weight from the parts right after it, in order (never from the last part first,
 * which would shift every range in between: packages/sdk/src/flags/README.md, "Raising the
 * first variant"). Lowering it gives the weight to the second part, so the ranges of the
 * third part on stay where they are.
 */
export function setFirstWeight(split: FlagSplit[], weight: number): FlagSplit[] {
  if (split.length === 0) return split;
  const parts = split.map((p) => ({ ...p, h: hundredths(p.weight) }));
  const target = Math.min(10_000, Math.max(0, hundredths(weight)));
  if (parts.length === 1) return [{ variant: parts[0]!.variant, weight: 100 }];
  let delta = target - parts[0]!.h;
  parts[0]!.h = target;
  if (delta < 0) parts[1]!.h -= delta;
  for (let i = 1; delta > 0 && i < parts.length; i++) {
    const take = Math.min(delta, parts[i]!.h);
    parts[i]!.h -= take;
    delta -= take;
  }
  return parts.map((p) => ({ variant: p.variant, weight: p.h / 100 }));
}

/** The sum of the weights, in percent (two decimals), for the "adds up to" hint. */
export function splitTotal(split: FlagSplit[]): number {
  return split.reduce((s, p) => s + hundredths(p.weight), 0) / 100;
}
