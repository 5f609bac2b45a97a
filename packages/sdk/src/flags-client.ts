import { mergeAttrs } from "./attrs.js";
import { currentScope } from "./context.js";
import { compileConfig, loadPersisted, persistConfig, type FlagBootstrap, type FlagSnapshot, type FlagSource } from "./flags-config.js";
import { ExposureCounter } from "./flags-exposures.js";
import { FlagSync } from "./flags-sync.js";
import type { EvaluationContext, EvaluationErrorCode, EvaluationReason } from "./flags/compile.js";
import { evaluateFlag } from "./flags/evaluate.js";
import type { FlagType, FlagValue } from "./flags/schema.js";
import type { Limits } from "./reliable/budget.js";

export type FlagsOptions = {
  /** Public (`pk-…`) or secret key for reading flags. Default `SEXTANT_PUBLIC_KEY`, else the secret key. */
  key?: string;
  /** Whose rules apply. Default the Sextant `environment` option, else `production`. */
  environment?: string;
  /** Revalidate the config this often (If-None-Match: an unchanged config costs a 304). Default 15 000 ms; 0 = never. */
  pollIntervalMs?: number;
  /** Listen to `/api/v1/flags/stream` so changes arrive at once. Default true. */
  stream?: boolean;
  /** Keep the last config here and start from it (before the server answers, or when it cannot). */
  persistPath?: string;
  /** Flags to serve until (or instead of) the server's: a config `{revision?, flags}` or an array of definitions. */
  bootstrap?: FlagBootstrap;
  /** No network at all: serve `bootstrap` (or the persisted file) only. */
  offline?: boolean;
  /** Send per-flag/variant evaluation counts (needs the secret key). Default true. */
  exposures?: boolean;
  /** Default 60 000 ms. */
  exposureIntervalMs?: number;
  /** Add each evaluated flag's variant to the `flags` of the records of the current trace. Default true. */
  attachToTraces?: boolean;
  /** Per config request. Default 5 000 ms. */
  requestTimeoutMs?: number;
  /** Stream reconnect backoff (full jitter). Defaults 500 and 30 000 ms. */
  streamBackoffMs?: { base: number; max: number };
};

export type FlagsClientOptions = FlagsOptions & {
  baseUrl: string;
  /** Used for exposures, and for reading when no `key` is given. */
  secretKey?: string;
  fetch?: typeof fetch;
  onError?: (err: Error) => void;
};

/** OpenFeature's error codes; `PROVIDER_NOT_READY` until a config has been loaded. */
export type FlagErrorCode = EvaluationErrorCode | "PROVIDER_NOT_READY";

/** What an evaluation answers. `variant` is absent when reason is ERROR (then `value` is your default). */
export type FlagEvaluation<T> = {
  readonly value: T;
  readonly variant?: string;
  readonly reason: EvaluationReason;
  readonly errorCode?: FlagErrorCode;
  readonly errorMessage?: string;
  readonly ruleId?: string;
  readonly ruleIndex?: number;
};

export type FlagsStatus = {
  /** NOT_READY: nothing loaded yet; READY: in step with the server (or offline); STALE: serving the last known config, the server is not answering. */
  state: "NOT_READY" | "READY" | "STALE";
  revision: number | null;
  source: FlagSource | null;
  streaming: boolean;
  lastError: string | null;
};

const EMPTY_CONTEXT: EvaluationContext = Object.freeze({});
const MAX_TRACE_FLAGS = 50; // the event schema's bound

/**
 * `sextant.flags`: flags evaluated in-process from the project's config. Nothing here throws
 * or waits on the network: every evaluation answers from memory (your default while nothing is
 * loaded), and the config is kept current in the background (fetch, poll, stream).
 */
export class FlagsClient {
  readonly environment: string;
  private snapshot: FlagSnapshot | null = null;
  private readonly sync: FlagSync | null;
  private readonly exposures: ExposureCounter | null;
  private readonly listeners = new Set<(revision: number) => void>();
  private readonly limitListeners = new Set<(limits: Limits) => void>();
  private startPromise: Promise<void> | null = null;
  private streaming = false;
  private lastError: string | null = null;
  private readonly attach: boolean;

