import type { Attrs } from "./attrs.js";
import type { ClassifiedError } from "./classify.js";
import { errText } from "./exporter-transport.js";
import { Generation, type GenerationFields } from "./generation.js";
import { observeCall } from "./observe-call.js";
import { promptOfParams } from "./prompts-registry.js";
import type { Recorder } from "./recorder.js";
import { instrumentStream, isStream, type StreamReader } from "./stream.js";
import type { MethodHook } from "./wrap.js";

export type Params = Record<string, unknown>;
export type Fields = Partial<GenerationFields>;

/** How one provider method is read: its request, its answer and, when streamed, its chunks. */
export type CallSpec = {
  provider: string;
  kind: "llm" | "embedding";
  /** What the request says (model, input, parameters); `params` replaces the request body when the SDK needs to add to it. */
  start(params: Params): { fields: Fields; params?: Params };
  result(value: unknown): { fields: Fields; problem?: ClassifiedError };
  /** `changed`: the SDK altered the request (e.g. asked for usage) and must hide what that added. */
  reader?(params: Params, changed: boolean): StreamReader;
};

/** The hook that records one provider method through its spec. Nothing here may throw into the app. */
export function providerHook(rec: Recorder, defaults: Attrs | undefined, spec: CallSpec): MethodHook {
  return (target, original, args) => {
    const params = args[0];
    if (!rec.active || typeof params !== "object" || params === null) return original.apply(target, args);
    let gen: Generation;
    let callArgs = args;
    let changed = false;
    try {
      const start = spec.start(params as Params);
      // Built from a compiled managed prompt: attribute the call to its version.
      start.fields.prompt ??= promptOfParams(params as Params);
      gen = new Generation(rec, { provider: spec.provider, kind: spec.kind, ...start.fields }, defaults);
      if (start.params) {
        callArgs = [start.params, ...args.slice(1)];
        changed = true;
      }
    } catch (err) {
      rec.report(`Sextant could not read a ${spec.provider} request: ${errText(err)}`);
      return original.apply(target, args);
    }
    let result: unknown;
    try {
      result = original.apply(target, callArgs);
    } catch (err) {
      gen.fail(err);
      throw err;
    }
    return observeCall(
      result,
      (value) => {
        try {
          if (isStream(value) && spec.reader) return instrumentStream(value, gen, spec.reader(params as Params, changed));
          const r = spec.result(value);
          gen.end(r.problem ? { ...r.fields, status: "error", error: r.problem } : r.fields);
        } catch (err) {
          rec.report(`Sextant could not read a ${spec.provider} answer: ${errText(err)}`);
        }
      },
      (err) => gen.fail(err),
    );
  };
}

/** Request parameters worth keeping next to the call, as `llm.<name>` metadata. */
export function paramMetadata(params: Params, names: readonly string[]): Record<string, string | number | boolean> | undefined {
  let out: Record<string, string | number | boolean> | undefined;
  for (const name of names) {
    const v = params[name];
    if (typeof v === "string" || typeof v === "number" || typeof v === "boolean") (out ??= {})[`llm.${name}`] = v;
  }
  if (Array.isArray(params.tools) && params.tools.length > 0) (out ??= {})["llm.tools"] = params.tools.length;
  const format = (params.response_format as { type?: unknown } | undefined)?.type;
  if (typeof format === "string") (out ??= {})["llm.response_format"] = format;
  return out;
}

export const num = (v: unknown): number | undefined => (typeof v === "number" && Number.isFinite(v) && v >= 0 ? Math.round(v) : undefined);
export const str = (v: unknown): string | undefined => (typeof v === "string" ? v : undefined);
/** A copy of the list as it is now: apps often push the answer onto the same array right after the call. */
export const snapshot = (v: unknown): unknown => (Array.isArray(v) ? [...v] : v);
