import { randomUUID } from "node:crypto";
import { applyAttrs, mergeAttrs, type Attrs } from "./attrs.js";
import { classifyError } from "./classify.js";
import { currentScope, type Scope } from "./context.js";
import type { Event, EventKind } from "./events.js";
import type { Recorder } from "./recorder.js";

/** What a span can be given at the start or later through `update`. */
export type SpanFields = Attrs & {
  kind?: EventKind;
  input?: unknown;
  output?: unknown;
  status?: "ok" | "error";
  error?: Event["error"];
};

/** A new scope under the current one, or the root of a new trace (sampled once, here). */
export function childScope(rec: Recorder, attrs: Attrs | undefined, spanId = randomUUID()): { scope: Scope; parentId: string | undefined } {
  const parent = currentScope();
  if (!parent) return { scope: { traceId: randomUUID(), spanId, sampled: rec.sampleNew(), attrs: mergeAttrs(undefined, attrs) }, parentId: undefined };
  return { scope: { traceId: parent.traceId, spanId, sampled: parent.sampled, attrs: mergeAttrs(parent.attrs, attrs) }, parentId: parent.spanId };
}

const INHERITED = ["userId", "sessionId", "endpoint", "environment", "release", "tags", "metadata", "prompt", "flags"] as const;

/**
 * The handle `trace`/`span` pass to your function. Attributes set with `update` also
 * reach spans and model calls started inside it afterwards.
 */
export class Span {
  readonly id: string;
  readonly traceId: string;
  readonly parentId: string | undefined;
  private fields: SpanFields;
  private readonly startMs = Date.now();
  private readonly t0 = performance.now();
  private ended = false;

  constructor(
    private readonly rec: Recorder,
    readonly scope: Scope,
    parentId: string | undefined,
    private name: string,
    fields: SpanFields,
  ) {
    this.id = scope.spanId;
    this.traceId = scope.traceId;
    this.parentId = parentId;
    this.fields = { ...fields };
  }

  /** The id of the last model call recorded directly inside this span: pass it to `score()`/`feedback()`. */
  get lastGenerationId(): string | undefined {
    return this.scope.lastGenerationId;
  }

  update(fields: SpanFields & { name?: string }): this {
    const { name, ...rest } = fields;
    if (name) this.name = name;
    this.fields = { ...this.fields, ...rest };
    const inherited: Attrs = {};
    for (const k of INHERITED) if (rest[k] !== undefined) (inherited as Record<string, unknown>)[k] = rest[k];
    this.scope.attrs = mergeAttrs(this.scope.attrs, inherited);
    return this;
  }

  /** Records the span (once). `err`: what the code inside threw. */
  end(err?: unknown): void {
    if (this.ended) return;
    this.ended = true;
    if (!this.scope.sampled) return;
    const { kind, input, output, status, error } = this.fields;
    const event: Event = { id: this.id, traceId: this.traceId, name: this.name, kind: kind ?? "span", status: "ok", startTime: this.startMs, durationMs: performance.now() - this.t0 };
    if (this.parentId) event.parentId = this.parentId;
    if (input !== undefined) event.input = input;
    if (output !== undefined) event.output = output;
    if (err !== undefined) {
      event.status = "error";
      event.error = classifyError(err);
    } else if (status === "error" || error) {
      event.status = "error";
      if (error) event.error = error;
    }
    this.rec.record(applyAttrs(event, this.scope.attrs));
  }
}
