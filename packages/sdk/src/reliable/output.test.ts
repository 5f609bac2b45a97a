import { describe, expect, it } from "vitest";
import { z } from "zod";
import { GuardBlockedError } from "./errors.js";
import { applyGuards, piiGuard, regexGuard } from "./guards.js";
import { parseJson, parseStructured } from "./structured.js";

const chat = (content: string) => ({ choices: [{ message: { role: "assistant", content } }] });

describe("parseJson", () => {
  it("repairs what models break: code fences, prose around, trailing commas, cut-off endings", () => {
    expect(parseJson('{"a":1}')).toEqual({ value: { a: 1 }, repaired: false });
    expect(parseJson('Here you go:\n```json\n{"a": [1, 2,],}\n```\nAnything else?').value).toEqual({ a: [1, 2] });
    expect(parseJson('{"name": "Ada", "tags": ["x", "y').value).toEqual({ name: "Ada", tags: ["x", "y"] });
    expect(parseJson('{"name": "Ada", "age":').value).toEqual({ name: "Ada" });
    expect(parseJson('[{"id": 1}, {"id": 2').value).toEqual([{ id: 1 }, { id: 2 }]);
    expect(() => parseJson("no json here")).toThrow(SyntaxError);
  });

  it("validates against a zod schema and says what is wrong", () => {
    const Order = z.object({ id: z.number(), status: z.enum(["open", "shipped"]) });
    expect(parseStructured('{"id": 7, "status": "open",}', Order)).toEqual({ ok: true, data: { id: 7, status: "open" }, repaired: true });
    const bad = parseStructured('{"id": "7", "status": "lost"}', Order);
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.error).toMatch(/id: .*status: /);
  });
});

describe("output guards", () => {
  it("redacts PII in place (cards only when they pass Luhn), flags and blocks", () => {
    const answer = chat("Mail ana@example.com, card 4111 1111 1111 1111, order 1234 5678 9012 3456.");
    const verdicts = applyGuards(answer, [piiGuard("redact", ["email", "card"]), regexGuard("refund", /refund/i, "flag")]);
    expect(verdicts).toEqual([{ guard: "pii", action: "redact", matches: 2 }]);
    expect(answer.choices[0]!.message.content).toBe("Mail [REDACTED], card [REDACTED], order 1234 5678 9012 3456.");
    expect(applyGuards(chat("We will refund you."), [regexGuard("refund", /refund/i, "flag")])).toEqual([{ guard: "refund", action: "flag", matches: 1 }]);
    expect(() => applyGuards(chat("ssn 123-45-6789"), [piiGuard("block")])).toThrow(GuardBlockedError);
  });

  it("only reports on a stream the user already saw", () => {
    const answer = chat("call +1 415 555 0100");
    expect(applyGuards(answer, [piiGuard("block", ["phone"])], false)).toEqual([{ guard: "pii", action: "block", matches: 1 }]);
    expect(answer.choices[0]!.message.content).toBe("call +1 415 555 0100");
  });
});
