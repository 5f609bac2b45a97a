import { describe, expect, it } from "vitest";
import { Event, IngestBody, Score, toEpochMs } from "./events.js";

const base = { id: "req-1", startTime: "2026-11-26T10:00:00Z", durationMs: 120 };

describe("Event", () => {
  it("accepts a minimal event and fills defaults", () => {
    const e = Event.parse(base);
    expect(e.kind).toBe("llm");
    expect(e.status).toBe("ok");
    expect(e.environment).toBe("production");
  });
  it("accepts epoch milliseconds and endTime instead of durationMs", () => {
    expect(Event.safeParse({ id: "a", startTime: 1_795_000_000_000, endTime: 1_795_000_000_250 }).success).toBe(true);
  });
  it("needs endTime or durationMs", () => {
    const r = Event.safeParse({ id: "a", startTime: "2026-11-26T10:00:00Z" });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.path).toEqual(["endTime"]);
  });
  it("rejects times without a zone, negative tokens and oversized ids", () => {
    expect(Event.safeParse({ ...base, startTime: "2026-11-26 10:00" }).success).toBe(false);
    expect(Event.safeParse({ ...base, usage: { inputTokens: -1 } }).success).toBe(false);
    expect(Event.safeParse({ ...base, id: "x".repeat(129) }).success).toBe(false);
    expect(Event.safeParse({ ...base, metadata: { nested: { a: 1 } } }).success).toBe(false);
  });
  it("converts both time forms to epoch milliseconds", () => {
    expect(toEpochMs("2026-11-26T10:00:00.250+01:00")).toBe(Date.UTC(2026, 10, 26, 9, 0, 0, 250));
    expect(toEpochMs(42)).toBe(42);
  });
});

describe("envelopes", () => {
  it("bounds the batch size", () => {
    expect(IngestBody.safeParse({ events: [] }).success).toBe(false);
    expect(IngestBody.safeParse({ events: Array(1001).fill({}) }).success).toBe(false);
    expect(IngestBody.safeParse({ events: [{}] }).success).toBe(true);
  });
  it("needs a score target", () => {
    expect(Score.safeParse({ name: "helpful", value: true }).success).toBe(false);
    expect(Score.parse({ name: "helpful", value: 0.5, requestId: "r" }).source).toBe("api");
  });
});
