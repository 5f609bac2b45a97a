import { describe, expect, it } from "vitest";
import { parseInline, parseMarkdown } from "./markdown";

describe("queue instructions markdown", () => {
  it("reads headings, paragraphs, lists, quotes and code blocks", () => {
    const blocks = parseMarkdown("# Score answers\n\nRead the **whole** answer\nfirst.\n\n- one\n- two\n\n1. a\n2. b\n\n> careful\n\n```\n<b>raw</b>\n```");
    expect(blocks).toEqual([
      { kind: "heading", level: 1, children: [{ kind: "text", text: "Score answers" }] },
      { kind: "paragraph", children: [{ kind: "text", text: "Read the " }, { kind: "strong", children: [{ kind: "text", text: "whole" }] }, { kind: "text", text: " answer first." }] },
      { kind: "list", ordered: false, items: [[{ kind: "text", text: "one" }], [{ kind: "text", text: "two" }]] },
      { kind: "list", ordered: true, items: [[{ kind: "text", text: "a" }], [{ kind: "text", text: "b" }]] },
      { kind: "quote", children: [{ kind: "text", text: "careful" }] },
      { kind: "code", text: "<b>raw</b>" },
    ]);
  });

  it("keeps HTML as text and drops links that are not http(s) or mailto", () => {
    expect(parseInline("<img src=x onerror=alert(1)> [x](javascript:void) [docs](https://example.com)")).toEqual([
      { kind: "text", text: "<img src=x onerror=alert(1)> x " },
      { kind: "link", href: "https://example.com", children: [{ kind: "text", text: "docs" }] },
    ]);
  });

  it("reads inline code literally and italics with * or _", () => {
    expect(parseInline("`**not bold**` *it* _also_ a*b")).toEqual([
      { kind: "code", text: "**not bold**" },
      { kind: "text", text: " " },
      { kind: "em", children: [{ kind: "text", text: "it" }] },
      { kind: "text", text: " " },
      { kind: "em", children: [{ kind: "text", text: "also" }] },
      { kind: "text", text: " a*b" },
    ]);
  });
});
