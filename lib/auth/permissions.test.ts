import { describe, expect, it } from "vitest";
import { ACTIONS, MATRIX, roleCan, ROLES } from "./permissions";

describe("permission matrix", () => {
  it("gives owners and admins every action", () => {
    for (const action of ACTIONS) {
      expect(roleCan("owner", action)).toBe(true);
      expect(roleCan("admin", action)).toBe(true);
    }
  });
  it("never lets viewers or reviewers change anything (reviewers only do their reviews)", () => {
    for (const role of ["viewer", "reviewer"] as const) {
      expect(MATRIX[role].filter((a) => a !== "review.work").every((a) => a.endsWith(".read"))).toBe(true);
    }
    expect(MATRIX.viewer).not.toContain("review.work");
    expect(MATRIX.reviewer).toContain("review.work");
  });
  it("lists only known actions for every role", () => {
    for (const role of ROLES) for (const a of MATRIX[role]) expect(ACTIONS).toContain(a);
  });
});
