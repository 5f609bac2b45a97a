import type { Event } from "./events.js";
import type { FlagsOptions } from "./flags-client.js";

export type SextantOptions = {
  /** The Sextant app. Default `SEXTANT_BASE_URL`, else `http://localhost:3000`. */
  baseUrl?: string;
  /** The project's secret key (`sk-…`). Default `SEXTANT_SECRET_KEY`. Without one the SDK records nothing (and says so once). */
  secretKey?: string;
  /** Stamped on every event that has none. Default `SEXTANT_ENVIRONMENT`, else the server's default (`production`). */
  environment?: string;
  /** Your app's version, stamped on every event that has none. Default `SEXTANT_RELEASE`. */
  release?: string;
  /** Events per batch. Default `SEXTANT_FLUSH_AT`, else 100. */
  flushAt?: number;
  /** Send at least this often. Default `SEXTANT_FLUSH_INTERVAL_MS`, else 1000. */
  flushIntervalMs?: number;
  /** Memory bound of the queue (serialised bytes); beyond it the oldest events are dropped and counted. Default 16 MiB. */
  maxQueueBytes?: number;
  /** Share of traces recorded, 0..1, decided once per trace so a trace is kept or dropped whole. Default `SEXTANT_SAMPLE_RATE`, else 1. */
  sampleRate?: number;
  /** Last look at each event before it is queued (off the call path): change it, or return null to drop it. */
  redact?: (event: Event) => Event | null | undefined;
  /** Record prompts and completions (`input`/`output`). Default true (`SEXTANT_CAPTURE_CONTENT=false` turns it off). */
  captureContent?: boolean;
  /** Master switch. Default true unless `SEXTANT_ENABLED=false`. Off: wrappers and tracing still run your code, nothing is recorded. */
  enabled?: boolean;
  /** Told about every loss or failure. A throwing handler is ignored. */
  onError?: (err: Error) => void;
  /** Flush when the event loop empties (`beforeExit`). Default true. Serverless: `await sextant.flush()` before returning instead. */
  exitHooks?: boolean;
  /** `sextant.flags`: given, syncing starts at once; otherwise on first use. Its key defaults to `SEXTANT_PUBLIC_KEY`, else `secretKey`. */
  flags?: FlagsOptions;
  /** Exporter tuning and test seams. */
  maxRetries?: number;
  requestTimeoutMs?: number;
  fetch?: typeof fetch;
};

export type ResolvedOptions = Omit<SextantOptions, "baseUrl" | "secretKey" | "sampleRate" | "captureContent" | "enabled" | "exitHooks"> & {
  baseUrl: string;
  secretKey: string | undefined;
  sampleRate: number;
  captureContent: boolean;
  enabled: boolean;
  exitHooks: boolean;
};

function envNumber(env: NodeJS.ProcessEnv, name: string): number | undefined {
  const raw = env[name];
  if (raw === undefined || raw.trim() === "") return undefined;
  const n = Number(raw);
  return Number.isFinite(n) ? n : undefined;
}

function envBool(env: NodeJS.ProcessEnv, name: string): boolean | undefined {
  const raw = env[name]?.trim().toLowerCase();
  if (raw === undefined || raw === "") return undefined;
  return !(raw === "false" || raw === "0" || raw === "no" || raw === "off");
}

/** Options given in code win over environment variables, which win over defaults. */
export function resolveOptions(o: SextantOptions, env: NodeJS.ProcessEnv = process.env): ResolvedOptions {
  const rate = o.sampleRate ?? envNumber(env, "SEXTANT_SAMPLE_RATE") ?? 1;
  return {
    ...o,
    baseUrl: o.baseUrl ?? env.SEXTANT_BASE_URL ?? "http://localhost:3000",
    secretKey: o.secretKey ?? (env.SEXTANT_SECRET_KEY || undefined),
    environment: o.environment ?? (env.SEXTANT_ENVIRONMENT || undefined),
    release: o.release ?? (env.SEXTANT_RELEASE || undefined),
    flushAt: o.flushAt ?? envNumber(env, "SEXTANT_FLUSH_AT"),
    flushIntervalMs: o.flushIntervalMs ?? envNumber(env, "SEXTANT_FLUSH_INTERVAL_MS"),
    maxQueueBytes: o.maxQueueBytes ?? envNumber(env, "SEXTANT_MAX_QUEUE_BYTES"),
    sampleRate: Number.isFinite(rate) ? Math.min(1, Math.max(0, rate)) : 1,
    captureContent: o.captureContent ?? envBool(env, "SEXTANT_CAPTURE_CONTENT") ?? true,
    enabled: o.enabled ?? envBool(env, "SEXTANT_ENABLED") ?? true,
    exitHooks: o.exitHooks ?? true,
  };
}
