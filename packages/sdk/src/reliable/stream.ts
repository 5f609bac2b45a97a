import { classifyError } from "../classify.js";

type StreamLike = { iterator?: () => AsyncIterator<unknown>; [Symbol.asyncIterator]?: () => AsyncIterator<unknown> };

export function isStreamLike(value: unknown): value is StreamLike {
  return typeof value === "object" && value !== null && typeof (value as StreamLike)[Symbol.asyncIterator] === "function";
}

function sourceOf(s: StreamLike): AsyncIterator<unknown> {
  return typeof s.iterator === "function" ? s.iterator.call(s) : s[Symbol.asyncIterator]!.call(s);
}

export type StreamHooks = {
  /** Opens the stream again; called only when nothing was passed to the app yet and the error is transient. */
  reopen?: () => Promise<unknown>;
  maxReopens: number;
  /** Why the call was cut (total timeout, the app's signal), if it was: a stream that stopped then did not complete. */
  stopped?: () => unknown;
  /** Once, when reading ends: every chunk the app saw, and whether the stream completed. */
  onEnd(chunks: unknown[], completed: boolean): void;
};

/**
 * Makes a provider's stream object survive a failure before its first chunk: the same
 * object is returned (its `tee()`, `controller` … keep working), its iterator replaced by
 * one that opens a new stream when the old one broke before yielding anything. Once a
 * chunk reached the app, an error goes through unchanged: a retry would repeat text.
 */
export function resilientStream<S>(stream: S, hooks: StreamHooks): S {
  const s = stream as StreamLike;
  const first = typeof s.iterator === "function" ? s.iterator.bind(s) : s[Symbol.asyncIterator]!.bind(s);
  const iterate = () => run(first(), hooks);
  if (typeof s.iterator === "function") s.iterator = iterate;
  else Object.defineProperty(s, Symbol.asyncIterator, { value: iterate, configurable: true, writable: true });
  return stream;
}

async function* run(source: AsyncIterator<unknown>, hooks: StreamHooks): AsyncGenerator<unknown> {
  let current = source;
  let yielded = false;
  let reopens = 0;
  let completed = false;
  const chunks: unknown[] = [];
  try {
    for (;;) {
      try {
        for await (const chunk of { [Symbol.asyncIterator]: () => current }) {
          yielded = true;
          chunks.push(chunk);
          yield chunk;
        }
        // A provider's stream ends quietly when its request is aborted: that is a cut, not the end of the answer.
        const cut = hooks.stopped?.();
        if (cut !== undefined) throw cut;
        completed = true;
        return;
      } catch (err) {
        if (yielded || hooks.stopped?.() !== undefined || !hooks.reopen || reopens >= hooks.maxReopens || !classifyError(err, true).retryable) throw err;
        reopens++;
        current = sourceOf((await hooks.reopen()) as StreamLike);
      }
    }
  } finally {
    hooks.onEnd(chunks, completed);
  }
}

/** A finished stream played back from the cache: iterable like the original (chunk by chunk), without its network helpers. */
export function replayStream(chunks: unknown[]): AsyncIterable<unknown> & { controller: AbortController } {
  return {
    controller: new AbortController(),
    async *[Symbol.asyncIterator]() {
      for (const c of chunks) yield c;
    },
  };
}
