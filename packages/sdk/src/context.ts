import { AsyncLocalStorage } from "node:async_hooks";
import type { Attrs } from "./attrs.js";

/** The span code is running inside: its ids, the trace's sampling decision and the inherited attributes. */
export type Scope = {
  traceId: string;
  spanId: string;
  sampled: boolean;
  attrs: Attrs;
  /** The id of the last model call recorded directly inside this span. */
  lastGenerationId?: string;
};

const storage = new AsyncLocalStorage<Scope>();

export function currentScope(): Scope | undefined {
  return storage.getStore();
}

export function runInScope<T>(scope: Scope, fn: () => T): T {
  return storage.run(scope, fn);
}
