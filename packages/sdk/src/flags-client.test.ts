// sextant.flags without a server: bootstrap and offline serving, defaults on every problem,
// the persisted file, trace attribution and exposure counts (against a local HTTP sink).
import http from "node:http";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import { afterEach, describe, expect, it } from "vitest";
import { FlagsClient } from "./flags-client.js";
import { Sextant } from "./sextant.js";

const flag = (enabled = true) => ({
  key: "new-model",
  type: "boolean",
  variants: { on: true, off: false },
  environments: {
    production: {
      enabled,
      offVariant: "off",
      defaultVariant: "off",
      rules: [
        { id: "staff", conditions: [{ attribute: "email", operator: "ends_with", values: ["@acme.test"] }], serve: { variant: "on" } },
        { conditions: [], serve: { split: [{ variant: "on", weight: 30 }, { variant: "off", weight: 70 }] } },
      ],
    },
  },
});
const model = { key: "model", type: "string", variants: { a: "gpt-4o", b: "claude" }, environments: { production: { enabled: true, offVariant: "a", defaultVariant: "b", rules: [] } } };

let cleanup: (() => unknown)[] = [];
afterEach(async () => {
  for (const c of cleanup.reverse()) await c();
  cleanup = [];
});

const noNetwork = (() => {
  throw new Error("no network in this test");
}) as unknown as typeof fetch;

describe("FlagsClient offline", () => {
  it("serves bootstrap flags and never calls the network", async () => {
    const flags = new FlagsClient({ baseUrl: "http://127.0.0.1:9", offline: true, bootstrap: { revision: 4, flags: [flag(), model] }, fetch: noNetwork });
    expect(await flags.ready()).toBe(true);
    expect(flags.getBooleanDetails("new-model", false, { targetingKey: "u", email: "ana@acme.test" })).toMatchObject({ value: true, variant: "on", reason: "TARGETING_MATCH", ruleId: "staff" });
    expect(flags.getStringValue("model", "x")).toBe("claude");
    expect(flags.status()).toEqual({ state: "READY", revision: 4, source: "bootstrap", streaming: false, lastError: null });
    expect(flags.keys()).toEqual(["new-model", "model"]);
  });

  it("answers the caller's default with an error code on every problem, never throwing", async () => {
    const errors: Error[] = [];
    const flags = new FlagsClient({ baseUrl: "http://127.0.0.1:9", offline: true, bootstrap: [flag(), { key: "broken", type: "boolean" }], onError: (e) => errors.push(e) });
    expect(errors.map((e) => e.message)).toEqual([expect.stringContaining('flag "broken" is not a valid definition')]);
    expect(flags.getBooleanDetails("missing", true)).toMatchObject({ value: true, reason: "ERROR", errorCode: "FLAG_NOT_FOUND" });
    expect(flags.getBooleanDetails("broken", true)).toMatchObject({ value: true, reason: "ERROR", errorCode: "FLAG_NOT_FOUND" });
    expect(flags.getStringDetails("new-model", "d", { targetingKey: "u" })).toMatchObject({ value: "d", reason: "ERROR", errorCode: "TYPE_MISMATCH" });
    expect(flags.getBooleanDetails("new-model", true, {})).toMatchObject({ value: true, reason: "ERROR", errorCode: "TARGETING_KEY_MISSING" });
    expect(flags.getBooleanDetails("new-model", true, "ana" as never)).toMatchObject({ value: true, reason: "ERROR", errorCode: "INVALID_CONTEXT" });
    const hostile = Object.defineProperty({}, "email", { enumerable: true, get: () => { throw new Error("boom"); } });
    expect(flags.getBooleanDetails("new-model", true, hostile)).toMatchObject({ value: true, reason: "ERROR", errorCode: "GENERAL" });

    const empty = new FlagsClient({ baseUrl: "http://127.0.0.1:9", offline: true });
    expect(await empty.ready()).toBe(false);
    expect(empty.getNumberDetails("x", 7)).toMatchObject({ value: 7, reason: "ERROR", errorCode: "PROVIDER_NOT_READY" });
  });

  it("starts from the persisted file (it wins over bootstrap) and ignores a file of another environment", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "sextant-flags-"));
    cleanup.push(() => rmSync(dir, { recursive: true, force: true }));
    const file = path.join(dir, "flags.json");
    writeFileSync(file, JSON.stringify({ format: 1, etag: '"e"', revision: 9, environment: "production", flags: [flag(false)] }));
    const flags = new FlagsClient({ baseUrl: "http://127.0.0.1:9", offline: true, persistPath: file, bootstrap: [flag(true)] });
    expect(flags.getBooleanDetails("new-model", true, { targetingKey: "u" })).toMatchObject({ value: false, variant: "off", reason: "DISABLED" });
    expect(flags.status()).toMatchObject({ revision: 9, source: "file" });
    const staging = new FlagsClient({ baseUrl: "http://127.0.0.1:9", offline: true, persistPath: file, environment: "staging", bootstrap: [flag(true)] });
    expect(await staging.ready()).toBe(true);
    expect(staging.status().source).toBe("bootstrap");
    expect(JSON.parse(readFileSync(file, "utf8")).revision).toBe(9); // offline never writes
  });
});

