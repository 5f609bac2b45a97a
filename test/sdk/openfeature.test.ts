// The real @openfeature/server-sdk twice: with our provider (local evaluation on the synced
// config) and with the public OFREP provider against our OFREP routes. For 1,000 contexts and
// every kind of flag both give the same details: value, variant, reason, error code, metadata.
import { OFREPProvider } from "@openfeature/ofrep-provider";
import { OpenFeature, type Client, type EvaluationContext, type EvaluationDetails, type FlagValue } from "@openfeature/server-sdk";
import { SextantProvider } from "@sextant/sdk/openfeature";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sampleFlag } from "@/app/api/v1/flags/test-client";
import { FLAG_HTTP_ROUTES, serveStreaming } from "@/app/api/v1/flags/stream/test-server";
import { ingestWorld } from "@/test/ingest-helpers";

const env = (rules: unknown[], defaultVariant: string, offVariant = defaultVariant, enabled = true) => ({ production: { enabled, offVariant, defaultVariant, rules } });
const FLAGS = [
  sampleFlag("new-model"),
  {
    key: "model",
    type: "string",
    variants: { small: "gpt-4o-mini", large: "gpt-4o", claude: "claude-sonnet" },
    environments: env(
      [
        { id: "beta", conditions: [{ attribute: "appVersion", operator: "semver_gt", values: ["2.0.0"] }, { attribute: "country", operator: "in", values: ["DE", "FR"] }], serve: { variant: "claude" } },
        { conditions: [{ attribute: "plan", operator: "eq", values: ["pro"] }], serve: { split: [{ variant: "large", weight: 50.5 }, { variant: "small", weight: 49.5 }], stickiness: "accountId" } },
      ],
      "small",
    ),
  },
  { key: "max-tokens", type: "number", variants: { low: 256, high: 4096 }, environments: env([{ conditions: [{ attribute: "seats", operator: "gte", values: [10] }], serve: { variant: "high" } }], "low") },
  { key: "answer-style", type: "json", variants: { terse: { bullets: true, words: 50 }, long: { bullets: false, words: 400 } }, environments: env([{ conditions: [{ attribute: "email", operator: "matches", values: ["^[a-m]"] }], serve: { split: [{ variant: "terse", weight: 20 }, { variant: "long", weight: 80 }] } }], "long") },
  { key: "killed", type: "boolean", variants: { on: true, off: false }, environments: env([{ conditions: [], serve: { variant: "on" } }], "on", "off", false) },
];

/** Deterministic pseudo-random contexts: keys present or missing, several attribute types, the environment sometimes given. */
function contexts(n: number): EvaluationContext[] {
  let seed = 7;
  const rand = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
  const pick = <T,>(xs: T[]) => xs[Math.floor(rand() * xs.length)]!;
  return Array.from({ length: n }, (_, i) => {
    const c: EvaluationContext = {};
    if (rand() < 0.9) c.targetingKey = `user-${i}`;
    if (rand() < 0.7) c.email = `${pick(["ana", "zoe", "kim", "bob", "mia"])}${i}@${pick(["acme.test", "example.com"])}`;
    if (rand() < 0.6) c.plan = pick(["free", "pro", "team"]);
    if (rand() < 0.6) c.accountId = rand() < 0.8 ? `acct-${i % 97}` : i;
    if (rand() < 0.6) c.appVersion = pick(["1.9.0", "2.0.0", "2.1.0-rc.1", "2.3.1", "v3.0.0", "nope"]);
    if (rand() < 0.6) c.country = pick(["DE", "FR", "US", "BR"]);
    if (rand() < 0.5) c.seats = pick([1, 5, 10, 50, "12", "x"]);
    if (rand() < 0.2) c.environment = "production";
    return c;
  });
}

let server: Awaited<ReturnType<typeof serveStreaming>>;
let local: Client;
let remote: Client;
beforeAll(async () => {
  server = await serveStreaming(FLAG_HTTP_ROUTES);
  const w = await ingestWorld(server.url);
  for (const flag of FLAGS) {
    const res = await fetch(`${server.url}/api/v1/flags`, { method: "POST", headers: { authorization: `Bearer ${w.key.secretKey}`, "content-type": "application/json" }, body: JSON.stringify(flag) });
    expect(res.status, flag.key).toBe(201);
  }
  await OpenFeature.setProviderAndWait("local", new SextantProvider({ baseUrl: server.url, key: w.key.publicKey, exposures: false, stream: false }));
  await OpenFeature.setProviderAndWait("ofrep", new OFREPProvider({ baseUrl: server.url, headers: [["authorization", `Bearer ${w.key.publicKey}`]] }));
  local = OpenFeature.getClient("local");
  remote = OpenFeature.getClient("ofrep");
});
afterAll(async () => {
  await OpenFeature.close();
  await server.close();
});

type Call = (c: Client, ctx: EvaluationContext) => Promise<EvaluationDetails<FlagValue>>;
const CALLS: [string, Call][] = [
  ["new-model", (c, ctx) => c.getBooleanDetails("new-model", false, ctx)],
  ["model", (c, ctx) => c.getStringDetails("model", "fallback", ctx)],
  ["max-tokens", (c, ctx) => c.getNumberDetails("max-tokens", 1, ctx)],
  ["answer-style", (c, ctx) => c.getObjectDetails("answer-style", { words: 0 }, ctx)],
  ["killed", (c, ctx) => c.getBooleanDetails("killed", true, ctx)],
  ["missing", (c, ctx) => c.getBooleanDetails("missing", true, ctx)],
  ["wrong type", (c, ctx) => c.getStringDetails("max-tokens", "n/a", ctx)],
];

/** What a caller sees; the error message wording is each provider's own. */
const seen = (d: EvaluationDetails<FlagValue>) => ({ value: d.value, variant: d.variant, reason: d.reason, errorCode: d.errorCode, flagMetadata: d.flagMetadata });

describe("OpenFeature: SextantProvider vs the public OFREP provider on our routes", () => {
  it("gives identical details for 1,000 contexts on every flag type, errors included", async () => {
    const reasons = new Map<string, number>();
    const all = contexts(1_000);
    for (let i = 0; i < all.length; i += 25) {
      await Promise.all(
        all.slice(i, i + 25).map(async (ctx) => {
          for (const [name, call] of CALLS) {
            const [mine, theirs] = await Promise.all([call(local, ctx), call(remote, ctx)]);
            expect(seen(mine), `${name} ${JSON.stringify(ctx)}`).toEqual(seen(theirs));
            const tag = `${name}:${mine.reason}${mine.errorCode ? `:${mine.errorCode}` : ""}`;
            reasons.set(tag, (reasons.get(tag) ?? 0) + 1);
          }
        }),
      );
    }
    // Every path was exercised: rule matches, splits, defaults, kill switch and each error.
    expect([...reasons.keys()].sort()).toEqual(
      expect.arrayContaining([
        "new-model:TARGETING_MATCH", "new-model:SPLIT", "new-model:ERROR:TARGETING_KEY_MISSING",
        "model:TARGETING_MATCH", "model:SPLIT", "model:DEFAULT", "model:ERROR:TARGETING_KEY_MISSING",
        "max-tokens:TARGETING_MATCH", "max-tokens:DEFAULT", "answer-style:SPLIT", "answer-style:DEFAULT",
        "killed:DISABLED", "missing:ERROR:FLAG_NOT_FOUND", "wrong type:ERROR:TYPE_MISMATCH",
      ]),
    );
  }, 120_000); // 7,000 OFREP requests over HTTP
});
