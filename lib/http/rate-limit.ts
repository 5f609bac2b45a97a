import "server-only";
import { AppError } from "./errors";

type Bucket = { tokens: number; updated: number };
const shared = globalThis as typeof globalThis & { __sextantRate?: Map<string, Bucket> };
const buckets = (shared.__sextantRate ??= new Map());

/** Events per second per key; 0 turns the limit off. Read on every call so operators and tests can change it. */
function ratePerSecond(): number {
  const v = Number(process.env.SEXTANT_INGEST_RATE_LIMIT ?? 20_000);
  return Number.isFinite(v) && v >= 0 ? v : 20_000;
}

/**
 * A token bucket per API key, refilled continuously, holding two seconds' worth.
 * Taking more than is there answers 429 with the seconds until enough is back.
 */
export function takeTokens(key: string, count: number, now = Date.now()): void {
  const rate = ratePerSecond();
  if (rate === 0) return;
  const capacity = rate * 2;
  const bucket = buckets.get(key) ?? { tokens: capacity, updated: now };
  bucket.tokens = Math.min(capacity, bucket.tokens + ((now - bucket.updated) / 1000) * rate);
  bucket.updated = now;
  if (bucket.tokens < count) {
    buckets.set(key, bucket);
    const wait = Math.max(1, Math.ceil((Math.min(count, capacity) - bucket.tokens) / rate));
    throw new AppError("RATE_LIMITED", `This key is over its ingest rate of ${rate} events per second. Retry after the given delay.`, undefined, wait);
  }
  bucket.tokens -= count;
  buckets.set(key, bucket);
}
