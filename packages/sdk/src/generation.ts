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
    if (fields.startTime === undefined) this.fields = { ...fields, startTime: Date.now() };
  }

  /** Marks the first streamed token (time to first token), once. */
  firstToken(): void {
    if (this.ttftMs === undefined) this.ttftMs = performance.now() - this.t0;
  }

  end(update: Partial<GenerationFields> = {}): void {
    if (this.done) return;
    this.done = true;
    if (!this.sampled) return;
    const f: GenerationFields = { ...this.fields };
    for (const [k, v] of Object.entries(update)) if (v !== undefined) (f as Record<string, unknown>)[k] = v;
    if (this.fields.metadata && update.metadata) f.metadata = { ...this.fields.metadata, ...update.metadata };
    const { name, kind, startTime, durationMs, endTime, timeToFirstTokenMs, ...rest } = f;
    const event: Event = {
      ...rest,
      id: this.id,
      traceId: this.traceId,
      name: name ?? (f.model ? `${f.provider ?? "llm"} ${f.model}` : "generation"),
      kind: kind ?? "llm",
      startTime: startTime ?? Date.now(),
    };
    if (this.parentId) event.parentId = this.parentId;
    if (endTime !== undefined) event.endTime = endTime;
    else event.durationMs = durationMs ?? performance.now() - this.t0;
    const ttft = timeToFirstTokenMs ?? this.ttftMs;
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