  constructor(private readonly o: FlagsClientOptions) {
    this.environment = o.environment ?? "production";
    this.attach = o.attachToTraces ?? true;
    if (o.bootstrap !== undefined) this.load(o.bootstrap, "bootstrap", null);
    const key = o.key ?? o.secretKey;
    const online = !o.offline && !!key;
    this.sync = online
      ? new FlagSync({
          baseUrl: o.baseUrl,
          key: key!,
          environment: this.environment,
          pollIntervalMs: o.pollIntervalMs ?? 15_000,
          stream: o.stream ?? true,
          requestTimeoutMs: o.requestTimeoutMs ?? 5_000,
          streamBackoffMs: o.streamBackoffMs ?? { base: 500, max: 30_000 },
          streamIdleTimeoutMs: 45_000,
          fetch: o.fetch,
          current: () => ({ revision: this.snapshot?.revision ?? null, etag: this.snapshot?.etag ?? null }),
          onConfig: (body, etag) => this.fromServer(body, etag),
          onFetched: (problem) => this.fetched(problem),
          onStreaming: (up) => (this.streaming = up),
          report: (m) => this.report(m),
        })
      : null;
    const report = (m: string) => this.report(m);
    this.exposures = online && (o.exposures ?? true) && o.secretKey
      ? new ExposureCounter({ baseUrl: o.baseUrl, secretKey: o.secretKey, environment: this.environment, intervalMs: o.exposureIntervalMs ?? 60_000, fetch: o.fetch, report })
      : null;
  }

  /**
   * Starts syncing (the first evaluation does too) and resolves once the first fetch is done,
   * or after `timeoutMs` (default 5 s). True when flags are loaded (from the server, the
   * persisted file or bootstrap). Never rejects.
   */
  async ready(timeoutMs = 5_000): Promise<boolean> {
    const start = this.start();
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([start, new Promise<void>((resolve) => ((timer = setTimeout(resolve, timeoutMs)), timer.unref()))]);
    clearTimeout(timer);
    return this.snapshot !== null;
  }

  /** Evaluates a flag for a context. Never throws: any problem answers `defaultValue` with reason ERROR. */
  evaluate<T>(key: string, defaultValue: T, context?: EvaluationContext, type?: FlagType): FlagEvaluation<T | FlagValue> {
    try {
      if (this.startPromise === null) void this.start();
      const snap = this.snapshot;
      if (snap === null) return { value: defaultValue, reason: "ERROR", errorCode: "PROVIDER_NOT_READY", errorMessage: "No flag config loaded yet (await sextant.flags.ready())." };
      const result = evaluateFlag(snap.flags.get(key), context === undefined ? EMPTY_CONTEXT : context, { environment: this.environment, defaultValue, type });
      const variant = result.variant;
      if (variant !== undefined) {
        this.exposures?.count(key, variant);
        if (this.attach) attachToTrace(key, variant);
      }
      return result;
    } catch (err) {
      return { value: defaultValue, reason: "ERROR", errorCode: "GENERAL", errorMessage: err instanceof Error ? err.message : String(err) };
    }
  }

  getBooleanDetails(key: string, defaultValue: boolean, context?: EvaluationContext): FlagEvaluation<boolean> {
    return this.evaluate(key, defaultValue, context, "boolean") as FlagEvaluation<boolean>;
  }
  getStringDetails(key: string, defaultValue: string, context?: EvaluationContext): FlagEvaluation<string> {
    return this.evaluate(key, defaultValue, context, "string") as FlagEvaluation<string>;
  }
  getNumberDetails(key: string, defaultValue: number, context?: EvaluationContext): FlagEvaluation<number> {
    return this.evaluate(key, defaultValue, context, "number") as FlagEvaluation<number>;
  }
  /** A `json` flag (OpenFeature's object type). */
  getObjectDetails<T extends FlagValue>(key: string, defaultValue: T, context?: EvaluationContext): FlagEvaluation<T> {
    return this.evaluate(key, defaultValue, context, "json") as FlagEvaluation<T>;
  }
  getBooleanValue(key: string, defaultValue: boolean, context?: EvaluationContext): boolean {
    return this.getBooleanDetails(key, defaultValue, context).value;
  }
  getStringValue(key: string, defaultValue: string, context?: EvaluationContext): string {
    return this.getStringDetails(key, defaultValue, context).value;
  }
  getNumberValue(key: string, defaultValue: number, context?: EvaluationContext): number {
    return this.getNumberDetails(key, defaultValue, context).value;
  }
  getObjectValue<T extends FlagValue>(key: string, defaultValue: T, context?: EvaluationContext): T {
    return this.getObjectDetails(key, defaultValue, context).value;
  }

