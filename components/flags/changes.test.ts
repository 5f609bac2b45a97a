import { describe, expect, it } from "vitest";
import { changedPaths, show } from "./changes";

describe("show", () => {
  it("prints a rule in reading order, whatever order jsonb kept", () => {
    expect(show({ serve: { split: [{ weight: 25, variant: "on" }] }, conditions: [{ values: ["pro"], operator: "in", attribute: "plan" }] }))
      .toBe('{"conditions":[{"attribute":"plan","operator":"in","values":["pro"]}],"serve":{"split":[{"variant":"on","weight":25}]}}');
    expect(show(undefined)).toBe("—");
  });
});

describe("changedPaths", () => {
  it("names each changed leaf, added and removed subtrees whole", () => {
    const before = { key: "f", environments: { production: { enabled: true, rules: [{ serve: { split: [{ variant: "on", weight: 30 }, { variant: "off", weight: 70 }] } }] } } };
    const after = { key: "f", description: "x", environments: { production: { enabled: false, rules: [{ serve: { split: [{ variant: "on", weight: 25 }, { variant: "off", weight: 75 }] } }] }, staging: { enabled: true } } };
    expect(changedPaths(before, after)).toEqual([
      { path: "description", before: undefined, after: "x" },
      { path: "environments.production.enabled", before: true, after: false },
      { path: "environments.production.rules.0.serve.split.0.weight", before: 30, after: 25 },
      { path: "environments.production.rules.0.serve.split.1.weight", before: 70, after: 75 },
      { path: "environments.staging", before: undefined, after: { enabled: true } },
    ]);
  });

  it("a created or deleted flag is one change; equal values none", () => {
    expect(changedPaths(null, { key: "f" })).toEqual([{ path: "(whole flag)", before: null, after: { key: "f" } }]);
    expect(changedPaths({ a: [1, 2] }, { a: [1, 2] })).toEqual([]);
    expect(changedPaths({ a: [1, 2] }, { a: [1] })).toEqual([{ path: "a.1", before: 2, after: undefined }]);
  });
});
