// Sticky splits at scale, through the same pure core the server's OFREP routes run.
import { compileFlag, evaluateFlag, Flag } from "@sextant/sdk";
import { describe, expect, it } from "vitest";

const KEYS = Array.from({ length: 100_000 }, (_, i) => `user-${i}`);

function rollout(onWeight: number) {
  return compileFlag(
    Flag.parse({
      key: "new-model",
      type: "boolean",
      variants: { on: true, off: false },
      environments: {
        production: { enabled: true, offVariant: "off", defaultVariant: "off", rules: [{ conditions: [], serve: { split: [{ variant: "on", weight: onWeight }, { variant: "off", weight: 100 - onWeight }] } }] },
      },
    }),
  );
}

const onKeys = (flag: ReturnType<typeof rollout>) =>
  new Set(KEYS.filter((targetingKey) => evaluateFlag(flag, { targetingKey }, { environment: "production", defaultValue: false }).value === true));

describe("sticky percentage rollout", () => {
  it("puts 100k targeting keys on a 30 % split within ±1 %, and raising it to 50 % keeps every one of them on", () => {
    const at30 = onKeys(rollout(30));
    expect(Math.abs(at30.size / KEYS.length - 0.3)).toBeLessThanOrEqual(0.01);
    const at50 = onKeys(rollout(50));
    expect(Math.abs(at50.size / KEYS.length - 0.5)).toBeLessThanOrEqual(0.01);
    expect([...at30].filter((k) => !at50.has(k))).toEqual([]);
  });
});
