// Property test: a thousand random malformed payloads at the ingest route over
// HTTP. Never a 5xx; a 4xx stores nothing; a 207 stores exactly what it accepted.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { countRows, event, INGEST_ROUTES, ingestWorld, serveRoutes } from "@/test/ingest-helpers";

let server: Awaited<ReturnType<typeof serveRoutes>>;
beforeAll(async () => {
  server = await serveRoutes(INGEST_ROUTES);
});
afterAll(() => server.close());

let seed = 20_261_126;
const rand = () => ((seed = (seed * 1_664_525 + 1_013_904_223) % 4_294_967_296) / 4_294_967_296);
const pick = <T,>(xs: T[]): T => xs[Math.floor(rand() * xs.length)]!;

const WEIRD: unknown[] = [
  null, true, false, 0, -1, 1e309 === Infinity ? 1e308 : 0, NaN, "", "x".repeat(300), "😀", "\u0000", [], {}, [[]], { a: { b: { c: [] } } },
  -0.5, 2 ** 53 + 1, "2026-13-45T99:99:99Z", "1970-01-01T00:00:00Z", "9999-12-31T23:59:59Z", { $gt: "" }, "'; drop table requests; --",
];
const FIELDS = ["id", "traceId", "parentId", "name", "kind", "startTime", "endTime", "durationMs", "timeToFirstTokenMs", "provider", "model", "status", "error", "usage", "costUsd", "input", "output", "userId", "environment", "prompt", "flags", "attempts", "cacheHit", "tags", "metadata"];

/** A valid event with one to three fields replaced by junk. */
function mutatedEvent(): unknown {
  const e: Record<string, unknown> = event({ input: undefined, output: undefined });
  const n = 1 + Math.floor(rand() * 3);
  for (let i = 0; i < n; i++) {
    const field = pick(FIELDS);
    if (rand() < 0.2) delete e[field];
    else e[field] = pick(WEIRD);
  }
  return e;
}

function malformedBody(): string {
  switch (Math.floor(rand() * 8)) {
    case 0: return JSON.stringify({ events: mutatedEvent() });
    case 1: return JSON.stringify(pick(WEIRD));
    case 2: return JSON.stringify({ events: Array.from({ length: 1 + Math.floor(rand() * 5) }, mutatedEvent) }).slice(0, Math.floor(rand() * 200));
    case 3: return JSON.stringify({ events: Array.from({ length: 1 + Math.floor(rand() * 5) }, () => pick(WEIRD)) });
    case 4: return JSON.stringify({ events: [mutatedEvent(), mutatedEvent()], extra: pick(WEIRD) });
    case 5: return `{"events":[${"[".repeat(Math.floor(rand() * 2000))}`;
    case 6: return JSON.stringify({ events: Array.from({ length: 1 + Math.floor(rand() * 4) }, mutatedEvent) });
    default: return Buffer.from(Array.from({ length: 64 }, () => Math.floor(rand() * 256))).toString("latin1");
  }
}

describe("ingest under random malformed payloads", () => {
  it("never answers 5xx and never writes more than it acknowledges", async () => {
    const w = await ingestWorld(server.url);
    let stored = 0;
    const statuses = new Map<number, number>();
    for (let i = 0; i < 1_000; i++) {
      const res = await w.post("/api/v1/ingest", malformedBody());
      statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
      expect(res.status, `payload #${i}`).toBeLessThan(500);
      if (res.status >= 400) expect(res.json.error.code).toMatch(/^[A-Z_]+$/);
      if (res.status === 200 || res.status === 207) stored += res.json.accepted;
      if (i % 100 === 99) expect(await countRows(w.projectId)).toBe(stored);
    }
    expect(await countRows(w.projectId)).toBe(stored);
    // The generator must actually reach the interesting answers.
    expect(statuses.get(400)).toBeGreaterThan(50);
    expect(statuses.get(422)).toBeGreaterThan(50);
  }, 120_000);
});
