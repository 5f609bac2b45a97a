import type { Event } from "@sextant/sdk";
import { beforeAll, describe, expect, it } from "vitest";
import { parseFilters, type RequestFiltersInput } from "@/lib/metrics/filters";
import { expectAppError, makeWorld, type World } from "@/test/factories";
import { listRequests } from "./list";
import { minuteAgo, nanos, store, variedEvents } from "./test-events";

let world: World;
let events: Event[];

/** The order the list promises: newest first, ties broken by id, descending. */
function expectedOrder(list: Event[]): string[] {
  return [...list]
    .sort((a, b) => Date.parse(String(b.startTime)) - Date.parse(String(a.startTime)) || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0))
    .map((e) => e.id);
}

async function allIds(filters: RequestFiltersInput, limit = 500): Promise<string[]> {
  return (await listRequests(world.as("viewer"), { filters, limit })).items.map((i) => i.id);
}

beforeAll(async () => {
  world = await makeWorld();
  events = variedEvents(minuteAgo(40));
  await store(world, events);
});

describe("listRequests", () => {
  it("lists newest first, ties broken by id, without bodies", async () => {
    const page = await listRequests(world.as("viewer"), { limit: 500 });
    expect(page.items.map((i) => i.id)).toEqual(expectedOrder(events));
    expect(page.nextCursor).toBeNull();
    const item = page.items.find((i) => i.id === "req-07")!;
    expect(item).not.toHaveProperty("input");
    expect(item).not.toHaveProperty("output");
    expect(item).toMatchObject({
      traceId: "trace-2",
      kind: "llm",
      durationMs: 170,
      provider: "openai",
      model: "beta",
      endpoint: "/search",
      userId: "user-3",
      status: "error",
      error: { type: "timeout", message: "upstream said no", httpStatus: 429, retryable: true },
      usage: { inputTokens: 107, outputTokens: 17, cachedInputTokens: 0, reasoningTokens: 2 },
      costUsd: Number(nanos(8 * 0.000123)) / 1e9,
      prompt: { name: "greeter", version: 2 },
      flags: { beta: "on" },
      tags: ["red", "blue"],
      metadata: { plan: "pro", seats: 3 },
      attempts: 1,
      cacheHit: false,
    });
    expect(item.startTime).toBe(new Date(String(events[7]!.startTime)).toISOString());
    expect(Date.parse(item.endTime) - Date.parse(item.startTime)).toBe(170);
    expect(page.items.find((i) => i.id === "req-04")!.costUsd).toBeNull();
    expect(page.items.find((i) => i.id === "req-00")!.error).toBeNull();
  });

  it("pages through every request exactly once", async () => {
    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await listRequests(world.as("viewer"), { limit: 7, cursor });
      expect(page.items.length).toBeLessThanOrEqual(7);
      seen.push(...page.items.map((i) => i.id));
      cursor = page.nextCursor ?? undefined;
      pages += 1;
    } while (cursor);
    expect(pages).toBe(5);
    expect(seen).toEqual(expectedOrder(events));
    expect(new Set(seen).size).toBe(30);
  });

  it("ends with a null cursor when the last page is exactly full", async () => {
    const first = await listRequests(world.as("viewer"), { limit: 15 });
    const second = await listRequests(world.as("viewer"), { limit: 15, cursor: first.nextCursor! });
    expect(second.items).toHaveLength(15);
    expect(second.nextCursor).toBeNull();
  });

  const cases: [string, RequestFiltersInput, (e: Event) => boolean][] = [
    ["model", { model: "beta" }, (e) => e.model === "beta"],
    ["provider", { provider: "openai" }, (e) => e.provider === "openai"],
    ["endpoint", { endpoint: "/search" }, (e) => e.endpoint === "/search"],
    ["userId", { userId: "user-2" }, (e) => e.userId === "user-2"],
    ["sessionId", { sessionId: "session-1" }, (e) => e.sessionId === "session-1"],
    ["environment", { environment: "staging" }, (e) => e.environment === "staging"],
    ["status", { status: "error" }, (e) => e.status === "error"],
    ["errorType", { errorType: "rate_limit" }, (e) => e.error?.type === "rate_limit"],
    ["promptName", { promptName: "greeter" }, (e) => e.prompt?.name === "greeter"],
    ["promptVersion", { promptName: "greeter", promptVersion: 2 }, (e) => e.prompt?.version === 2],
    ["tag", { tags: ["blue"] }, (e) => !!e.tags?.includes("blue")],
    ["two tags", { tags: ["red", "blue"] }, (e) => !!e.tags?.includes("blue")],
    ["metadata text", { metadata: { plan: "free" } }, (e) => e.metadata?.plan === "free"],
    ["metadata number", { metadata: { seats: "2" } }, (e) => e.metadata?.seats === 2],
    ["two metadata", { metadata: { plan: "pro", seats: "1" } }, (e) => e.metadata?.plan === "pro" && e.metadata?.seats === 1],
    ["flag", { flags: { beta: "off" } }, (e) => e.flags?.beta === "off"],
    ["combined", { model: "alpha", status: "ok", environment: "production" }, (e) => e.model === "alpha" && e.status === "ok" && e.environment === "production"],
  ];

  it.each(cases)("filters by %s", async (_name, filters, keep) => {
    const expected = expectedOrder(events.filter(keep));
    expect(expected.length).toBeGreaterThan(0);
    expect(expected.length).toBeLessThan(events.length);
    expect(await allIds(filters)).toEqual(expected);
  });

  it("filters by the time range, half-open [from, to)", async () => {
    const at = (i: number) => Date.parse(String(events[i]!.startTime));
    // Requests 6..8 start at one instant, 9..11 one second later.
    expect(await allIds({ from: at(6), to: at(9) })).toEqual(["req-08", "req-07", "req-06"]);
    expect(await allIds({ from: new Date(at(6)).toISOString(), to: new Date(at(9) + 1).toISOString() })).toEqual(["req-11", "req-10", "req-09", "req-08", "req-07", "req-06"]);
    expect(await allIds({ from: Date.now() - 3 * 86_400_000, to: Date.now() - 2 * 86_400_000 })).toEqual([]);
  });

  it("reads query-string filters the same way", async () => {
    const params = new URLSearchParams("model=gamma&tag=red&metadata.plan=pro&flag.beta=on");
    const expected = expectedOrder(events.filter((e) => e.model === "gamma" && e.metadata?.plan === "pro" && e.flags?.beta === "on"));
    expect(expected.length).toBeGreaterThan(0);
    expect(await allIds(parseFilters(params))).toEqual(expected);
  });

  it("refuses a malformed cursor or limit with 422", async () => {
    for (const cursor of ["not a cursor", "bm9wZQ", Buffer.from(JSON.stringify(["x", 1])).toString("base64url")]) {
      const err = await expectAppError(listRequests(world.as("viewer"), { cursor }), "UNPROCESSABLE_ENTITY");
      expect(err.message).toMatch(/cursor/);
    }
    await expectAppError(listRequests(world.as("viewer"), { limit: 0 }), "UNPROCESSABLE_ENTITY");
    await expectAppError(listRequests(world.as("viewer"), { limit: 501 }), "UNPROCESSABLE_ENTITY");
  });

  it("shows another project nothing", async () => {
    const other = await makeWorld();
    const page = await listRequests(other.as("owner"), { limit: 500 });
    expect(page).toEqual({ items: [], nextCursor: null });
    const cursor = (await listRequests(world.as("viewer"), { limit: 3 })).nextCursor!;
    expect((await listRequests(other.as("owner"), { cursor })).items).toEqual([]);
  });
});
