import { reliableCall } from "./call.js";
import { makeEngine, type ReliablePolicy } from "./policy.js";
import type { Recording } from "./record.js";
import { ownTimeoutOf, providerOfPath, targetFor, type Params, type Target } from "./targets.js";

/** The methods the policy applies to; everything else on the client is passed through untouched. */
const METHODS = new Set(["chat.completions.create", "responses.create", "embeddings.create", "messages.create"]);
const PREFIXES = new Set(["chat", "chat.completions", "responses", "embeddings", "messages"]);

const NOT_HERE = () => Promise.reject(new Error("withResponse()/asResponse() are not available through reliable(): one call may be several HTTP requests. Use the wrapped client for raw responses."));
const RAW = { withResponse: NOT_HERE, asResponse: NOT_HERE };

/**
 * `client` with the policy applied to its model calls, same type back. Give it a client
 * from `wrapOpenAI`/`wrapAnthropic` so each attempt is recorded; `env` (from `Sextant`)
 * adds the decisions to those records. The clients' helpers built on `create`
 * (`.stream()`, `.parse()`) keep going through the client given, without the policy.
 */
export function reliable<T extends object>(client: T, policy: ReliablePolicy = {}, env?: Recording): T {
  const engine = makeEngine(policy);
  const fallbackTargets = new Map<object, Map<string, Target>>();
  const resolve = (other: object, path: string): Target => {
    let byPath = fallbackTargets.get(other);
    if (!byPath) fallbackTargets.set(other, (byPath = new Map()));
    let t = byPath.get(path);
    if (!t) byPath.set(path, (t = targetFor(other, path)));
    return t;
  };
  const make = <O extends object>(target: O, path: string): O => {
    const cache = new Map<string, { value: unknown; out: unknown }>();
    return new Proxy(target, {
      get(t, prop) {
        const value: unknown = Reflect.get(t, prop, t);
        if (typeof prop !== "string") return value;
        const cached = cache.get(prop);
        if (cached !== undefined && cached.value === value) return cached.out;
        const at = path ? `${path}.${prop}` : prop;
        let out: unknown;
        if (typeof value === "function" && METHODS.has(at)) {
          const primary: Target = { provider: providerOfPath(at), invoke: (params, options) => (value as (...a: unknown[]) => unknown).call(t, params, options), ownTimeout: ownTimeoutOf(t) };
          out = (params: unknown, options?: unknown) => {
            if (typeof params !== "object" || params === null) return (value as (...a: unknown[]) => unknown).call(t, params, options);
            const p = reliableCall({ e: engine, env, path: at, primary, params: params as Params, options: options as Params | undefined, resolve });
            return Object.assign(p, RAW);
          };
        } else if (typeof value === "object" && value !== null && PREFIXES.has(at)) {
          out = make(value, at);
        } else if (typeof value === "function") {
          // Bound to what was given: the client's private state needs its real `this`, and
          // helpers such as `messages.stream()` call `this.create`, which must not come back here.
          out = (value as (...a: unknown[]) => unknown).bind(t);
        } else {
          return value;
        }
        cache.set(prop, { value, out });
        return out;
      },
    });
  };
  return make(client, "");
}


