import { describe, expect, it } from "vitest";
import { BUILT_IN_DETECTORS, DETECTOR_IDS, luhn } from "./detectors";
import fixtures from "./fixtures.json";
import { compileCustomPattern, compileRedactor, hasNestedRepetition } from "./redact";

type Fixture = { input: string; expected: string; counts: Record<string, number>; note?: string };

const all = compileRedactor(null);

describe("redaction fixtures", () => {
  it("has at least 40 cases, with negatives for every detector", () => {
    const cases = fixtures as Fixture[];
    expect(cases.length).toBeGreaterThanOrEqual(40);
    expect(cases.filter((f) => f.input === f.expected).length).toBeGreaterThanOrEqual(15);
    for (const id of DETECTOR_IDS) expect(cases.some((f) => (f.counts[id] ?? 0) > 0)).toBe(true);
  });

  it.each(fixtures as Fixture[])("$input", ({ input, expected, counts }) => {
    const got: Record<string, number> = {};
    expect(all.text(input, got)).toBe(expected);
    expect(got).toEqual(counts);
  });
});

describe("detectors", () => {
  it("run secrets first and phones last, with the documented ids and placeholders", () => {
    expect(BUILT_IN_DETECTORS.map((d) => [d.name, d.placeholder])).toEqual([
      ["secret", "[SECRET]"],
      ["creditCard", "[CREDIT_CARD]"],
      ["email", "[EMAIL]"],
      ["ip", "[IP]"],
      ["phone", "[PHONE]"],
    ]);
  });

  it("checks Luhn", () => {
    expect(luhn("4111111111111111")).toBe(true);
    expect(luhn("4111111111111112")).toBe(false);
    expect(luhn("378282246310005")).toBe(true);
  });

  it("stay correct on large, repetitive input (each scan is linear, so this is quick)", () => {
    const n = 50_000;
    const counts: Record<string, number> = {};
    // Long runs that almost match: word characters before a lone "@", digits with separators, hex with colons.
    const nearMisses = ["a".repeat(n) + "@", "1 ".repeat(n), "1.".repeat(n), "a:".repeat(n), "+1 ".repeat(n), "sk-".repeat(n), "Bearer ".repeat(n)];
    for (const s of nearMisses) expect(all.text(s, counts)).toBe(s);
    expect(counts).toEqual({});
    const many = "write to ann@example.com. ".repeat(2_000);
    expect(all.text(many, counts)).toBe("write to [EMAIL]. ".repeat(2_000));
    expect(counts).toEqual({ email: 2_000 });
  });
});

