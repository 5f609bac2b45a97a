import { describe, expect, it } from "vitest";
import { compareSemver, parseSemver } from "./semver.js";

const cmp = (a: string, b: string) => compareSemver(parseSemver(a)!, parseSemver(b)!);

describe("semver", () => {
  it("orders versions as semver.org §11 does, pre-releases included", () => {
    // The precedence example from the specification, then core and numeric cases.
    const ordered = [
      "1.0.0-alpha", "1.0.0-alpha.1", "1.0.0-alpha.beta", "1.0.0-beta", "1.0.0-beta.2", "1.0.0-beta.11", "1.0.0-rc.1", "1.0.0",
      "1.0.1", "1.2.0", "1.10.0", "2.0.0-0", "2.0.0-1", "2.0.0-a", "2.0.0", "10.0.0", "9007199254740993.0.0",
    ];
    for (let i = 0; i < ordered.length; i++) {
      for (let j = 0; j < ordered.length; j++) {
        expect(cmp(ordered[i]!, ordered[j]!), `${ordered[i]} vs ${ordered[j]}`).toBe(Math.sign(i - j));
      }
    }
  });

  it("ignores build metadata and accepts a leading v", () => {
    expect(cmp("1.0.0+20130313144700", "1.0.0+exp.sha.5114f85")).toBe(0);
    expect(cmp("v1.2.3", "1.2.3")).toBe(0);
    expect(cmp("1.0.0-rc.1+build.1", "1.0.0-rc.1")).toBe(0);
  });

  it("refuses what is not a semantic version", () => {
    for (const bad of ["1", "1.2", "1.2.3.4", "01.2.3", "1.02.3", "1.2.3-", "1.2.3-01", "1.2.3-a..b", "1.2.3+", " 1.2.3", "vv1.2.3", "1.2.x"]) {
      expect(parseSemver(bad), bad).toBeUndefined();
    }
  });
});
