/** The promise the official clients return: parses lazily, and is more than a Promise (`withResponse()`, …). */
type ApiPromise = Promise<unknown> & { responsePromise: Promise<unknown>; parseResponse: (...args: unknown[]) => unknown };

function isApiPromise(p: unknown): p is ApiPromise {
  return p instanceof Promise && typeof (p as Partial<ApiPromise>).parseResponse === "function" && (p as Partial<ApiPromise>).responsePromise instanceof Promise;
}

/**
 * Observes what a client method returned without changing it. For the official clients'
 * API promises the very same object is returned: its parse step is hooked, so the value
 * your code gets, `withResponse()` and the rest behave exactly as before. `onValue` sees
 * the parsed result (and may instrument a stream in place); `onError` sees any failure.
 */
export function observeCall(result: unknown, onValue: (value: unknown) => void, onError: (err: unknown) => void): unknown {
  const tap = (p: Promise<unknown>) =>
    p.then(
      (value) => {
        onValue(value);
        return value;
      },
      (err: unknown) => {
        onError(err);
        throw err;
      },
    );
  if (isApiPromise(result)) {
    const parse = result.parseResponse;
    result.parseResponse = function (this: unknown, ...args: unknown[]) {
      return tap(Promise.resolve().then(() => parse.apply(this, args)));
    };
    result.responsePromise.then(undefined, onError); // HTTP and connection errors never reach the parse step
    return result;
  }
  if (result instanceof Promise) return tap(result);
  onValue(result);
  return result;
}
