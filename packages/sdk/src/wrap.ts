/**
 * A Proxy over a provider client that intercepts chosen methods (e.g.
 * `chat.completions.create`) and leaves everything else exactly as it was. Resource
 * objects on the way to an intercepted method are proxied too, and their `_client` points
 * back at the wrapped client, so the providers' own helpers (`.stream()`, `.parse()`),
 * which call `create` through it, are recorded as well.
 */
export type MethodHook = (target: object, original: (...args: unknown[]) => unknown, args: unknown[]) => unknown;

export function wrapClient<T extends object>(client: T, hooks: Record<string, MethodHook>): T {
  const prefixes = new Set<string>();
  for (const path of Object.keys(hooks)) {
    const parts = path.split(".");
    for (let i = 1; i < parts.length; i++) prefixes.add(parts.slice(0, i).join("."));
  }
  const make = <O extends object>(target: O, path: string): O => {
    const cache = new Map<string, { value: unknown; out: unknown }>();
    return new Proxy(target, {
      get(t, prop) {
        if (prop === "_client" && path !== "") return root;
        const value: unknown = Reflect.get(t, prop, t);
        if (typeof prop !== "string") return value;
        const cached = cache.get(prop);
        if (cached !== undefined && cached.value === value) return cached.out;
        const at = path ? `${path}.${prop}` : prop;
        let out: unknown = value;
        if (typeof value === "function") {
          const fn = value as (...args: unknown[]) => unknown;
          const hook = hooks[at];
          if (hook) out = (...args: unknown[]) => hook(t, fn, args);
          // A new client with other options: wrap it the same way.
          else if (path === "" && prop === "withOptions") out = (...args: unknown[]) => wrapClient(fn.apply(t, args) as object, hooks);
          // The client itself keeps private state that only its real `this` can reach.
          else if (path === "") out = fn.bind(t);
          else return value; // resource methods run with the proxy as `this`, so `this._client` is the wrapped client
        } else if (typeof value === "object" && value !== null && prefixes.has(at)) {
          out = make(value, at);
        } else {
          return value;
        }
        cache.set(prop, { value, out });
        return out;
      },
    });
  };
  const root: T = make(client, "");
  return root;
}
