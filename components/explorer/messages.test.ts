import { describe, expect, it } from "vitest";
import { toChat } from "./messages";

describe("toChat", () => {
  it("reads OpenAI chat input with string and part contents", () => {
    const chat = toChat([
      { role: "system", content: "Be brief." },
      { role: "user", content: [{ type: "text", text: "What is in" }, { type: "image_url", image_url: { url: "https://x/y.png" } }] },
    ], "user");
    expect(chat).toEqual([
      { role: "system", name: undefined, parts: [{ kind: "text", text: "Be brief." }] },
      { role: "user", name: undefined, parts: [{ kind: "text", text: "What is in" }, { kind: "media", label: "image" }] },
    ]);
  });

  it("reads an OpenAI assistant message with tool calls, and the tool's answer", () => {
    const out = toChat({ role: "assistant", content: null, tool_calls: [{ id: "c1", type: "function", function: { name: "lookup", arguments: '{"id":7}' } }] }, "assistant");
    expect(out).toEqual([{ role: "assistant", name: undefined, parts: [{ kind: "tool_call", name: "lookup", id: "c1", args: '{"id":7}' }] }]);
    expect(toChat([{ role: "tool", tool_call_id: "c1", content: "found" }], "user")).toEqual([{ role: "tool", parts: [{ kind: "tool_result", id: "c1", text: "found" }] }]);
  });

  it("reads Anthropic output blocks as one assistant message", () => {
    const out = toChat([{ type: "text", text: "Let me check." }, { type: "tool_use", id: "t1", name: "search", input: { q: "x" } }], "assistant");
    expect(out).toHaveLength(1);
    expect(out![0]!.role).toBe("assistant");
    expect(out![0]!.parts).toEqual([{ kind: "text", text: "Let me check." }, { kind: "tool_call", name: "search", id: "t1", args: '{\n  "q": "x"\n}' }]);
  });

  it("reads Anthropic input: a system prompt and tool results in user content", () => {
    const chat = toChat({ system: "You are terse.", messages: [{ role: "user", content: [{ type: "tool_result", tool_use_id: "t1", content: [{ type: "text", text: "42" }] }] }] }, "user");
    expect(chat!.map((m) => m.role)).toEqual(["system", "user"]);
    expect(chat![1]!.parts).toEqual([{ kind: "tool_result", id: "t1", text: "42" }]);
  });

  it("reads OpenAI completions (choices) and Responses output items", () => {
    expect(toChat({ choices: [{ message: { role: "assistant", content: "hi" } }] }, "assistant")![0]!.parts).toEqual([{ kind: "text", text: "hi" }]);
    const items = toChat([{ type: "message", role: "assistant", content: [{ type: "output_text", text: "done" }] }, { type: "function_call", name: "f", call_id: "k", arguments: "{}" }], "assistant");
    expect(items!.map((m) => [m.role, m.parts[0]!.kind])).toEqual([["assistant", "text"], ["assistant", "tool_call"]]);
  });

  it("reads plain text and {text} bodies in the fallback role", () => {
    expect(toChat("hello", "user")).toEqual([{ role: "user", parts: [{ kind: "text", text: "hello" }] }]);
    expect(toChat({ text: "answer 3" }, "assistant")).toEqual([{ role: "assistant", parts: [{ kind: "text", text: "answer 3" }] }]);
  });

  it("returns null for anything that is not chat-shaped", () => {
    for (const body of [null, 42, "", [], [1, 2], { vectors: 3, dimensions: 1536 }, [{ role: "user", content: "x" }, { foo: 1 }], { text: "a", extra: 1 }]) {
      expect(toChat(body, "user")).toBeNull();
    }
  });
});
