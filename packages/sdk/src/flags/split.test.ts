import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { compileFlag, type CompiledFlag, type EvaluationContext } from "./compile.js";
import { evaluateFlag, splitIndex } from "./evaluate.js";
import { Flag, type FlagValue } from "./schema.js";

interface Vectors {
  flags: unknown[];
  cases: { flagKey: string; environment: string; context: EvaluationContext; bucket: number; variant: string; value: FlagValue; reason: string }[];
}
const vectors = JSON.parse(readFileSync(new URL("../../test-vectors/flags.json", import.meta.url), "utf8")) as Vectors;

/** A flag whose only rule splits everyone by `targetingKey` in the given order. */
function splitFlag(parts: [string, number][]): CompiledFlag {
  const variants = Object.fromEntries(parts.map(([name]) => [name, name]));
  return compileFlag(Flag.parse({
    key: "rollout.test",
    type: "string",
    variants,
    environments: {
      production: { enabled: true, offVariant: parts[0]![0], defaultVariant: parts[0]![0], rules: [{ conditions: [], serve: { split: parts.map(([variant, weight]) => ({ variant, weight })) } }] },
    },
  }));
}
const variantOf = (flag: CompiledFlag, key: string) => evaluateFlag(flag, { targetingKey: key }, { environment: "production", defaultValue: "" }).variant!;
const keys = (n: number) => Array.from({ length: n }, (_, i) => `user-${i}`);

describe("splits", () => {
  it("give every case of test-vectors/flags.json its published variant", () => {
    const flags = new Map(vectors.flags.map((f) => {
      const parsed = Flag.parse(f);
      return [parsed.key, compileFlag(parsed)];
    }));
    expect(vectors.cases.length).toBeGreaterThanOrEqual(40);
    for (const c of vectors.cases) {
      const r = evaluateFlag(flags.get(c.flagKey), c.context, { environment: c.environment, defaultValue: null });
      expect(r, JSON.stringify(c.context)).toMatchObject({ variant: c.variant, value: c.value, reason: c.reason });
    }
  });

  it("take consecutive bucket ranges in listed order, weight×100 buckets each", () => {
    const ends = [1050, 3075, 6075, 10000]; // 10.5 %, 20.25 %, 30 %, 39.25 %
    expect([0, 1049, 1050, 3074, 3075, 6074, 6075, 9999].map((b) => splitIndex(ends, b))).toEqual([0, 0, 1, 1, 2, 2, 3, 3]);
    expect(splitIndex([0, 10000], 0)).toBe(1); // a 0 % variant gets no bucket
  });

  it("land 100k targeting keys on a 30 % split within ±1 %", () => {
    const flag = splitFlag([["on", 30], ["off", 70]]);
    const on = keys(100_000).filter((k) => variantOf(flag, k) === "on").length;
    expect(Math.abs(on / 100_000 - 0.3)).toBeLessThan(0.01);
  });

  it("spread three-way decimal splits evenly too", () => {
    const flag = splitFlag([["a", 33.33], ["b", 33.33], ["c", 33.34]]);
    const counts = new Map<string, number>();
    for (const k of keys(60_000)) counts.set(variantOf(flag, k), (counts.get(variantOf(flag, k)) ?? 0) + 1);
    for (const v of ["a", "b", "c"]) expect(Math.abs(counts.get(v)! / 60_000 - 1 / 3)).toBeLessThan(0.01);
  });

  it("only move users into the first variant when its weight grows (30 → 50), never reshuffle others", () => {
    const before = splitFlag([["on", 30], ["off", 70]]);
    const after = splitFlag([["on", 50], ["off", 50]]);
    let moved = 0;
    for (const k of keys(10_000)) {
      const [b, a] = [variantOf(before, k), variantOf(after, k)];
      if (b === "on") expect(a, k).toBe("on");
      if (a !== b) {
        expect(a, k).toBe("on");
        moved++;
      }
    }
    expect(moved).toBeGreaterThan(1_500); // about 20 % of the keys moved in
  });

  it("keep that property with more variants when the first takes weight from the ones right after it", () => {
    const before = splitFlag([["a", 20], ["b", 30], ["c", 49.99], ["d", 0.01]]);
    const steps = [splitFlag([["a", 40], ["b", 10], ["c", 49.99], ["d", 0.01]]), splitFlag([["a", 60.5], ["b", 0], ["c", 39.49], ["d", 0.01]])];
    for (const after of steps) {
      for (const k of keys(10_000)) {
        const [b, a] = [variantOf(before, k), variantOf(after, k)];
        if (a !== b) expect(a, `${k}: ${b} → ${a}`).toBe("a");
      }
    }
  });

  it("stick to a custom attribute instead of targetingKey when the rule says so", () => {
    const flag = compileFlag(Flag.parse({
      key: "org.rollout", type: "boolean", variants: { on: true, off: false },
      environments: { production: { enabled: true, offVariant: "off", defaultVariant: "off", rules: [{ conditions: [], serve: { split: [{ variant: "on", weight: 50 }, { variant: "off", weight: 50 }], stickiness: "orgId" } }] } },
    }));
    const ev = (context: EvaluationContext) => evaluateFlag(flag, context, { environment: "production", defaultValue: false });
    for (let org = 0; org < 200; org++) {
      const first = ev({ orgId: `org-${org}`, targetingKey: "u-1" }).variant;
      expect(ev({ orgId: `org-${org}`, targetingKey: "u-2" }).variant).toBe(first); // everyone in an org agrees
    }
    expect(ev({ orgId: 42 }).variant).toBe(ev({ orgId: "42" }).variant);
    expect(ev({ targetingKey: "u-1" })).toMatchObject({ reason: "ERROR", errorCode: "TARGETING_KEY_MISSING" });
  });
});
