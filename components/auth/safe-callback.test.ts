import { describe, expect, it } from "vitest";
import { safeCallback } from "./safe-callback";

describe("safeCallback", () => {
  it("keeps same-site paths", () => {
    expect(safeCallback("/p/123/settings/api-keys?x=1")).toBe("/p/123/settings/api-keys?x=1");
    expect(safeCallback("/invite/abc")).toBe("/invite/abc");
  });
  it("refuses anything that could leave the site", () => {
    for (const url of ["https://evil.test", "//evil.test/x", "/\\evil.test", "javascript:alert(1)", "", undefined]) {
      expect(safeCallback(url)).toBe("/");
    }
  });
});
