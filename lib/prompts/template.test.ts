import { compileTemplate, variablesOf as sdkVariables } from "@sextant/sdk";
import { describe, expect, it } from "vitest";
import { bodyLines, configLines, diffLines } from "./diff";
import { renderPreview, variablesOf } from "./template";

const CASES = ["Hello {{name}}", "{{ a }} and {{b}} and {{a}}", "{{1bad}} {{ok_1.x-y}} {single} {{ spaced }}", "", "no vars"];

describe("template rules", () => {
  it("detects the same variables as the SDK compiles", () => {
    for (const text of CASES) {
      expect(variablesOf(text), text).toEqual(sdkVariables(text));
      const chat = [{ role: "system", content: text }, { role: "user", content: "{{q}}" }];
      expect(variablesOf(chat)).toEqual(sdkVariables(chat));
    }
  });

  it("previews like compile when every variable is given, and lists the missing ones otherwise", () => {
    const body = [{ role: "system", content: "You help {{ company }}." }, { role: "user", content: "{{question}}" }];
    expect(renderPreview(body, { company: "Acme", question: "Hi" })).toEqual({ body: compileTemplate(body, { company: "Acme", question: "Hi" }), missing: [] });
    expect(renderPreview(body, { company: "Acme", question: "" })).toEqual({ body: [{ role: "system", content: "You help Acme." }, { role: "user", content: "{{question}}" }], missing: ["question"] });
  });
});

describe("diff", () => {
  it("pairs changed lines and keeps additions and removals apart", () => {
    const rows = diffLines(["a", "b", "c", "d"], ["a", "B", "c", "e", "f"]);
    expect(rows.map((r) => [r.kind, r.left, r.right])).toEqual([
      ["same", "a", "a"],
      ["changed", "b", "B"],
      ["same", "c", "c"],
      ["changed", "d", "e"],
      ["added", null, "f"],
    ]);
    expect(diffLines(["x"], [])).toEqual([{ kind: "removed", left: "x", right: null, leftNo: 1, rightNo: null }]);
  });

  it("shows chat messages by role and config with sorted keys", () => {
    expect(bodyLines([{ role: "system", content: "one\ntwo" }, { role: "user", content: "{{q}}" }])).toEqual(["system:", "one", "two", "", "user:", "{{q}}"]);
    expect(configLines({ temperature: 0.2, model: "gpt-4o" })).toEqual(configLines({ model: "gpt-4o", temperature: 0.2 }));
    expect(diffLines(configLines({ model: "a" }), configLines({ model: "a" })).every((r) => r.kind === "same")).toBe(true);
  });
});
