// Calls the flag and OFREP route handlers in-process, as Next.js would, with a Bearer key.
import { NextRequest } from "next/server";
import * as ofrepBulk from "@/app/ofrep/v1/evaluate/flags/route";
import * as ofrepOne from "@/app/ofrep/v1/evaluate/flags/[key]/route";
import { createApiKey } from "@/lib/api-keys/create";
import { makeWorld } from "@/test/factories";
import * as one from "./[key]/route";
import * as toggle from "./[key]/environments/[env]/toggle/route";
import * as config from "./config/route";
import * as collection from "./route";

type Handler = (req: NextRequest, args: { params: Promise<never> }) => Promise<Response>;
type Headers = Record<string, string>;

/** A flag with a kill switch, a targeting rule and a 30 % split in production. */
export function sampleFlag(key = "new-model") {
  return {
    key,
    description: "Route answers to the new model",
    tags: ["models"],
    type: "boolean",
    variants: { on: true, off: false },
    environments: {
      production: {
        enabled: true,
        offVariant: "off",
        defaultVariant: "off",
        rules: [
          { id: "staff", conditions: [{ attribute: "email", operator: "ends_with", values: ["@acme.test"] }], serve: { variant: "on" } },
          { id: "rollout", conditions: [], serve: { split: [{ variant: "on", weight: 30 }, { variant: "off", weight: 70 }] } },
        ],
      },
      staging: { enabled: true, offVariant: "off", defaultVariant: "on", rules: [] },
    },
  };
}

export function flagsApi(token?: string) {
  const call = (handler: unknown, method: string, path: string, params: Record<string, string>, body?: unknown, headers: Headers = {}) => {
    const h: Headers = { ...(token ? { authorization: `Bearer ${token}` } : {}) };
    if (body !== undefined) h["content-type"] = "application/json";
    const init = { method, headers: { ...h, ...headers }, body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body) };
    return (handler as Handler)(new NextRequest(`http://localhost${path}`, init), { params: Promise.resolve(params as never) });
  };
  const at = (key: string) => `/api/v1/flags/${encodeURIComponent(key)}`;
  return {
    list: () => call(collection.GET, "GET", "/api/v1/flags", {}),
    create: (body: unknown, headers?: Headers) => call(collection.POST, "POST", "/api/v1/flags", {}, body, headers),
    get: (key: string) => call(one.GET, "GET", at(key), { key }),
    patch: (key: string, body: unknown, headers?: Headers) => call(one.PATCH, "PATCH", at(key), { key }, body, headers),
    remove: (key: string, headers?: Headers) => call(one.DELETE, "DELETE", at(key), { key }, undefined, headers),
    toggle: (key: string, env: string, body: unknown) => call(toggle.POST, "POST", `${at(key)}/environments/${env}/toggle`, { key, env }, body),
    config: (query = "", headers?: Headers) => call(config.GET, "GET", `/api/v1/flags/config${query}`, {}, undefined, headers),
    evaluate: (key: string, body: unknown, headers?: Headers) => call(ofrepOne.POST, "POST", `/ofrep/v1/evaluate/flags/${encodeURIComponent(key)}`, { key }, body, headers),
    bulk: (body: unknown, headers?: Headers) => call(ofrepBulk.POST, "POST", "/ofrep/v1/evaluate/flags", {}, body, headers),
  };
}

/** A fresh organization and project with a key pair, and a client for each key. */
export async function keyedProject() {
  const world = await makeWorld();
  const key = await createApiKey(world.as("owner"), { name: "flags" });
  return { world, key, api: flagsApi(key.secretKey), publicApi: flagsApi(key.publicKey) };
}

export async function errorOf(res: Response): Promise<{ code: string; message: string; issues?: { path: string; message: string }[] }> {
  return ((await res.json()) as { error: { code: string; message: string; issues?: { path: string; message: string }[] } }).error;
}
