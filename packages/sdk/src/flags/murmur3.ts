/**
 * MurmurHash3, x86 32-bit variant, over the UTF-8 bytes of a string.
 *
 * The UTF-8 encoding is done on the fly from UTF-16 code units, so hashing allocates
 * nothing. Lone surrogates are encoded as U+FFFD, exactly as `TextEncoder` does, so the
 * bytes hashed are always the bytes `new TextEncoder().encode(s)` would give.
 *
 * The state lives in module variables: evaluation is synchronous and single-threaded,
 * and it keeps the hot path free of per-call objects.
 */

const C1 = 0xcc9e2d51;
const C2 = 0x1b873593;

let h = 0; // running hash
let tail = 0; // up to 3 pending bytes, little-endian
let tailLength = 0;
let total = 0; // bytes fed
let highSurrogate = 0; // a high surrogate waiting for its low half

function mixBlock(k: number): void {
  k = Math.imul(k, C1);
  k = (k << 15) | (k >>> 17);
  k = Math.imul(k, C2);
  h ^= k;
  h = (h << 13) | (h >>> 19);
  h = (Math.imul(h, 5) + 0xe6546b64) | 0;
}

function pushByte(b: number): void {
  tail |= b << (tailLength * 8);
  tailLength++;
  total++;
  if (tailLength === 4) {
    mixBlock(tail);
    tail = 0;
    tailLength = 0;
  }
}

function pushCodePoint(cp: number): void {
  if (cp < 0x80) {
    pushByte(cp);
  } else if (cp < 0x800) {
    pushByte(0xc0 | (cp >> 6));
    pushByte(0x80 | (cp & 0x3f));
  } else if (cp < 0x10000) {
    pushByte(0xe0 | (cp >> 12));
    pushByte(0x80 | ((cp >> 6) & 0x3f));
    pushByte(0x80 | (cp & 0x3f));
  } else {
    pushByte(0xf0 | (cp >> 18));
    pushByte(0x80 | ((cp >> 12) & 0x3f));
    pushByte(0x80 | ((cp >> 6) & 0x3f));
    pushByte(0x80 | (cp & 0x3f));
  }
}

function start(seed: number): void {
  h = seed | 0;
  tail = 0;
  tailLength = 0;
  total = 0;
  highSurrogate = 0;
}

/** Feeds a string's UTF-8 bytes; several calls hash the concatenation. */
function feed(s: string): void {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (highSurrogate !== 0) {
      if (c >= 0xdc00 && c <= 0xdfff) {
        pushCodePoint(0x10000 + ((highSurrogate - 0xd800) << 10) + (c - 0xdc00));
        highSurrogate = 0;
        continue;
      }
      pushCodePoint(0xfffd);
      highSurrogate = 0;
    }
    if (c >= 0xd800 && c <= 0xdbff) highSurrogate = c;
    else if (c >= 0xdc00 && c <= 0xdfff) pushCodePoint(0xfffd);
    else pushCodePoint(c);
  }
}

function finish(): number {
  if (highSurrogate !== 0) {
    pushCodePoint(0xfffd);
    highSurrogate = 0;
  }
  if (tailLength > 0) {
    let k = Math.imul(tail, C1);
    k = (k << 15) | (k >>> 17);
    k = Math.imul(k, C2);
    h ^= k;
  }
  h ^= total;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** murmur3_32 (x86) of the UTF-8 bytes of `input`, as an unsigned 32-bit integer. */
export function murmur3_32(input: string, seed = 0): number {
  start(seed);
  feed(input);
  return finish();
}

/** Number of buckets a split divides its users into: weights have two decimals, so 100.00 % = 10000. */
export const BUCKETS = 10_000;

/**
 * The sticky bucket of a user for a flag: `murmur3_32("<flagKey>:<stickiness value>", 0) mod 10000`.
 * Hashes the two parts in sequence instead of concatenating them.
 */
export function bucketOf(flagKey: string, stickinessValue: string): number {
  start(0);
  feed(flagKey);
  feed(":");
  feed(stickinessValue);
  return finish() % BUCKETS;
}
