import { describe, expect, it } from "vitest";
import type { Queue } from "@/lib/review/rows";
import { describeRule, draftOf, inputOf } from "./draft";

const queue: Queue = {
  id: "q1", name: "Support", description: null, instructions: "Be fair.",
  rubric: [{ name: "helpful", type: "numeric", min: 1, max: 5 }, { name: "tone", type: "categorical", options: ["friendly", "rude"] }, { name: "notes", type: "text" }],
  allowCorrection: true, reviewsPerItem: 2, reviewers: [], lockSeconds: 120,
  samplingRules: [{ filter: { endpoint: "/chat", status: "error", tags: ["beta"], metadata: { plan: "pro" } }, rate: 12.5 }],
  createdAt: "", updatedAt: "",
};

describe("queue form draft", () => {
  it("round-trips a queue, keeping filter keys the form does not edit", () => {
    expect(inputOf(draftOf(queue))).toEqual({
      name: "Support", description: null, instructions: "Be fair.", rubric: queue.rubric, allowCorrection: true, reviewsPerItem: 2, lockSeconds: 120, reviewers: [],
      samplingRules: [{ filter: { metadata: { plan: "pro" }, endpoint: "/chat", status: "error", tags: ["beta"] }, rate: 12.5 }],
    });
  });

  it("describes a rule in words", () => {
    expect(describeRule(queue.samplingRules[0]!)).toBe('endpoint = /chat, status = error, tags = ["beta"], metadata = {"plan":"pro"} · 12.5 %');
    expect(describeRule({ filter: { feedback: "negative" }, rate: 100 })).toBe("negative user feedback · 100 %");
    expect(describeRule({ filter: {}, rate: 1 })).toBe("every request · 1 %");
  });
});
