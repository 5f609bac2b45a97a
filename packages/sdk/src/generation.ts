import { randomUUID } from "node:crypto";
import { applyAttrs, mergeAttrs, type Attrs } from "./attrs.js";
import { classifyError, type ClassifiedError } from "./classify.js";
import { currentScope } from "./context.js";
import type { Event, Usage } from "./events.js";
import type { Recorder } from "./recorder.js";

/** A model call as recorded: what `generation()` takes and what the wrappers fill in. */
export type GenerationFields = Attrs & {
  name?: string;
  kind?: "llm" | "embedding";
  provider?: string;
  model?: string;
  input?: unknown;
  output?: unknown;
  usage?: Usage;
  costUsd?: number;
  /** Epoch ms or RFC 3339; default now. */
  startTime?: number | string;
  /** Give one of these to record at once; otherwise call `end()`. */
  durationMs?: number;
  endTime?: number | string;
  timeToFirstTokenMs?: number;
  status?: "ok" | "error";
  error?: Event["error"];
  attempts?: number;
  fallbackFrom?: string;
  cacheHit?: boolean;
};

/** Fields copied onto the event as they are (name, kind, times and TTFT are handled apart). */
const COPIED = [
  "provider", "model", "input", "output", "usage", "costUsd", "status", "error", "attempts", "fallbackFrom", "cacheHit",
  "userId", "sessionId", "endpoint", "environment", "release", "tags", "metadata", "prompt", "flags",
] as const;

/**
 * One model call: started now (or at `startTime`), recorded once by `end()` or `fail()`.
 * Ids, trace and parent come from the async context it was created in.
 */
export class Generation {
  readonly id = randomUUID();
  readonly traceId: string;
  private readonly parentId: string | undefined;
  private readonly sampled: boolean;
  private readonly attrs: Attrs;
  private readonly t0 = performance.now();
  private ttftMs: number | undefined;
  private done = false;

  constructor(
    private readonly rec: Recorder,
    private fields: GenerationFields,
    defaults?: Attrs,
  ) {
    const scope = currentScope();
    if (scope) {
      this.traceId = scope.traceId;
      this.parentId = scope.spanId;
      this.sampled = scope.sampled;
      this.attrs = mergeAttrs(defaults, scope.attrs);
      scope.lastGenerationId = this.id;
    } else {
      this.traceId = this.id;
      this.parentId = undefined;
      this.sampled = rec.sampleNew();
      this.attrs = defaults ?? {};
    }
    if (fields.startTime === undefined) this.fields.startTime = Date.now(); // `fields` is always the SDK's own object
  }

  /** Marks the first streamed token (time to first token), once. */
  firstToken(): void {
    if (this.ttftMs === undefined) this.ttftMs = performance.now() - this.t0;
  }

  end(update?: Partial<GenerationFields>): void {
    if (this.done) return;
    this.done = true;
    if (!this.sampled) return;
    // Runs once per model call: plain loops over a fixed key list, no rest/spread of the fields.
    const f = this.fields as Record<string, unknown>;
    const u = update as Record<string, unknown> | undefined;
    const at = (k: string): unknown => (u !== undefined && u[k] !== undefined ? u[k] : f[k]);
    const model = at("model") as string | undefined;
    const event: Event = {
      id: this.id,
      traceId: this.traceId,
      name: (at("name") as string | undefined) ?? (model ? `${(at("provider") as string | undefined) ?? "llm"} ${model}` : "generation"),
      kind: (at("kind") as "llm" | "embedding" | undefined) ?? "llm",
      startTime: (at("startTime") as number | string | undefined) ?? Date.now(),
    };
    const e = event as Record<string, unknown>;
    for (let i = 0; i < COPIED.length; i++) {
      const v = at(COPIED[i]!);
      if (v !== undefined) e[COPIED[i]!] = v;
    }
    if (f.metadata && u?.metadata) event.metadata = { ...(f.metadata as object), ...(u.metadata as object) };
    if (this.parentId) event.parentId = this.parentId;
    const endTime = at("endTime") as number | string | undefined;
    if (endTime !== undefined) event.endTime = endTime;
    else event.durationMs = (at("durationMs") as number | undefined) ?? performance.now() - this.t0;
    const ttft = (at("timeToFirstTokenMs") as number | undefined) ?? this.ttftMs;
    if (ttft !== undefined) event.timeToFirstTokenMs = ttft;
    event.status ??= event.error ? "error" : "ok";
    this.rec.record(applyAttrs(event, this.attrs));
  }

  /** Records the call as failed with the classified error; `inStream` when it broke while streaming. */
  fail(err: unknown, update: Partial<GenerationFields> = {}, inStream = false): void {
    const error: ClassifiedError = classifyError(err, inStream);
    this.end({ ...update, status: "error", error });
  }
}
