// The SDK's prompt client against the real routes over HTTP: the public key reads, a stale
// copy is revalidated with If-None-Match (304 keeps the same object), and a moved label
// reaches the client on its next refresh.
import { PromptClient } from "@sextant/sdk";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ingestWorld, serveRoutes } from "@/test/ingest-helpers";
import { PROMPT_ROUTES } from "./test-client";

let server: Awaited<ReturnType<typeof serveRoutes>>;
beforeAll(async () => {
  server = await serveRoutes(PROMPT_ROUTES);
});
afterAll(() => server.close());

describe("SDK prompts against the app", () => {
  it("fetches with the public key, revalidates with 304 and follows a label move", async () => {
    const w = await ingestWorld(server.url);
    const api = (method: string, path: string, body?: unknown) =>
      fetch(`${server.url}/api/v1/prompts${path}`, { method, headers: { authorization: `Bearer ${w.key.secretKey}`, "content-type": "application/json" }, body: body ? JSON.stringify(body) : undefined });
    expect((await api("POST", "", { name: "greet", type: "text", prompt: "Hello {{name}}", labels: ["production"] })).status).toBe(201);
    expect((await api("POST", "/greet/versions", { prompt: "Hi {{name}}!" })).status).toBe(201);

    const errors: Error[] = [];
    const client = new PromptClient({ baseUrl: server.url, key: w.key.publicKey, cacheTtlMs: 0, onError: (e) => errors.push(e) });
    const first = await client.get("greet");
    expect(first).toMatchObject({ version: 1, prompt: "Hello {{name}}", labels: ["production"] });
    expect(first.compile({ name: "Ada" })).toBe("Hello Ada");
    expect(await client.get("greet")).toBe(first); // stale at once (ttl 0): answered from cache, refreshed behind
    await new Promise((r) => setTimeout(r, 200));
    expect(await client.get("greet")).toBe(first); // the refresh got 304: the very same object

    expect((await api("PUT", "/greet/labels/production", { version: 2 })).status).toBe(200);
    await expect.poll(async () => (await client.get("greet")).version, { timeout: 3_000 }).toBe(2);
    expect((await client.get("greet")).compile({ name: "Ada" })).toBe("Hi Ada!");
    expect(errors).toEqual([]);
  });
});
