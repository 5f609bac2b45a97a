import { chatToMessages, completionToMessage, messagesToChat, messageToCompletion } from "./mapping.js";

export type Params = Record<string, unknown>;
export type Provider = "openai" | "anthropic";

/** Where a model step sends its request, and how the request and answer are translated when that is another provider. */
export type Target = {
  provider: Provider;
  invoke(params: Params, options: Params | undefined): unknown;
  /** The client cancels its own request after the `timeout` request option; its configured timeout (see `ownTimeoutOf`). */
  ownTimeout?: number;
  mapReq?: (params: Params, model: string) => Params;
  mapRes?: (value: unknown) => unknown;
};

/**
 * When `o` is an OpenAI or Anthropic SDK client (or one of its resources), its configured
 * timeout in ms: those clients take a `timeout` request option and abort their own fetch
 * when it runs out, so an attempt needs no signal of ours. Undefined for anything else (a
 * hand-made client), which is cancelled through a signal.
 */
export function ownTimeoutOf(o: object): number | undefined {
  const client = ((o as { _client?: object })._client ?? o) as { fetchWithTimeout?: unknown; timeout?: unknown };
  if (typeof client.fetchWithTimeout !== "function") return undefined;
  return typeof client.timeout === "number" ? client.timeout : Infinity;
}

/** The provider a recorded method belongs to. */
export function providerOfPath(path: string): Provider {
  return path === "messages.create" ? "anthropic" : "openai";
}

function providerOf(client: object): Provider {
  const c = client as { chat?: { completions?: unknown }; messages?: { create?: unknown } };
  if (c.chat?.completions) return "openai";
  if (typeof c.messages?.create === "function") return "anthropic";
  throw new Error("A fallback client must be an OpenAI or Anthropic client.");
}

/** Calls `path` (e.g. `chat.completions.create`) on `client` with the resource as `this`. */
export function methodAt(client: object, path: string): (params: Params, options: Params | undefined) => unknown {
  const parts = path.split(".");
  return (params, options) => {
    let owner: Record<string, unknown> = client as Record<string, unknown>;
    for (const p of parts.slice(0, -1)) owner = owner[p] as Record<string, unknown>;
    return (owner[parts.at(-1)!] as (...a: unknown[]) => unknown).call(owner, params, options);
  };
}

/** The target for a fallback `client` when the call came in through `path`. Throws when the two cannot be mapped. */
export function targetFor(client: object, path: string): Target {
  const from = providerOfPath(path);
  const to = providerOf(client);
  const ownTimeout = ownTimeoutOf(client);
  if (from === to) return { provider: to, invoke: methodAt(client, path), ownTimeout };
  if (path === "chat.completions.create") {
    return { provider: to, invoke: methodAt(client, "messages.create"), ownTimeout, mapReq: chatToMessages, mapRes: (v) => messageToCompletion(v as never) };
  }
  if (path === "messages.create") {
    return { provider: to, invoke: methodAt(client, "chat.completions.create"), ownTimeout, mapReq: messagesToChat, mapRes: (v) => completionToMessage(v as never) };
  }
  throw new Error(`Cannot fall back from ${from} ${path} to ${to}: only chat requests are mapped between providers.`);
}
