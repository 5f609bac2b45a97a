// The demo's prompts through the real routes: seeded once (a second run adds nothing), and a
// release cycle moves production forward and back.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PROMPT_ROUTES } from "@/app/api/v1/prompts/test-client";
import { listLabelMoves } from "@/lib/prompts/moves";
import { ingestWorld, serveRoutes } from "@/test/ingest-helpers";
import { seedPrompts, startReleases } from "./prompts";

let server: Awaited<ReturnType<typeof serveRoutes>>;
beforeAll(async () => {
  server = await serveRoutes(PROMPT_ROUTES);
});
afterAll(() => server.close());

describe("demo prompts", () => {
  it("seeds two prompts once and deploys then rolls back support-chat", async () => {
    const w = await ingestWorld(server.url);
    await seedPrompts(server.url, w.key.secretKey);
    await seedPrompts(server.url, w.key.secretKey);
    const res = await fetch(`${server.url}/api/v1/prompts`, { headers: { authorization: `Bearer ${w.key.secretKey}` } });
    const { prompts } = (await res.json()) as { prompts: { name: string; latestVersion: number; labels: { label: string; version: number }[] }[] };
    expect(prompts.map((p) => [p.name, p.latestVersion, p.labels.map((l) => `${l.label}@${l.version}`)])).toEqual([
      ["summarize", 2, ["production@2"]],
      ["support-chat", 3, ["production@2", "staging@3"]],
    ]);

    const stop = startReleases(server.url, w.key.secretKey, 150);
    await expect.poll(async () => (await listLabelMoves(w.world.as("viewer"), { name: "support-chat", label: "production" })).length, { timeout: 5_000 }).toBeGreaterThanOrEqual(3);
    stop();
    const moves = await listLabelMoves(w.world.as("viewer"), { name: "support-chat", label: "production" });
    expect(moves.slice(-3).reverse().map((m) => [m.from, m.to])).toEqual([[null, 2], [2, 3], [3, 2]]);
  });
});
