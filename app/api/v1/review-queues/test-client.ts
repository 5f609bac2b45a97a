// Calls the review routes in-process with a project's keys, as Next.js would.
import { NextRequest } from "next/server";
import { GET as getMetrics } from "@/app/api/v1/metrics/route";
import { GET as getRequest } from "@/app/api/v1/requests/[id]/route";
import { POST as escalate } from "@/app/api/v1/escalations/route";
import { POST as complete } from "@/app/api/v1/review-items/[id]/complete/route";
import { POST as skip } from "@/app/api/v1/review-items/[id]/skip/route";
import { createApiKey } from "@/lib/api-keys/create";
import { makeWorld } from "@/test/factories";
import { POST as claim } from "./[id]/claim/route";
import { GET as exportQueue } from "./[id]/export/route";
import { POST as addItems } from "./[id]/items/route";
import { GET as progress } from "./[id]/progress/route";
import { DELETE as remove, GET as getOne, PATCH as patch } from "./[id]/route";
import { GET as list, POST as create } from "./route";

type Handler = (req: NextRequest, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;

export async function reviewApi() {
  const world = await makeWorld();
  const key = await createApiKey(world.as("owner"), { name: "reviews" });
  const call = (handler: Handler, method: string, path: string, opts: { body?: unknown; params?: Record<string, string>; token?: string } = {}) => {
    const headers: Record<string, string> = { authorization: `Bearer ${opts.token ?? key.secretKey}` };
    if (opts.body !== undefined) headers["content-type"] = "application/json";
    const body = opts.body === undefined ? undefined : typeof opts.body === "string" ? opts.body : JSON.stringify(opts.body);
    return handler(new NextRequest(`http://localhost${path}`, { method, headers, body }), { params: Promise.resolve(opts.params ?? {}) });
  };
  const q = (id: string) => ({ params: { id } });
  return {
    world,
    key,
    create: (body: unknown, token?: string) => call(create as Handler, "POST", "/api/v1/review-queues", { body, token }),
    list: () => call(list as Handler, "GET", "/api/v1/review-queues"),
    get: (id: string, token?: string) => call(getOne as Handler, "GET", `/api/v1/review-queues/${id}`, { ...q(id), token }),
    patch: (id: string, body: unknown) => call(patch as Handler, "PATCH", `/api/v1/review-queues/${id}`, { ...q(id), body }),
    remove: (id: string) => call(remove as Handler, "DELETE", `/api/v1/review-queues/${id}`, q(id)),
    addItems: (id: string, body: unknown) => call(addItems as Handler, "POST", `/api/v1/review-queues/${id}/items`, { ...q(id), body }),
    claim: (id: string) => call(claim as Handler, "POST", `/api/v1/review-queues/${id}/claim`, q(id)),
    progress: (id: string) => call(progress as Handler, "GET", `/api/v1/review-queues/${id}/progress`, q(id)),
    exportQueue: (id: string) => call(exportQueue as Handler, "GET", `/api/v1/review-queues/${id}/export`, q(id)),
    complete: (id: string, body: unknown) => call(complete as Handler, "POST", `/api/v1/review-items/${id}/complete`, { ...q(id), body }),
    skip: (id: string) => call(skip as Handler, "POST", `/api/v1/review-items/${id}/skip`, q(id)),
    escalate: (body: unknown) => call(escalate as Handler, "POST", "/api/v1/escalations", { body }),
    request: (id: string) => call(getRequest as Handler, "GET", `/api/v1/requests/${id}`, q(id)),
    metrics: (query = "") => call(getMetrics as Handler, "GET", `/api/v1/metrics${query}`),
  };
}

export const errorOf = async (res: Response) => ((await res.json()) as { error: { code: string; issues?: { path: string }[] } }).error;
