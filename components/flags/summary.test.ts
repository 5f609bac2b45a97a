import type { Flag, FlagEnvironment } from "@sextant/sdk";
import { describe, expect, it } from "vitest";
import { environmentNames, onlyVariant, shareOf, staleHints } from "./summary";

const env = (over: Partial<FlagEnvironment> = {}): FlagEnvironment => ({ enabled: true, offVariant: "off", defaultVariant: "off", rules: [], ...over });
const staff = { conditions: [{ attribute: "email", operator: "ends_with" as const, values: ["@acme.test"] }], serve: { variant: "on" } };
const split = { conditions: [], serve: { split: [{ variant: "on", weight: 30 }, { variant: "off", weight: 70 }] } };
const DAY = 86_400_000;
const now = new Date("2026-12-01T00:00:00Z");
const flag = (environments: Record<string, FlagEnvironment>, createdDaysAgo: number, updatedDaysAgo = createdDaysAgo) => ({
  key: "f", type: "boolean", variants: { on: true, off: false }, environments,
  createdAt: new Date(now.getTime() - createdDaysAgo * DAY), updatedAt: new Date(now.getTime() - updatedDaysAgo * DAY),
}) as Flag & { createdAt: Date; updatedAt: Date };

describe("share of an environment", () => {
  it("kill switch, catch-all split after targeting rules, default", () => {
    expect(shareOf(env({ enabled: false, rules: [split] }))).toEqual({ killed: true, parts: [{ variant: "off", percent: 100 }], targetingRules: 0 });
    expect(shareOf(env({ rules: [staff, split] }))).toEqual({ killed: false, parts: [{ variant: "on", percent: 30 }, { variant: "off", percent: 70 }], targetingRules: 1 });
    expect(shareOf(env({ rules: [staff] }))).toEqual({ killed: false, parts: [{ variant: "off", percent: 100 }], targetingRules: 1 });
  });

  it("the only variant an environment can serve", () => {
    expect(onlyVariant(env())).toBe("off");
    expect(onlyVariant(env({ rules: [staff] }))).toBeNull();
    expect(onlyVariant(env({ rules: [{ conditions: [], serve: { split: [{ variant: "on", weight: 100 }, { variant: "off", weight: 0 }] } }] }))).toBe("on");
    expect(onlyVariant(env({ enabled: false, rules: [split] }))).toBe("off");
  });
});

describe("environment order", () => {
  it("production, staging, development, then by name, whatever order jsonb kept", () => {
    expect(environmentNames({ staging: 1, qa: 1, production: 1, eu: 1, development: 1 })).toEqual(["production", "staging", "development", "eu", "qa"]);
  });
});

describe("stale hints", () => {
  it("unused: no request in 14 days (a new flag gets time first)", () => {
    expect(staleHints(flag({ production: env({ rules: [split] }) }, 20), undefined, now)).toEqual([{ kind: "unused", text: "No requests carried this flag in 14+ days" }]);
    expect(staleHints(flag({ production: env({ rules: [split] }) }, 3), undefined, now)).toEqual([]);
    const seen = { lastSeenAt: new Date(now.getTime() - 16 * DAY), variantsInWindow: { on: 3, off: 4 } };
    expect(staleHints(flag({ production: env({ rules: [split] }) }, 60), seen, now)).toEqual([{ kind: "unused", text: "No requests carried this flag in 16 days" }]);
  });

  it("settled: one variant at 100 % by definition for 30 days, or in the traffic", () => {
    const recent = { lastSeenAt: new Date(now.getTime() - DAY), variantsInWindow: { on: 10 } };
    expect(staleHints(flag({ production: env({ defaultVariant: "on" }), staging: env({ defaultVariant: "on" }) }, 90, 31), recent, now)).toEqual([{ kind: "settled", text: '"on" has served 100 % for 30+ days' }]);
    // Changed 10 days ago: the definition says nothing yet, but the traffic does.
    expect(staleHints(flag({ production: env({ defaultVariant: "on" }) }, 90, 10), recent, now)).toEqual([{ kind: "settled", text: 'Only "on" was served in the last 30 days' }]);
    expect(staleHints(flag({ production: env({ rules: [split] }) }, 90), { ...recent, variantsInWindow: { on: 3, off: 7 } }, now)).toEqual([]);
  });
});
