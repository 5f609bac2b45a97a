import { beforeAll, describe, expect, it } from "vitest";
import { ingestScores } from "@/lib/scores/ingest";
import { expectAppError, makeWorld, type World } from "@/test/factories";
import { getRequest } from "./get";
import { keyCtx, minuteAgo, nanos, store, variedEvents } from "./test-events";

let world: World;

beforeAll(async () => {
  world = await makeWorld();
  await store(world, variedEvents(minuteAgo(30)));
  const scored = await ingestScores(keyCtx(world), [
    { id: "score-1", requestId: "req-07", name: "helpfulness", value: 0.8, source: "eval", comment: "good enough" },
    { id: "score-2", requestId: "req-07", name: "thumbs", value: true, source: "user" },
    { id: "score-3", requestId: "req-07", name: "label", value: "polite" },
    { id: "score-4", requestId: "req-08", name: "helpfulness", value: 0.1 },
  ]);
  expect(scored.accepted).toBe(4);
});

describe("getRequest", () => {
  it("answers the request with its bodies and only its own scores", async () => {
    const r = await getRequest(world.as("viewer"), "req-07");
    expect(r).toMatchObject({ id: "req-07", model: "beta", status: "error", durationMs: 170 });
    expect(r.input).toEqual({ messages: [{ role: "user", content: "hello 7" }] });
    expect(r.output).toEqual({ text: "answer 7" });
    expect(r.scores.map((s) => [s.id, s.name, s.value, s.dataType, s.source])).toEqual([
      ["score-1", "helpfulness", 0.8, "numeric", "eval"],
      ["score-2", "thumbs", true, "boolean", "user"],
      ["score-3", "label", "polite", "categorical", "api"],
    ]);
    expect(r.scores[0]!.comment).toBe("good enough");
  });

  it("explains a table-priced cost line by line with the same arithmetic as ingest", async () => {
    const w = await makeWorld();
    await store(w, [{ id: "mini", startTime: minuteAgo(5), durationMs: 5, model: "gpt-4o-mini", usage: { inputTokens: 1200, cachedInputTokens: 200, outputTokens: 300 } }]);
    const r = await getRequest(w.as("viewer"), "mini");
    // 1,000 × $0.15/M + 200 × $0.075/M + 300 × $0.60/M = $0.000345
    expect(r.costUsd).toBe(0.000345);
    expect(r.cost.costUsd).toBe(0.000345);
    expect(r.cost.source).toBe("table");
    const text = r.cost.lines.join("\n");
    expect(text).toContain("1,000 input tokens");
    expect(text).toContain("200 cached input tokens");
    expect(text).toContain("300 output tokens");
    expect(r.cost.lines.at(-1)).toMatch(/Total: \$0\.000345/);
  });

  it("explains a client-given cost and an unpriced request", async () => {
    const given = await getRequest(world.as("viewer"), "req-03");
    expect(given.costUsd).toBe(Number(nanos(4 * 0.000123)) / 1e9);
    expect(given.cost).toEqual({ costUsd: given.costUsd, source: "given", lines: [expect.stringMatching(/client reported.*\$0\.000492/)] });

    const unpriced = await getRequest(world.as("viewer"), "req-04");
    expect(unpriced.costUsd).toBeNull();
    expect(unpriced.cost.costUsd).toBeNull();
    expect(unpriced.cost.source).toBe("unpriced");
    expect(unpriced.cost.lines.join("\n")).toMatch(/"beta".*unpriced/);
  });

  it("answers a request without bodies with null input and output", async () => {
    const w = await makeWorld();
    await store(w, [{ id: "bare", startTime: minuteAgo(5), durationMs: 5 }]);
    const r = await getRequest(w.as("viewer"), "bare");
    expect(r.input).toBeNull();
    expect(r.output).toBeNull();
    expect(r.scores).toEqual([]);
  });

  it("answers 404 for an unknown id and for another project's request", async () => {
    await expectAppError(getRequest(world.as("viewer"), "req-99"), "NOT_FOUND");
    const other = await makeWorld();
    await expectAppError(getRequest(other.as("owner"), "req-07"), "NOT_FOUND");
  });
});
