import type { ClassifiedError } from "./classify.js";
import type { Generation, GenerationFields } from "./generation.js";

/** Reads a provider's stream chunk by chunk and says what the call came to. */
export type StreamReader = {
  /** Returns true when the chunk carries the first generated content (time to first token). */
  read(chunk: unknown): boolean;
  /** A chunk the app must not see (one only the SDK asked for). */
  hide?(chunk: unknown): boolean;
  /** What was received; `complete` false when the provider never said it finished. */
  finish(): { fields: Partial<GenerationFields>; complete: boolean; problem?: ClassifiedError };
};

type StreamLike = { iterator?: () => AsyncIterator<unknown>; [Symbol.asyncIterator]?: () => AsyncIterator<unknown> };

export function isStream(value: unknown): value is StreamLike {
  return typeof value === "object" && value !== null && typeof (value as StreamLike)[Symbol.asyncIterator] === "function";
}

/**
 * Instruments a provider's stream object in place, so the app keeps the very same
 * object (and its `tee()`, `toReadableStream()`, `controller`). The call is recorded when
 * the stream ends: as an error if it broke or ended before the provider finished, and
 * with `metadata.cancelled` if the app stopped reading early.
 */
export function instrumentStream(stream: StreamLike, gen: Generation, reader: StreamReader): void {
  const own = stream.iterator;
  if (typeof own === "function") {
    stream.iterator = () => track(own.call(stream), gen, reader);
    return;
  }
  const original = stream[Symbol.asyncIterator]!;
  Object.defineProperty(stream, Symbol.asyncIterator, { value: () => track(original.call(stream), gen, reader), configurable: true, writable: true });
}

async function* track(source: AsyncIterator<unknown>, gen: Generation, reader: StreamReader): AsyncGenerator<unknown> {
  let state: "open" | "done" | "failed" = "open";
  try {
    for await (const chunk of { [Symbol.asyncIterator]: () => source }) {
      if (reader.read(chunk)) gen.firstToken();
      if (reader.hide?.(chunk)) continue;
      yield chunk;
    }
    state = "done";
    const r = reader.finish();
    if (r.complete && !r.problem) gen.end(r.fields);
    else
      gen.end({
        ...r.fields,
        status: "error",
        error: r.problem ?? { type: "stream_interrupted", message: "The stream ended before the provider said it was finished.", retryable: true },
      });
  } catch (err) {
    state = "failed";
    gen.fail(err, safeFinish(reader), true);
    throw err;
  } finally {
    if (state === "open") {
      const fields = safeFinish(reader);
      gen.end({ ...fields, metadata: { ...fields.metadata, cancelled: true } });
    }
  }
}

function safeFinish(reader: StreamReader): Partial<GenerationFields> {
  try {
    return reader.finish().fields;
  } catch {
    return {};
  }
}
