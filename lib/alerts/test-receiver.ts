// Test fixtures: a real HTTP receiver on 127.0.0.1 for webhooks, and error/healthy traffic
// stored through the real ingest path.
import http from "node:http";
import type { AddressInfo } from "node:net";
import type { Event } from "@sextant/sdk";
import { MINUTE, store } from "@/lib/requests/test-events";
import type { World } from "@/test/factories";

export type Received = { headers: http.IncomingHttpHeaders; body: string; json: unknown };

/** Answers each POST with the next of `answers` (then the last one again), recording what arrived. */
export async function startReceiver(answers: { status: number; body?: string; headers?: Record<string, string> }[] = [{ status: 200 }]) {
  const received: Received[] = [];
  const server = http.createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const body = Buffer.concat(chunks).toString("utf8");
    received.push({ headers: req.headers, body, json: body ? JSON.parse(body) : null });
    const a = answers[Math.min(received.length - 1, answers.length - 1)]!;
    res.writeHead(a.status, a.headers ?? { "content-type": "text/plain" }).end(a.body ?? "ok");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/hook`, received, close: () => new Promise<void>((r) => server.close(() => r())) };
}

/** `perMinute` requests a minute for the minutes [fromMinute, toMinute) after `base`, `errorShare` of them failed. */
export function traffic(base: number, o: { model: string; fromMinute: number; toMinute: number; perMinute: number; errorShare: number; prefix: string }): Event[] {
  const events: Event[] = [];
  for (let m = o.fromMinute; m < o.toMinute; m++) {
    for (let i = 0; i < o.perMinute; i++) {
      const failed = i < Math.round(o.perMinute * o.errorShare);
      events.push({
        id: `${o.prefix}-${m}-${i}`,
        startTime: base + m * MINUTE + i * 100,
        durationMs: 200,
        provider: "openai",
        model: o.model,
        status: failed ? "error" : "ok",
        ...(failed ? { error: { type: "server_error", message: "upstream 500", httpStatus: 500, retryable: true } } : {}),
        costUsd: 0.01,
      });
    }
  }
  return events;
}

export async function storeTraffic(world: World, base: number, o: Parameters<typeof traffic>[1]): Promise<void> {
  await store(world, traffic(base, o));
}