describe("flags inside Sextant", () => {
  it("attaches evaluated variants to the trace's records and sends exposure counts per flag and variant", async () => {
    const got: { events: Record<string, unknown>[]; exposures: Record<string, unknown>[] } = { events: [], exposures: [] };
    const server = http.createServer(async (req, res) => {
      const chunks: Buffer[] = [];
      for await (const c of req) chunks.push(c as Buffer);
      if (req.method === "GET") {
        // The config the server would answer (the SDK fetches it at start)
        return void res.writeHead(200, { "content-type": "application/json", etag: '"r3"' }).end(JSON.stringify({ revision: 3, environment: "production", flags: [flag(), model] }));
      }
      const raw = Buffer.concat(chunks);
      const body = JSON.parse((req.headers["content-encoding"] === "gzip" ? gunzipSync(raw) : raw).toString("utf8"));
      if (req.url === "/api/v1/ingest") got.events.push(...body.events);
      if (req.url === "/api/v1/flags/exposures") got.exposures.push(body);
      res.writeHead(200, { "content-type": "application/json" }).end('{"accepted":1,"duplicates":0,"rejected":[]}');
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    cleanup.push(() => new Promise((r) => server.close(r)));
    const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const sx = new Sextant({ baseUrl, secretKey: "sk-test", exitHooks: false, environment: "production", flags: { stream: false, pollIntervalMs: 0 } });
    cleanup.push(() => sx.shutdown(500));
    expect(await sx.flags.ready()).toBe(true);
    expect(sx.flags.status()).toMatchObject({ state: "READY", revision: 3, source: "server" });

    sx.trace("answer", () => {
      expect(sx.flags.getBooleanValue("new-model", false, { targetingKey: "u", email: "ana@acme.test" })).toBe(true);
      sx.generation({ model: "gpt-4o", durationMs: 5 });
      sx.span("inner", () => {
        sx.flags.getStringValue("model", "x");
        sx.generation({ model: "claude", durationMs: 5 });
      });
    });
    for (let i = 0; i < 4; i++) sx.flags.getStringValue("model", "x");
    sx.flags.getBooleanValue("missing", false); // errors are not exposures
    await sx.flush();

    const byModel = Object.fromEntries(got.events.filter((e) => e.kind === "llm").map((e) => [e.model, e.flags]));
    expect(byModel).toEqual({ "gpt-4o": { "new-model": "on" }, claude: { "new-model": "on", model: "b" } });
    expect(got.events.find((e) => e.name === "answer")?.flags).toEqual({ "new-model": "on" });
    expect(got.exposures).toHaveLength(1);
    expect(got.exposures[0]).toMatchObject({ environment: "production", startTime: expect.any(Number) });
    const counts = (got.exposures[0]!.exposures as { flag: string }[]).sort((a, b) => a.flag.localeCompare(b.flag));
    expect(counts).toEqual([
      { flag: "model", variant: "b", count: 5 },
      { flag: "new-model", variant: "on", count: 1 },
    ]);
  });
});