describe("json", () => {
  it("redacts string values at any depth, never keys, and leaves other values alone", () => {
    const input = {
      "jane@example.com": "key that looks like an email",
      messages: [{ role: "user", content: "I am jane@example.com, card 4111 1111 1111 1111" }, { role: "assistant", content: ["call +44 20 7946 0958", 42] }],
      temperature: 0.7,
      stream: false,
      stop: null,
      phone: 4155550134,
    };
    const counts: Record<string, number> = {};
    expect(all.json(input, counts)).toEqual({
      "jane@example.com": "key that looks like an email",
      messages: [{ role: "user", content: "I am [EMAIL], card [CREDIT_CARD]" }, { role: "assistant", content: ["call [PHONE]", 42] }],
      temperature: 0.7,
      stream: false,
      stop: null,
      phone: 4155550134,
    });
    expect(counts).toEqual({ email: 1, creditCard: 1, phone: 1 });
  });

  it("returns a new value and does not mutate its input", () => {
    const input = { a: ["jane@example.com", { b: "10.0.0.1 is the host" }] };
    const frozen = structuredClone(input);
    const out = all.json(input, {}) as typeof input;
    expect(input).toEqual(frozen);
    expect(out).not.toBe(input);
    expect(out.a).not.toBe(input.a);
    expect(out).toEqual({ a: ["[EMAIL]", { b: "[IP] is the host" }] });
  });

  it("keeps a __proto__ key as data, without changing the prototype", () => {
    const input = JSON.parse('{"__proto__": {"polluted": "jane@example.com"}}') as Record<string, unknown>;
    const out = all.json(input, {}) as Record<string, unknown>;
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
    expect(Object.keys(out)).toEqual(["__proto__"]);
    expect(JSON.stringify(out)).toBe('{"__proto__":{"polluted":"[EMAIL]"}}');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe("event", () => {
  it("redacts input, output, error.message and string metadata values, and counts per detector", () => {
    const e = {
      id: "evt-1",
      model: "gpt-4o",
      userId: "jane@example.com",
      input: [{ role: "user", content: "My email is jane@example.com and my IP 203.0.113.9" }],
      output: { role: "assistant", content: "Noted, jane@example.com." },
      error: { type: "auth", message: "Invalid key sk-proj-Abc123def456ghi789JKL0", httpStatus: 401 },
      metadata: { customer: "+1 415 555 0134", plan: "pro", seats: 4111111111111111, beta: true },
    };
    const before = structuredClone(e);
    const { event, counts } = all.event(e);
    expect(event).toEqual({
      ...before,
      input: [{ role: "user", content: "My email is [EMAIL] and my IP [IP]" }],
      output: { role: "assistant", content: "Noted, [EMAIL]." },
      error: { type: "auth", message: "Invalid key [SECRET]", httpStatus: 401 },
      metadata: { customer: "[PHONE]", plan: "pro", seats: 4111111111111111, beta: true },
    });
    // Only the documented fields are redacted; the event given is untouched.
    expect(event.userId).toBe("jane@example.com");
    expect(e).toEqual(before);
    expect(counts).toEqual({ email: 2, ip: 1, secret: 1, phone: 1 });
  });

  it("returns empty counts and leaves absent fields absent", () => {
    const { event, counts } = all.event({ id: "x", input: "hello there" });
    expect(event).toEqual({ id: "x", input: "hello there" });
    expect("output" in event).toBe(false);
    expect(counts).toEqual({});
  });
});

describe("settings", () => {
  const text = "jane@example.com, +1 415 555 0134, 10.0.0.1, 4111111111111111, AKIAIOSFODNN7EXAMPLE";

  it("turns a detector off only when it is explicitly false", () => {
    const counts: Record<string, number> = {};
    const r = compileRedactor({ detectors: { email: false, ip: true }, customPatterns: [] });
    expect(r.text(text, counts)).toBe("jane@example.com, [PHONE], [IP], [CREDIT_CARD], [SECRET]");
    expect(counts).toEqual({ phone: 1, ip: 1, creditCard: 1, secret: 1 });
    const none = compileRedactor({ detectors: { email: false, phone: false, creditCard: false, ip: false, secret: false }, customPatterns: [] });
    expect(none.text(text, {})).toBe(text);
    expect(compileRedactor({ detectors: {}, customPatterns: [] }).text(text, {})).toBe("[EMAIL], [PHONE], [IP], [CREDIT_CARD], [SECRET]");
  });

  it("applies custom patterns after the built-ins, with an upper-case placeholder and counts by name", () => {
    const r = compileRedactor({ detectors: {}, customPatterns: [{ name: "order_id", pattern: "ORD-\\d{4}-\\d{6}" }, { name: "Employee", pattern: "EMP\\d{5}" }] });
    const counts: Record<string, number> = {};
    expect(r.text("orders ORD-2024-000123, ORD-2024-000124 by EMP12345 (emp@example.com)", counts)).toBe("orders [ORDER_ID], [ORDER_ID] by [EMPLOYEE] ([EMAIL])");
    expect(counts).toEqual({ order_id: 2, Employee: 1, email: 1 });
  });

  it("skips a custom pattern that does not compile or matches the empty string, and still redacts the rest", () => {
    const r = compileRedactor({
      detectors: {},
      customPatterns: [
        { name: "broken", pattern: "([a-z" },
        { name: "everything", pattern: "x*" },
        { name: "ticket", pattern: "TCK-\\d+" },
      ],
    });
    const counts: Record<string, number> = {};
    expect(r.text("see TCK-991 from jane@example.com", counts)).toBe("see [TICKET] from [EMAIL]");
    expect(counts).toEqual({ ticket: 1, email: 1 });
  });

  it("explains why a custom pattern cannot be used", () => {
    expect(compileCustomPattern("([a-z")).toEqual({ error: expect.stringContaining("not a valid JavaScript regular expression") });
    expect(compileCustomPattern("a*")).toEqual({ error: expect.stringContaining("empty string") });
    expect(compileCustomPattern("a+")).toEqual({ re: /a+/g });
    expect(compileCustomPattern("^(a+)+$")).toEqual({ error: expect.stringContaining("exponential time") });
  });

  it("recognizes nested repetition, the shape that backtracks exponentially", () => {
    for (const p of ["(a+)+", "^(\\w+\\s?)*$", "((ab)*c)+", "(x{2,})*", "(?:[a-z]+-)+\\d"]) expect(hasNestedRepetition(p), p).toBe(true);
    for (const p of ["ORD-\\d+", "(\\d{3}-)+\\d{4}", "(foo|bar)+", "\\(a+\\)+", "[(a+)]+", "(a)(b+)", "EMP\\d{5}"]) expect(hasNestedRepetition(p), p).toBe(false);
  });
});
