// The explorer's additions to the request list: text search (`q`) and oldest-first order.
import type { Event } from "@sextant/sdk";
import { beforeAll, describe, expect, it } from "vitest";
import { activeFilterNames, parseFilters, type RequestFiltersInput } from "@/lib/metrics/filters";
import { queryMetrics } from "@/lib/metrics/query";
import { expectAppError, makeWorld, type World } from "@/test/factories";
import { listRequests } from "./list";
import { minuteAgo, store, variedEvents } from "./test-events";

let world: World;
let events: Event[];

const byTime = (a: Event, b: Event) => Date.parse(String(a.startTime)) - Date.parse(String(b.startTime)) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
const newest = (list: Event[]) => [...list].sort((a, b) => byTime(b, a)).map((e) => e.id);
const oldest = (list: Event[]) => [...list].sort(byTime).map((e) => e.id);

async function ids(filters: RequestFiltersInput, order: "asc" | "desc" = "desc"): Promise<string[]> {
  return (await listRequests(world.as("viewer"), { filters, order, limit: 500 })).items.map((i) => i.id);
}

beforeAll(async () => {
  world = await makeWorld();
  const base = minuteAgo(40);
  events = [
    ...variedEvents(base),
    // Characters LIKE would read as wildcards, in an id and an error message.
    { id: "100%_done", name: "summarize-ticket", startTime: new Date(base + 60_000).toISOString(), durationMs: 5, status: "error", error: { type: "quota", message: "Quota at 100% for ORG_7" } },
    { id: "plain", name: "classify", startTime: new Date(base + 61_000).toISOString(), durationMs: 5, endpoint: "/summarize" },
  ];
  await store(world, events);
});

describe("listRequests text search (q)", () => {
  const cases: [string, string, (e: Event) => boolean][] = [
    ["an id prefix", "req-0", (e) => e.id.startsWith("req-0")],
    ["a whole id", "req-07", (e) => e.id === "req-07"],
    ["a trace id", "trace-2", (e) => e.traceId === "trace-2"],
    ["a session id", "session-1", (e) => e.sessionId === "session-1"],
    ["a user id", "user-3", (e) => e.userId === "user-3"],
    ["an endpoint prefix", "/sum", (e) => !!e.endpoint?.startsWith("/sum")],
    ["a name prefix", "summarize", (e) => !!e.name?.startsWith("summarize")],
    ["part of an error message, any case", "SAID NO", (e) => !!e.error?.message?.includes("said no")],
    ["a literal % (not a wildcard)", "100%", (e) => e.id.startsWith("100%") || !!e.error?.message?.includes("100%")],
    ["a literal _ (not a wildcard)", "ORG_7", (e) => !!e.error?.message?.includes("ORG_7")],
  ];

  it.each(cases)("finds %s", async (_name, q, keep) => {
    const expected = newest(events.filter(keep));
    expect(expected.length).toBeGreaterThan(0);
    expect(expected.length).toBeLessThan(events.length);
    expect(await ids({ q })).toEqual(expected);
  });

  it("matches ids by prefix only, and nothing for an unknown text", async () => {
    expect(await ids({ q: "eq-07" })).toEqual([]);
    // As a wildcard `_` would match every row; as itself, only the message "…ORG_7".
    expect(await ids({ q: "_" })).toEqual(["100%_done"]);
    expect(await ids({ q: "nothing like this" })).toEqual([]);
  });

  it("combines with the other filters and the time range", async () => {
    expect(await ids({ q: "user-3", model: "beta" })).toEqual(newest(events.filter((e) => e.userId === "user-3" && e.model === "beta")));
    const at = Date.parse(String(events[9]!.startTime));
    expect(await ids({ q: "req-", from: at, to: at + 1000 })).toEqual(["req-11", "req-10", "req-09"]);
  });

  it("pages through the matches with the cursor", async () => {
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await listRequests(world.as("viewer"), { filters: { q: "req-" }, limit: 4, cursor });
      seen.push(...page.items.map((i) => i.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toEqual(newest(events.filter((e) => e.id.startsWith("req-"))));
  });

  it("reads q from the query string: trimmed, blank is absent, at most 200 characters", () => {
    expect(parseFilters(new URLSearchParams("q=%20req-07%20")).q).toBe("req-07");
    expect(parseFilters(new URLSearchParams("q=%20%20")).q).toBeUndefined();
    expect(() => parseFilters(new URLSearchParams(`q=${"x".repeat(201)}`))).toThrow(/invalid/);
  });

  it("is not a metrics filter: metrics ignore it", async () => {
    const filters = parseFilters(new URLSearchParams("q=req-07&model=beta"));
    expect(activeFilterNames(filters)).toEqual(["model"]);
    const answer = await queryMetrics(world.as("viewer"), { filters });
    expect(answer.groups[0]!.requests).toBe(events.filter((e) => e.model === "beta").length);
  });
});

describe("listRequests oldest first (order=asc)", () => {
  it("lists oldest first, ties broken by id ascending", async () => {
    expect(await ids({}, "asc")).toEqual(oldest(events));
  });

  it("pages through every request exactly once in that order", async () => {
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await listRequests(world.as("viewer"), { order: "asc", limit: 7, cursor });
      expect(page.items.length).toBeLessThanOrEqual(7);
      seen.push(...page.items.map((i) => i.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toEqual(oldest(events));
  });

  it("keeps filters, the half-open range and text search", async () => {
    const at = (i: number) => Date.parse(String(events[i]!.startTime));
    expect(await ids({ from: at(6), to: at(9) }, "asc")).toEqual(["req-06", "req-07", "req-08"]);
    expect(await ids({ status: "error", q: "req-1" }, "asc")).toEqual(oldest(events.filter((e) => e.status === "error" && e.id.startsWith("req-1"))));
  });

  it("refuses an unknown order with 422", async () => {
    await expectAppError(listRequests(world.as("viewer"), { order: "sideways" as "asc" }), "UNPROCESSABLE_ENTITY");
  });
});
