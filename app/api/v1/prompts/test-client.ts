// In-process calls of the prompt routes with a project's keys, as Next.js would make them.
import { NextRequest } from "next/server";
import { createApiKey } from "@/lib/api-keys/create";
import { makeWorld } from "@/test/factories";
import { GET as getOne } from "./[name]/route";
import { PUT as moveLabel } from "./[name]/labels/[label]/route";
import { POST as rollback } from "./[name]/labels/[label]/rollback/route";
import { GET as listVersions, POST as addVersion } from "./[name]/versions/route";
import { DELETE as deleteVersion, GET as getVersion, PUT as putVersion } from "./[name]/versions/[version]/route";
import { GET as list, POST as create } from "./route";

/** The prompt routes by method and path, for serving them over real HTTP (test/http.ts). */
export const PROMPT_ROUTES = [
  { method: "GET", path: /^\/api\/v1\/prompts$/, handler: list },
  { method: "POST", path: /^\/api\/v1\/prompts$/, handler: create },
  { method: "GET", path: /^\/api\/v1\/prompts\/(?<name>[^/]+)$/, handler: getOne },
  { method: "POST", path: /^\/api\/v1\/prompts\/(?<name>[^/]+)\/versions$/, handler: addVersion },
  { method: "PUT", path: /^\/api\/v1\/prompts\/(?<name>[^/]+)\/labels\/(?<label>[^/]+)$/, handler: moveLabel },
  { method: "POST", path: /^\/api\/v1\/prompts\/(?<name>[^/]+)\/labels\/(?<label>[^/]+)\/rollback$/, handler: rollback },
];

const BASE = "http://localhost/api/v1/prompts";
type Opts = { token?: string; headers?: Record<string, string> };

export async function promptApi() {
  const world = await makeWorld();
  const key = await createApiKey(world.as("owner"), { name: "prompts" });
  const req = (path: string, method: string, body: unknown, o: Opts = {}) =>
    new NextRequest(`${BASE}${path}`, {
      method,
      headers: { authorization: `Bearer ${o.token ?? key.secretKey}`, ...(body === undefined ? {} : { "content-type": "application/json" }), ...o.headers },
      body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
    });
  const p = <P>(params: P) => ({ params: Promise.resolve(params) });
  const enc = encodeURIComponent;
  return {
    world,
    key,
    list: (o?: Opts) => list(req("", "GET", undefined, o), p({})),
    create: (body: unknown, o?: Opts) => create(req("", "POST", body, o), p({})),
    get: (name: string, query = "", o?: Opts) => getOne(req(`/${enc(name)}${query}`, "GET", undefined, o), p({ name })),
    versions: (name: string, o?: Opts) => listVersions(req(`/${enc(name)}/versions`, "GET", undefined, o), p({ name })),
    addVersion: (name: string, body: unknown, o?: Opts) => addVersion(req(`/${enc(name)}/versions`, "POST", body, o), p({ name })),
    getVersion: (name: string, version: string, o?: Opts) => getVersion(req(`/${enc(name)}/versions/${version}`, "GET", undefined, o), p({ name, version })),
    putVersion: (name: string, version: string, body: unknown, o?: Opts) => putVersion(req(`/${enc(name)}/versions/${version}`, "PUT", body, o), p({ name, version })),
    deleteVersion: (name: string, version: string, o?: Opts) => deleteVersion(req(`/${enc(name)}/versions/${version}`, "DELETE", undefined, o), p({ name, version })),
    move: (name: string, label: string, body: unknown, o?: Opts) => moveLabel(req(`/${enc(name)}/labels/${label}`, "PUT", body, o), p({ name, label })),
    rollback: (name: string, label: string, o?: Opts) => rollback(req(`/${enc(name)}/labels/${label}/rollback`, "POST", undefined, o), p({ name, label })),
  };
}

export async function errorOf(res: Response): Promise<{ code: string; message: string; issues?: { path: string; message: string }[] }> {
  return ((await res.json()) as { error: { code: string; message: string; issues?: { path: string; message: string }[] } }).error;
}
