import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { bucketOf, murmur3_32 } from "./murmur3.js";

/**
 * A deliberately plain second implementation: TextEncoder for the bytes and BigInt arithmetic
 * modulo 2^32, written from the algorithm's description (Appleby, smhasher MurmurHash3.cpp),
 * sharing no code with murmur3.ts. It is slow and obvious on purpose.
 */
function referenceMurmur3(input: string, seed = 0): number {
  const M = 0xffffffffn;
  const mul = (a: bigint, b: bigint) => (a * b) & M;
  const rotl = (x: bigint, r: bigint) => ((x << r) | (x >> (32n - r))) & M;
  const bytes = new TextEncoder().encode(input);
  const c1 = 0xcc9e2d51n;
  const c2 = 0x1b873593n;
  let h = BigInt(seed >>> 0);
  const blocks = Math.floor(bytes.length / 4);
  for (let i = 0; i < blocks; i++) {
    const b = (j: number) => BigInt(bytes[i * 4 + j]!);
    let k = b(0) | (b(1) << 8n) | (b(2) << 16n) | (b(3) << 24n);
    k = mul(rotl(mul(k, c1), 15n), c2);
    h = rotl(h ^ k, 13n);
    h = (mul(h, 5n) + 0xe6546b64n) & M;
  }
  let k = 0n;
  for (let j = bytes.length % 4 - 1; j >= 0; j--) k = (k << 8n) | BigInt(bytes[blocks * 4 + j]!);
  if (bytes.length % 4 > 0) h ^= mul(rotl(mul(k, c1), 15n), c2);
  h ^= BigInt(bytes.length);
  h ^= h >> 16n;
  h = mul(h, 0x85ebca6bn);
  h ^= h >> 13n;
  h = mul(h, 0xc2b2ae35n);
  h ^= h >> 16n;
  return Number(h);
}

interface Vectors {
  murmur3: { input: string; seed: number; hash: number }[];
  cases: { flagKey: string; hashInput: string; hash: number; bucket: number }[];
}
const vectors = JSON.parse(readFileSync(new URL("../../test-vectors/flags.json", import.meta.url), "utf8")) as Vectors;

/** Random strings mixing ASCII, 2-, 3- and 4-byte characters and lone surrogates. */
function randomString(rand: () => number): string {
  const length = Math.floor(rand() * 40);
  let s = "";
  for (let i = 0; i < length; i++) {
    const kind = rand();
    if (kind < 0.4) s += String.fromCharCode(32 + Math.floor(rand() * 95));
    else if (kind < 0.6) s += String.fromCharCode(0x80 + Math.floor(rand() * 0x780));
    else if (kind < 0.8) s += String.fromCharCode(0x800 + Math.floor(rand() * 0xd000));
    else if (kind < 0.95) s += String.fromCodePoint(0x10000 + Math.floor(rand() * 0xfffff));
    else s += String.fromCharCode(0xd800 + Math.floor(rand() * 0x800)); // lone surrogate
  }
  return s;
}

function seeded(seed: number): () => number {
  return () => {
    seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0;
    return seed / 2 ** 32;
  };
}

describe("murmur3_32", () => {
  it("gives the published values (both implementations)", () => {
    expect(vectors.murmur3.length).toBeGreaterThanOrEqual(10);
    for (const v of vectors.murmur3) {
      expect(murmur3_32(v.input, v.seed), JSON.stringify(v)).toBe(v.hash);
      expect(referenceMurmur3(v.input, v.seed), JSON.stringify(v)).toBe(v.hash);
    }
    expect(murmur3_32("")).toBe(0);
    expect(murmur3_32("hello")).toBe(0x248bfa47);
    expect(murmur3_32("The quick brown fox jumps over the lazy dog")).toBe(0x2e4ff723);
  });

  it("hashes non-ASCII text as UTF-8 (values from smhasher's C code via Python mmh3)", () => {
    const mmh3: [string, number][] = [["é", 269551495], ["€", 1531182245], ["😀", 3199479546], ["用户", 3681788688], ["a😀bc", 4098567443], ["\ufffd", 3063719617]];
    for (const [input, hash] of mmh3) {
      expect(murmur3_32(input), input).toBe(hash);
      expect(referenceMurmur3(input), input).toBe(hash);
    }
  });

  it("hashes a lone surrogate as U+FFFD, like TextEncoder", () => {
    expect(murmur3_32("\ud800")).toBe(murmur3_32("\ufffd"));
    expect(murmur3_32("a\udc00b")).toBe(murmur3_32("a\ufffdb"));
    expect(murmur3_32("x\ud83d")).toBe(murmur3_32("x\ufffd"));
  });

  it("agrees with the reference on 3000 random strings", () => {
    const rand = seeded(7);
    for (let i = 0; i < 3000; i++) {
      const s = randomString(rand);
      const seed = i % 3 === 0 ? Math.floor(rand() * 2 ** 32) : 0;
      expect(murmur3_32(s, seed), JSON.stringify(s)).toBe(referenceMurmur3(s, seed));
    }
  });
});

describe("bucketOf", () => {
  it("is murmur3_32 of '<flagKey>:<value>' mod 10000, lone surrogates at the edges included", () => {
    const rand = seeded(11);
    for (let i = 0; i < 500; i++) {
      const key = randomString(rand);
      const value = randomString(rand);
      expect(bucketOf(key, value)).toBe(referenceMurmur3(`${key}:${value}`) % 10_000);
    }
  });

  it("reproduces every hash and bucket in test-vectors/flags.json with the reference implementation", () => {
    expect(vectors.cases.length).toBeGreaterThanOrEqual(40);
    for (const c of vectors.cases) {
      expect(c.hashInput.startsWith(`${c.flagKey}:`)).toBe(true);
      expect(referenceMurmur3(c.hashInput), c.hashInput).toBe(c.hash);
      expect(c.hash % 10_000).toBe(c.bucket);
      expect(bucketOf(c.flagKey, c.hashInput.slice(c.flagKey.length + 1))).toBe(c.bucket);
    }
  });
});
