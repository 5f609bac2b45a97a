import { describe, expect, it } from "vitest";
import { activeChips, addParam, keyValue, menuChanges, menuValue, removeParam, withParams } from "./url";

describe("filter URL helpers", () => {
  it("sets and removes values and keeps the rest", () => {
    expect(withParams("range=7d&model=a", { model: "b", endpoint: "/chat" }).toString()).toBe("range=7d&model=b&endpoint=%2Fchat");
    expect(withParams("range=7d&model=a", { model: null }).toString()).toBe("range=7d");
    expect(withParams("range=7d", { range: null, from: "2026-11-01T00:00:00.000Z" }).get("from")).toBe("2026-11-01T00:00:00.000Z");
  });

  it("handles repeatable tags", () => {
    const a = addParam(addParam("", "tag", "x"), "tag", "y");
    expect(addParam(a, "tag", "x").getAll("tag")).toEqual(["x", "y"]);
    expect(removeParam(a, "tag", "x").getAll("tag")).toEqual(["y"]);
    expect(removeParam(a, "tag").getAll("tag")).toEqual([]);
  });

  it("lists active filters as chips, not the range or the cursor", () => {
    expect(activeChips("range=24h&model=gpt-4o&cursor=abc&tag=beta&metadata.plan=pro&flag.new-ranker=on&promptVersion=3")).toEqual([
      { name: "model", value: "gpt-4o", label: "model" },
      { name: "tag", value: "beta", label: "tag" },
      { name: "metadata.plan", value: "pro", label: "metadata.plan" },
      { name: "flag.new-ranker", value: "on", label: "flag new-ranker" },
      { name: "promptVersion", value: "3", label: "prompt version" },
    ]);
  });

  it("reads key=value", () => {
    expect(keyValue(" plan = pro ")).toEqual({ key: "plan", value: "pro" });
    expect(keyValue("a=b=c")).toEqual({ key: "a", value: "b=c" });
    expect(keyValue("=x")).toBeNull();
    expect(keyValue("plan=")).toBeNull();
    expect(keyValue("plan")).toBeNull();
  });
});

describe("menus", () => {
  it("turns a prompt version choice into promptName and promptVersion, and back", () => {
    expect(menuChanges("promptVersion", "support@v2@7")).toEqual({ promptName: "support@v2", promptVersion: "7" });
    expect(menuChanges("promptVersion", "")).toEqual({ promptName: null, promptVersion: null });
    expect(menuChanges("model", "gpt-4o")).toEqual({ model: "gpt-4o" });
    expect(menuValue("promptVersion", new URLSearchParams("promptName=support&promptVersion=7"))).toBe("support@7");
    expect(menuValue("promptVersion", new URLSearchParams("promptVersion=7"))).toBe("");
    expect(menuValue("model", new URLSearchParams("model=x"))).toBe("x");
  });
});
