// The SSE route over real HTTP: the revision at connect and after each change, the key's own
// project only, errors as ordinary answers, and every stream released when its client leaves.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openFlagStreams } from "@/lib/flags/stream";
import { keyedProject, sampleFlag } from "../test-client";
import { FLAG_HTTP_ROUTES, serveStreaming } from "./test-server";

let server: Awaited<ReturnType<typeof serveStreaming>>;
beforeAll(async () => {
  server = await serveStreaming(FLAG_HTTP_ROUTES);
});
afterAll(() => server.close());

/** Opens the stream and collects its events as they come. */
async function listen(token: string, query = "?environment=production") {
  const abort = new AbortController();
  const res = await fetch(`${server.url}/api/v1/flags/stream${query}`, { headers: { authorization: `Bearer ${token}` }, signal: abort.signal });
  const events: { event: string; data: unknown }[] = [];
  const raw: string[] = [];
  if (res.status === 200) {
    void (async () => {
      const decoder = new TextDecoder();
      let buffer = "";
      const reader = res.body!.getReader();
      try {
        for (;;) {
          const { done, value } = await reader.read();
          if (done) break;
          buffer += decoder.decode(value, { stream: true });
          let end: number;
          while ((end = buffer.indexOf("\n\n")) !== -1) {
            const block = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            raw.push(block);
            const event = /^event: (.*)$/m.exec(block)?.[1];
            const data = /^data: (.*)$/m.exec(block)?.[1];
            if (event && data) events.push({ event, data: JSON.parse(data) });
          }
        }
      } catch {
        // aborted by the test
      }
    })();
  }
  return { res, events, raw, close: () => abort.abort() };
}

const post = (token: string, path: string, body: unknown) =>
  fetch(`${server.url}/api/v1/flags${path}`, { method: "POST", headers: { authorization: `Bearer ${token}`, "content-type": "application/json" }, body: JSON.stringify(body) });

describe("GET /api/v1/flags/stream", () => {
  it("sends the revision at connect and again after each change, to the public key, for its own project only", async () => {
    const one = await keyedProject();
    const two = await keyedProject();
    expect((await post(one.key.secretKey, "", sampleFlag())).status).toBe(201);

    const a = await listen(one.key.publicKey);
    const b = await listen(two.key.publicKey);
    expect(a.res.status).toBe(200);
    expect(a.res.headers.get("content-type")).toBe("text/event-stream; charset=utf-8");
    expect(a.res.headers.get("cache-control")).toBe("no-cache, no-transform");
    await expect.poll(() => a.events).toEqual([{ event: "revision", data: { revision: 1 } }]);
    await expect.poll(() => b.events).toEqual([{ event: "revision", data: { revision: 0 } }]);
    expect(a.raw[0]).toBe("retry: 1000");

    expect((await post(one.key.secretKey, "/new-model/environments/production/toggle", { enabled: false })).status).toBe(200);
    await expect.poll(() => a.events.at(-1)).toEqual({ event: "revision", data: { revision: 2 } });
    expect((await post(one.key.secretKey, "/new-model/environments/production/toggle", { enabled: true })).status).toBe(200);
    await expect.poll(() => a.events.at(-1)).toEqual({ event: "revision", data: { revision: 3 } });
    expect(b.events).toEqual([{ event: "revision", data: { revision: 0 } }]); // the other project heard nothing
    a.close();
    b.close();
  });

  it("answers errors before streaming: 401 without a key, 422 for a bad environment", async () => {
    const { key } = await keyedProject();
    const anonymous = await fetch(`${server.url}/api/v1/flags/stream`);
    expect(anonymous.status).toBe(401);
    const bad = await listen(key.publicKey, "?environment=no%20spaces");
    expect(bad.res.status).toBe(422);
    expect(((await bad.res.json()) as { error: { code: string } }).error.code).toBe("UNPROCESSABLE_ENTITY");
  });

  it("releases a stream's subscription and timers when its client disconnects", async () => {
    const { key } = await keyedProject();
    const before = openFlagStreams();
    const streams = await Promise.all([1, 2, 3].map(() => listen(key.publicKey)));
    await expect.poll(() => streams.every((s) => s.events.length === 1)).toBe(true);
    expect(openFlagStreams()).toBe(before + 3);
    for (const s of streams) s.close();
    await expect.poll(() => openFlagStreams()).toBe(before);
  });
});
