// Serves route handlers over real HTTP on 127.0.0.1 so API tests go through sockets,
// headers, gzip and status lines exactly as a client sees them.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { NextRequest } from "next/server";

// Method syntax keeps parameters bivariant, so handlers with typed params fit.
export type Route = { method: string; path: RegExp; handler(req: NextRequest, ctx: { params: Promise<Record<string, string>> }): Promise<Response> };

export async function serveRoutes(routes: Route[]): Promise<{ url: string; close: () => Promise<void> }> {
  const server = http.createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const url = new URL(req.url ?? "/", `http://${req.headers.host}`);
    const route = routes.find((r) => r.method === req.method && r.path.test(url.pathname));
    if (!route) {
      res.writeHead(404).end();
      return;
    }
    const params = (route.path.exec(url.pathname)?.groups ?? {}) as Record<string, string>;
    const headers = new Headers();
    for (const [k, v] of Object.entries(req.headers)) if (typeof v === "string") headers.set(k, v);
    const body = chunks.length ? Buffer.concat(chunks) : undefined;
    const response = await route.handler(new NextRequest(url, { method: req.method, headers, body }), { params: Promise.resolve(params) });
    res.writeHead(response.status, Object.fromEntries(response.headers.entries()));
    res.end(Buffer.from(await response.arrayBuffer()));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