  /** Keys of the flags being served. */
  keys(): string[] {
    return [...(this.snapshot?.flags.keys() ?? [])];
  }

  status(): FlagsStatus {
    const state = this.snapshot === null ? "NOT_READY" : this.lastError !== null ? "STALE" : "READY";
    return { state, revision: this.snapshot?.revision ?? null, source: this.snapshot?.source ?? null, streaming: this.streaming, lastError: this.lastError };
  }

  /** Told the new revision whenever another config is served. Returns the unsubscribe function. */
  onChange(listener: (revision: number) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The budgets and per-user limits delivered with the config (Settings → Budgets); undefined until a config with them is loaded. */
  limits(): Limits | undefined {
    return this.snapshot?.limits;
  }

  /**
   * Told the limits of every config loaded (`{}` when the console has none any more). Spend moves
   * without a new revision, so this fires on each delivery, not only on revision changes.
   */
  onLimits(listener: (limits: Limits) => void): () => void {
    this.limitListeners.add(listener);
    return () => this.limitListeners.delete(listener);
  }

  /** Fetches the config now (it is also polled and pushed). Never rejects. */
  refresh(): Promise<void> {
    if (this.startPromise === null) return this.start();
    return this.sync?.refresh() ?? Promise.resolve();
  }

  /** Sends the exposure counts gathered so far. Never rejects. */
  flushExposures(): Promise<void> {
    return this.exposures?.flush() ?? Promise.resolve();
  }

  /** Stops polling and the stream and sends the last exposure counts. Evaluations keep answering from memory. */
  async close(): Promise<void> {
    this.startPromise ??= Promise.resolve();
    this.sync?.close();
    await this.exposures?.close();
  }

  private start(): Promise<void> {
    if (this.startPromise) return this.startPromise;
    if (this.o.persistPath) {
      const saved = loadPersisted(this.o.persistPath, this.environment);
      if (saved && "problem" in saved) this.report(`Sextant flags: ${saved.problem}`);
      else if (saved) this.load(saved.raw, "file", saved.etag);
    }
    this.startPromise = this.sync ? this.sync.start() : Promise.resolve();
    return this.startPromise;
  }

  private load(raw: unknown, source: FlagSource, etag: string | null): boolean {
    const { snapshot, problems } = compileConfig(raw, source, etag);
    for (const p of problems) this.report(`Sextant flags (${source}): ${p}`);
    if (!snapshot) return false;
    const changed = snapshot.revision !== this.snapshot?.revision || source !== this.snapshot?.source;
    this.snapshot = snapshot;
    if (changed) for (const l of this.listeners) safely(() => l(snapshot.revision));
    for (const l of this.limitListeners) safely(() => l(snapshot.limits ?? {}));
    return true;
  }

  private fromServer(body: unknown, etag: string | null): void {
    if (!this.load(body, "server", etag) || !this.o.persistPath) return;
    try {
      persistConfig(this.o.persistPath, this.environment, this.snapshot!);
    } catch (err) {
      this.report(`Sextant flags: cannot write ${this.o.persistPath}: ${err instanceof Error ? err.message : String(err)}`);
    }
  }

  private fetched(problem: string | null): void {
    if (problem !== null && this.lastError === null) {
      const serving = this.snapshot ? `serving revision ${this.snapshot.revision} (${this.snapshot.source}) meanwhile` : "answering defaults meanwhile";
      this.report(`Sextant could not fetch the flag config (${problem}); ${serving}`);
    }
    this.lastError = problem;
  }

  private report(message: string): void {
    safely(() => (this.o.onError ? this.o.onError(new Error(message)) : console.warn(message)));
  }
}

/** The variant joins the `flags` of the spans and model calls recorded from here on in this scope. */
function attachToTrace(key: string, variant: string): void {
  const scope = currentScope();
  if (scope === undefined) return;
  const flags = scope.attrs.flags;
  if (flags !== undefined && (flags[key] === variant || (!Object.hasOwn(flags, key) && Object.keys(flags).length >= MAX_TRACE_FLAGS))) return;
  // A new object: scopes share attrs with their parents and children, so never mutate one.
  scope.attrs = mergeAttrs(scope.attrs, { flags: { [key]: variant } });
}

function safely(fn: () => void): void {
  try {
    fn();
  } catch {
    // A throwing listener or onError must not reach the app.
  }
}
