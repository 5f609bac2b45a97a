/**
 * Writes test-vectors/flags.json: flag definitions and contexts → hash input → murmur3 →
 * bucket → variant. Run from packages/sdk with `npx tsx test-vectors/generate-flags.ts`.
 *
 * The hashes come from the SDK's murmur3_32; src/flags/vectors.test.ts recomputes every one
 * with an independent reference implementation, and the published vectors below pin both.
 */
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { compileFlag, type EvaluationContext } from "../src/flags/compile.js";
import { evaluateFlag, stickinessValue } from "../src/flags/evaluate.js";
import { bucketOf, murmur3_32 } from "../src/flags/murmur3.js";
import { Flag } from "../src/flags/schema.js";

/** Published MurmurHash3_x86_32 values (smhasher's reference via Python mmh3, and the widely quoted 0x9747b28c list). */
const published: { input: string; seed: number; hash: number }[] = [
  { input: "", seed: 0, hash: 0 },
  { input: "", seed: 1, hash: 0x514e28b7 },
  { input: "", seed: 0xffffffff, hash: 0x81f16f39 },
  { input: "\0\0\0\0", seed: 0, hash: 0x2362f9de },
  { input: "hello", seed: 0, hash: 0x248bfa47 },
  { input: "foo", seed: 0, hash: 0xf6a5c420 },
  { input: "foo", seed: 42, hash: 0xb12f489e },
  { input: "The quick brown fox jumps over the lazy dog", seed: 0, hash: 0x2e4ff723 },
  { input: "a", seed: 0x9747b28c, hash: 0x7fa09ea6 },
  { input: "ab", seed: 0x9747b28c, hash: 0x74875592 },
  { input: "abc", seed: 0x9747b28c, hash: 0xc84a62dd },
  { input: "abcd", seed: 0x9747b28c, hash: 0xf0478627 },
  { input: "aaaa", seed: 0x9747b28c, hash: 0x5a97808a },
  { input: "Hello, world!", seed: 0x9747b28c, hash: 0x24884cba },
  { input: "ππππππππ", seed: 0x9747b28c, hash: 0xd58063c1 },
  { input: "The quick brown fox jumps over the lazy dog", seed: 0x9747b28c, hash: 0x2fa826cd },
];

const env = (rules: unknown[]) => ({ production: { enabled: true, offVariant: "off", defaultVariant: "off", rules } });
const split = (parts: [string, number][], stickiness?: string) => ({
  conditions: [],
  serve: { split: parts.map(([variant, weight]) => ({ variant, weight })), ...(stickiness ? { stickiness } : {}) },
});

const definitions = [
  { key: "checkout.new-flow", type: "boolean", variants: { on: true, off: false }, environments: env([split([["on", 30], ["off", 70]])]) },
  {
    key: "model.router",
    type: "string",
    variants: { off: "gpt-4o-mini", "gpt-4o": "gpt-4o", claude: "claude-sonnet", llama: "llama-3.1-70b" },
    environments: env([split([["gpt-4o", 33.33], ["claude", 33.33], ["llama", 33.34]])]),
  },
  {
    key: "prompt_version",
    type: "number",
    variants: { off: 1, v2: 2, v3: 3 },
    environments: env([split([["v3", 12.5], ["v2", 0.01], ["off", 87.49]], "orgId")]),
  },
  {
    key: "assistant.tone",
    type: "json",
    variants: { off: null, formal: { tone: "formal" }, casual: { tone: "casual", emoji: true }, terse: ["short"] },
    environments: env([split([["formal", 10.5], ["casual", 20.25], ["terse", 30], ["off", 39.25]])]),
  },
  { key: "all-in", type: "boolean", variants: { on: true, off: false }, environments: env([split([["off", 0], ["on", 100]])]) },
].map((d) => Flag.parse(d));

/** Contexts per flag: ordinary keys, non-ASCII keys, and keys found to sit right on range edges. */
function contextsFor(flag: Flag): EvaluationContext[] {
  const rule = flag.environments.production!.rules[0]!;
  const serve = rule.serve as { split: { weight: number }[]; stickiness?: string };
  const attribute = serve.stickiness ?? "targetingKey";
  const plain: EvaluationContext[] = ["user-1", "user-2", "user-42", "alice@example.com", "josé", "用户-7", "🚀 rocket", "Ωmega"].map((k) => ({ [attribute]: k }));
  if (attribute !== "targetingKey") plain.push({ targetingKey: "ignored-for-stickiness", [attribute]: 4242 });
  const edges: number[] = [];
  let end = 0;
  for (const part of serve.split.slice(0, -1)) {
    end += Math.round(part.weight * 100);
    edges.push(end - 1, end); // last bucket of one part, first of the next
  }
  edges.push(0, 9_999);
  const found = [...new Set(edges)].filter((b) => b >= 0 && b < 10_000).map((bucket) => {
    for (let i = 0; ; i++) {
      const key = `edge-${bucket}-${i}`;
      if (bucketOf(flag.key, key) === bucket) return { [attribute]: key };
    }
  });
  return [...plain, ...found];
}

function build() {
  for (const v of published) {
    if (murmur3_32(v.input, v.seed) !== v.hash) throw new Error(`murmur3_32 disagrees with the published vector for ${JSON.stringify(v.input)}`);
  }
  const cases = definitions.flatMap((flag) => {
    const compiled = compileFlag(flag);
    const rule = flag.environments.production!.rules[0]!;
    const stickiness = ("split" in rule.serve && rule.serve.stickiness) || "targetingKey";
    return contextsFor(flag).map((context) => {
      const hashInput = `${flag.key}:${stickinessValue(context, stickiness)}`;
      const hash = murmur3_32(hashInput);
      const result = evaluateFlag(compiled, context, { environment: "production", defaultValue: null });
      if (result.reason !== "SPLIT" || hash % 10_000 !== bucketOf(flag.key, stickinessValue(context, stickiness)!)) {
        throw new Error(`Unexpected evaluation for ${hashInput}: ${JSON.stringify(result)}`);
      }
      return { flagKey: flag.key, environment: "production", context, stickiness, hashInput, hash, bucket: hash % 10_000, variant: result.variant, value: result.value, reason: result.reason };
    });
  });
  return {
    description:
      "Sextant feature-flag split vectors (issue 7). bucket = murmur3_32 (x86, seed 0) of the UTF-8 bytes of " +
      "'<flagKey>:<stickiness value>', mod 10000; a split's variants take consecutive bucket ranges in listed order, " +
      "each weight×100 buckets wide. Generated by generate-flags.ts; do not edit by hand.",
    murmur3: published,
    flags: definitions,
    cases,
  };
}

const out = fileURLToPath(new URL("./flags.json", import.meta.url));
writeFileSync(out, `${JSON.stringify(build(), null, 2)}\n`);
console.log(`wrote ${out}`);
