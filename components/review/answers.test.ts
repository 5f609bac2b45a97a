import { describe, expect, it } from "vitest";
import { keyHint, missing, takesKeys, toScores, valueForKey } from "./answers";

const helpful = { name: "helpful", type: "numeric" as const, min: 1, max: 5 };
const correct = { name: "correct", type: "boolean" as const };
const tone = { name: "tone", type: "categorical" as const, options: ["friendly", "neutral", "rude"] };
const notes = { name: "notes", type: "text" as const };
const wide = { name: "latency", type: "numeric" as const, min: 0, max: 100 };

describe("review keys", () => {
  it("maps digits to scale values, options and yes/no, and ignores keys out of range", () => {
    expect(valueForKey(helpful, "4")).toBe(4);
    expect(valueForKey(helpful, "0")).toBeUndefined();
    expect(valueForKey(helpful, "6")).toBeUndefined();
    expect(valueForKey(correct, "1")).toBe(true);
    expect(valueForKey(correct, "0")).toBe(false);
    expect(valueForKey(correct, "n")).toBe(false);
    expect(valueForKey(tone, "3")).toBe("rude");
    expect(valueForKey(tone, "4")).toBeUndefined();
    expect(valueForKey(tone, "0")).toBeUndefined();
    expect(valueForKey(notes, "1")).toBeUndefined();
  });

  it("sends wide scales and text to an input instead", () => {
    expect([helpful, correct, tone, notes, wide].map(takesKeys)).toEqual([true, true, true, false, false]);
    expect(keyHint(tone)).toBe("1 friendly · 2 neutral · 3 rude");
    expect(keyHint(wide)).toBe("type 0–100, Esc to leave");
  });

  it("needs every line but text before sending, and drops blank text", () => {
    const rubric = [helpful, correct, tone, notes];
    expect(missing(rubric, { helpful: 3 })).toEqual(["correct", "tone"]);
    expect(missing(rubric, { helpful: 3, correct: false, tone: "rude" })).toEqual([]);
    expect(toScores(rubric, { helpful: 3, correct: false, tone: "rude", notes: "  " })).toEqual({ helpful: 3, correct: false, tone: "rude" });
    expect(missing([wide], { latency: " " })).toEqual(["latency"]);
    expect(toScores([wide], { latency: "12.5" })).toEqual({ latency: 12.5 });
  });
});
