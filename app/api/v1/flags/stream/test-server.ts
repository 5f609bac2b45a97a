// Serves route handlers over real HTTP on 127.0.0.1 like test/http.ts, but writes response
// bodies as they are produced (Server-Sent Events) and aborts the request's signal when the
// client goes away, as Next.js does. `close()` also cuts open streams, so a test can take the
// server down under a running SDK.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { NextRequest } from "next/server";
import * as ofrepBulk from "@/app/ofrep/v1/evaluate/flags/route";
import * as ofrepOne from "@/app/ofrep/v1/evaluate/flags/[key]/route";
import type { Route } from "@/test/http";
import * as toggle from "../[key]/environments/[env]/toggle/route";
import * as config from "../config/route";
import * as exposures from "../exposures/route";
import * as collection from "../route";
import * as stream from "./route";

/** Every route an SDK (and a test driving flags) talks to. */
export const FLAG_HTTP_ROUTES: Route[] = [
  { method: "POST", path: /^\/api\/v1\/flags$/, handler: collection.POST },
  { method: "GET", path: /^\/api\/v1\/flags\/config$/, handler: config.GET },
  { method: "GET", path: /^\/api\/v1\/flags\/stream$/, handler: stream.GET },
  { method: "POST", path: /^\/api\/v1\/flags\/exposures$/, handler: exposures.POST },
  { method: "POST", path: /^\/api\/v1\/flags\/(?<key>[^/]+)\/environments\/(?<env>[^/]+)\/toggle$/, handler: toggle.POST },
  { method: "POST", path: /^\/ofrep\/v1\/evaluate\/flags$/, handler: ofrepBulk.POST },
  { method: "POST", path: /^\/ofrep\/v1\/evaluate\/flags\/(?<key>[^/]+)$/, handler: ofrepOne.POST },
];

export async function serveStreaming(routes: Route[]): Promise<{ url: string; close: () => Promise<void>; dropConnections: () => void }> {
  const server = http.createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const url = new URL(req.url ?? "/", `http://${req.headers.host}`);
    const route = routes.find((r) => r.method === req.method && r.path.test(url.pathname));
    if (!route) return void res.writeHead(404).end();
    const gone = new AbortController();
    res.on("close", () => gone.abort());
    const headers = new Headers();
    for (const [k, v] of Object.entries(req.headers)) if (typeof v === "string") headers.set(k, v);
    const body = chunks.length ? Buffer.concat(chunks) : undefined;
    const params = (route.path.exec(url.pathname)?.groups ?? {}) as Record<string, string>;
    const response = await route.handler(new NextRequest(url, { method: req.method, headers, body, signal: gone.signal }), { params: Promise.resolve(params) });
    res.writeHead(response.status, Object.fromEntries(response.headers.entries()));
    if (!response.body) return void res.end();
    const reader = response.body.getReader();
    res.on("close", () => void reader.cancel().catch(() => undefined));
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        res.write(value);
      }
    } catch {
      // cancelled because the client went away
    }
    res.end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => (server.close(() => resolve()), server.closeAllConnections())),
    /** Cuts every open connection (streams included) but keeps listening, like a proxy restart. */
    dropConnections: () => server.closeAllConnections(),
  };
}
