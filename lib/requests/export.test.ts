import type { Event } from "@sextant/sdk";
import { beforeAll, describe, expect, it } from "vitest";
import { AppError } from "@/lib/http/errors";
import { makeWorld, type World } from "@/test/factories";
import { explorerQuery } from "./explorer-query";
import { csvCell, csvHeader, csvLine, exportPages } from "./export";
import type { RequestItem } from "./item";
import { listRequests } from "./list";
import { minuteAgo, store, variedEvents } from "./test-events";

describe("csvCell", () => {
  it("quotes commas, quotes and line breaks, doubling quotes", () => {
    expect(csvCell("plain")).toBe("plain");
    expect(csvCell('say "hi", then\nleave')).toBe('"say ""hi"", then\nleave"');
    expect(csvCell("a\r\nb")).toBe('"a\r\nb"');
  });

  it("neutralises text a spreadsheet would run as a formula", () => {
    for (const text of ["=HYPERLINK(\"http://x\")", "+1", "-2+3", "@SUM(A1)", "\tx", "\r=1"]) expect(csvCell(text).replace(/^"/, "")).toMatch(/^'/);
    expect(csvCell("=1,2")).toBe("\"'=1,2\"");
    expect(csvCell("a=b")).toBe("a=b");
  });

  it("writes numbers, booleans, objects and absent values plainly", () => {
    expect(csvCell(-1.5)).toBe("-1.5");
    expect(csvCell(0.000123)).toBe("0.000123");
    expect(csvCell(false)).toBe("false");
    expect(csvCell(null)).toBe("");
    expect(csvCell(undefined)).toBe("");
    expect(csvCell({ plan: "pro" })).toBe('"{""plan"":""pro""}"');
  });
});

let world: World;
let events: Event[];

beforeAll(async () => {
  world = await makeWorld();
  events = variedEvents(minuteAgo(40));
  await store(world, events);
});

async function pagesOf(gen: AsyncGenerator<RequestItem[]>): Promise<RequestItem[][]> {
  const pages: RequestItem[][] = [];
  for await (const page of gen) pages.push(page);
  return pages;
}
const drain = async (gen: AsyncGenerator<RequestItem[]>) => (await pagesOf(gen)).flat().map((r) => r.id);

describe("exportPages", () => {
  it("walks every page of the filter, in the list's order, up to the cap", async () => {
    const query = explorerQuery(new URLSearchParams("status=error&order=asc"));
    const all = (await listRequests(world.as("viewer"), { filters: query.filters, order: "asc", limit: 500 })).items.map((r) => r.id);
    expect(all.length).toBeGreaterThan(3);
    expect(await drain(await exportPages(world.as("viewer"), query, { pageSize: 2 }))).toEqual(all);
    expect(await drain(await exportPages(world.as("viewer"), query, { pageSize: 2, max: 3 }))).toEqual(all.slice(0, 3));
  });

  it("writes one CSV line per request under a header naming every column", async () => {
    const query = explorerQuery(new URLSearchParams("q=req-07"));
    const [page] = await pagesOf(await exportPages(world.as("viewer"), query));
    const header = csvHeader().trimEnd().split(",");
    const line = csvLine(page![0]!);
    expect(header).toContain("errorMessage");
    expect(line).toContain("req-07,trace-2,");
    expect(line).toContain(",upstream said no,");
    expect(line.endsWith("\r\n")).toBe(true);
  });
});

describe("explorerQuery", () => {
  const now = Date.parse("2026-11-26T10:02:00Z");
  it("reads a dashboard preset when no from/to is given, and from/to when they are", () => {
    const preset = explorerQuery(new URLSearchParams("range=1h&model=m"), now);
    expect(preset.filters.to.getTime() - preset.filters.from.getTime()).toBe(3_600_000);
    expect(preset.filters.model).toBe("m");
    const custom = explorerQuery(new URLSearchParams("range=1h&from=2026-11-26T09:00:00Z&to=2026-11-26T09:30:00Z"), now);
    expect(custom.filters.from.toISOString()).toBe("2026-11-26T09:00:00.000Z");
    expect(explorerQuery(new URLSearchParams(""), now).filters.from.getTime()).toBeLessThan(now - 86_000_000);
  });

  it("passes order, cursor and limit through and refuses what it cannot read", () => {
    expect(explorerQuery(new URLSearchParams("order=asc&cursor=abc&limit=5"), now)).toMatchObject({ order: "asc", cursor: "abc", limit: "5" });
    expect(explorerQuery(new URLSearchParams(""), now)).toMatchObject({ order: "desc", cursor: undefined, limit: undefined });
    for (const bad of ["order=up", "range=2y", "status=maybe", "from=yesterday"]) {
      expect(() => explorerQuery(new URLSearchParams(bad), now)).toThrow(AppError);
    }
  });
});
