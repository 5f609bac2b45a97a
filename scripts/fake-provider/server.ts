// A local OpenAI- and Anthropic-compatible provider for tests, demo traffic and
// benchmarks: realistic token counts and latencies, and injected 429s, 500s,
// timeouts, malformed bodies, streams that break mid-way, connections that drop
// before the answer, and context-length refusals. A request can force
// a fault with the `x-fake-fault` header; otherwise `faults` rates apply.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { messages } from "./anthropic";
import { chatCompletions, embeddings, responses } from "./openai";
import { latency, pickFault, seeded, sleep, type ProviderOptions } from "./shape";

export type FakeProvider = {
  url: string;
  openaiBaseUrl: string;
  anthropicBaseUrl: string;
  requests: number;
  /** Requests the client gave up on (closed the connection) before their answer was complete. */
  cancelled: number;
  /** Changes the fault rates from the next request on (e.g. `{ server_error: 1 }`: hard down; `{}`: healthy again). */
  setFaults: (faults: ProviderOptions["faults"]) => void;
  close: () => Promise<void>;
};

export async function startFakeProvider(opts: ProviderOptions & { port?: number } = {}): Promise<FakeProvider> {
  const rand = seeded(opts.seed ?? 42);
  const state = { requests: 0, cancelled: 0 };
  let faults = opts.faults;
  const server = http.createServer(async (req, res) => {
    state.requests++;
    res.on("close", () => {
      if (!res.writableFinished) state.cancelled++;
    });
    try {
      const chunks: Buffer[] = [];
      for await (const c of req) chunks.push(c as Buffer);
      const body = chunks.length ? JSON.parse(Buffer.concat(chunks).toString("utf8")) : {};
      const fault = pickFault(req.headers["x-fake-fault"] as string | undefined, rand, faults);
      if (fault === "stream_drop") {
        // A stream's response starts, then the connection drops before the first chunk.
        if (body.stream) res.writeHead(200, { "content-type": "text/event-stream" }).flushHeaders();
        setTimeout(() => res.destroy(), 5);
        return;
      }
      if (opts.latencyMs) await sleep(latency(rand, opts.latencyMs));
      const path = (req.url ?? "").split("?")[0];
      if (req.method === "POST" && path === "/v1/chat/completions") return await chatCompletions(res, body, rand, opts, fault);
      if (req.method === "POST" && path === "/v1/responses") return await responses(res, body, rand, opts, fault);
      if (req.method === "POST" && path === "/v1/embeddings") return embeddings(res, body, rand, fault);
      if (req.method === "POST" && path === "/anthropic/v1/messages") return await messages(res, body, rand, opts, fault);
      res.writeHead(404, { "content-type": "application/json" }).end(JSON.stringify({ error: { message: `No fake route ${req.method} ${path}` } }));
    } catch (err) {
      if (!res.headersSent) res.writeHead(400, { "content-type": "application/json" }).end(JSON.stringify({ error: { message: String(err) } }));
    }
  });
  await new Promise<void>((resolve) => server.listen(opts.port ?? 0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    openaiBaseUrl: `${url}/v1`,
    anthropicBaseUrl: `${url}/anthropic`,
    get requests() {
      return state.requests;
    },
    get cancelled() {
      return state.cancelled;
    },
    setFaults(next) {
      faults = next;
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
