// sextant.flags against the running app over HTTP: a kill switch flipped through the API
// reaches a running SDK over the stream within a second, and by polling within one poll
// interval without it; with the server gone the SDK keeps serving what it last had (and a new
// one starts from the persisted file); exposure counts land in flag_exposures.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { FlagsClient, Sextant } from "@sextant/sdk";
import { sql } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { sampleFlag } from "@/app/api/v1/flags/test-client";
import { FLAG_HTTP_ROUTES, serveStreaming } from "@/app/api/v1/flags/stream/test-server";
import { testDb } from "@/test/db";
import { ingestWorld } from "@/test/ingest-helpers";

let app: Awaited<ReturnType<typeof serveStreaming>>;
beforeAll(async () => {
  app = await serveStreaming(FLAG_HTTP_ROUTES);
});
afterAll(() => app.close());
let cleanup: (() => unknown)[] = [];
afterEach(async () => {
  for (const c of cleanup.reverse()) await c();
  cleanup = [];
});

/** A project with the sample flag (a staff rule and a 30 % split in production) and a way to flip its kill switch. */
async function project(baseUrl = app.url) {
  const w = await ingestWorld(baseUrl);
  const post = (p: string, body: unknown) =>
    fetch(`${baseUrl}/api/v1/flags${p}`, { method: "POST", headers: { authorization: `Bearer ${w.key.secretKey}`, "content-type": "application/json" }, body: JSON.stringify(body) });
  // Once more when a kept-alive socket was cut under us (dropConnections).
  const api = (p: string, body: unknown) => post(p, body).catch(() => post(p, body));
  expect((await api("", sampleFlag())).status).toBe(201);
  const toggle = async (enabled: boolean) => expect((await api("/new-model/environments/production/toggle", { enabled })).status).toBe(200);
  return { w, toggle };
}

const staff = { targetingKey: "user-1", email: "ana@acme.test" };

function client(options: ConstructorParameters<typeof FlagsClient>[0]) {
  const errors: string[] = [];
  const flags = new FlagsClient({ onError: (e) => errors.push(e.message), ...options });
  cleanup.push(() => flags.close());
  return { flags, errors };
}

describe("sextant.flags against the app", () => {
  it("gets a kill switch over the stream within a second, with polling off", async () => {
    const { w, toggle } = await project();
    const { flags, errors } = client({ baseUrl: app.url, key: w.key.publicKey, pollIntervalMs: 0, exposures: false });
    expect(await flags.ready()).toBe(true);
    await expect.poll(() => flags.status().streaming).toBe(true);
    expect(flags.getBooleanDetails("new-model", false, staff)).toMatchObject({ value: true, reason: "TARGETING_MATCH" });

    const changes: number[] = [];
    flags.onChange((r) => changes.push(r));
    await toggle(false);
    await expect.poll(() => flags.getBooleanDetails("new-model", true, staff), { timeout: 1_000, interval: 10 }).toMatchObject({ value: false, variant: "off", reason: "DISABLED" });
    await toggle(true);
    await expect.poll(() => flags.getBooleanValue("new-model", false, staff), { timeout: 1_000, interval: 10 }).toBe(true);
    expect(changes).toEqual([2, 3]);
    expect(errors).toEqual([]);
  });

  it("reconnects a cut stream with backoff, and polls alone where the server has no stream", async () => {
    const { w, toggle } = await project();
    const { flags, errors } = client({ baseUrl: app.url, key: w.key.publicKey, pollIntervalMs: 0, exposures: false, streamBackoffMs: { base: 50, max: 200 } });
    expect(await flags.ready()).toBe(true);
    await expect.poll(() => flags.status().streaming).toBe(true);
    app.dropConnections(); // polling is off: only a reconnected stream can bring the change
    await toggle(false);
    await expect.poll(() => flags.getBooleanValue("new-model", true, staff), { timeout: 1_000, interval: 10 }).toBe(false);
    expect(flags.status().streaming).toBe(true);
    // At most the cut itself is reported (when the socket errors rather than ends); no failed config fetch.
    expect(errors.filter((e) => !e.startsWith("Sextant flags stream lost"))).toEqual([]);

    const noStream = await serveStreaming(FLAG_HTTP_ROUTES.filter((r) => !r.path.test("/api/v1/flags/stream")));
    cleanup.push(() => noStream.close());
    const old = client({ baseUrl: noStream.url, key: w.key.publicKey, pollIntervalMs: 200, exposures: false });
    expect(old.flags.getBooleanDetails("new-model", true, staff).errorCode).toBe("PROVIDER_NOT_READY");
    expect(await old.flags.ready()).toBe(true);
    await toggle(true);
    await expect.poll(() => old.flags.getBooleanValue("new-model", false, staff), { timeout: 1_000, interval: 10 }).toBe(true);
    expect(old.flags.status().streaming).toBe(false);
    expect(old.errors).toEqual([expect.stringContaining("Sextant flags stream unavailable (HTTP 404)")]);
  });

  it("gets a kill switch by polling within one poll interval when the stream is off", async () => {
    const { w, toggle } = await project();
    const pollIntervalMs = 400;
    const { flags } = client({ baseUrl: app.url, key: w.key.publicKey, stream: false, pollIntervalMs, exposures: false });
    expect(await flags.ready()).toBe(true);
    expect(flags.getBooleanValue("new-model", false, staff)).toBe(true);
    await toggle(false);
    // One interval, plus the config request that the poll makes.
    await expect.poll(() => flags.getBooleanValue("new-model", true, staff), { timeout: pollIntervalMs + 150, interval: 10 }).toBe(false);
    expect(flags.status()).toMatchObject({ state: "READY", revision: 2, streaming: false });
  });

  it("keeps serving the last known config with the server down, and a new SDK starts from the persisted file", async () => {
    const own = await serveStreaming(FLAG_HTTP_ROUTES);
    const { w, toggle } = await project(own.url);
    await toggle(false);
    const dir = mkdtempSync(path.join(tmpdir(), "sextant-flags-"));
    cleanup.push(() => rmSync(dir, { recursive: true, force: true }));
    const persistPath = path.join(dir, "flags.json");

    const { flags, errors } = client({ baseUrl: own.url, key: w.key.publicKey, persistPath, pollIntervalMs: 100, exposures: false, streamBackoffMs: { base: 50, max: 200 } });
    expect(await flags.ready()).toBe(true);
    await own.close();
    await flags.refresh();
    expect(flags.status()).toMatchObject({ state: "STALE", revision: 2, source: "server" });
    expect(flags.getBooleanDetails("new-model", true, staff)).toMatchObject({ value: false, reason: "DISABLED" });
    expect(errors.filter((e) => e.includes("could not fetch the flag config"))).toHaveLength(1); // said once per outage

    const later = client({ baseUrl: own.url, key: w.key.publicKey, persistPath, exposures: false });
    expect(await later.flags.ready()).toBe(true);
    expect(later.flags.status()).toMatchObject({ state: "STALE", revision: 2, source: "file" });
    expect(later.flags.getBooleanDetails("new-model", true, staff)).toMatchObject({ value: false, variant: "off", reason: "DISABLED" });
  });

  it("sends exposure counts per flag and variant, stored per hour", async () => {
    const { w } = await project();
    const sx = new Sextant({ baseUrl: app.url, secretKey: w.key.secretKey, exitHooks: false, flags: { stream: false } });
    cleanup.push(() => sx.shutdown(1_000));
    expect(await sx.flags.ready()).toBe(true);
    for (let i = 0; i < 3; i++) sx.flags.getBooleanValue("new-model", false, staff);
    let on = 0;
    for (let i = 0; i < 200; i++) if (sx.flags.getBooleanValue("new-model", false, { targetingKey: `u-${i}` })) on += 1;
    await sx.flush();
    for (let i = 0; i < 2; i++) sx.flags.getBooleanValue("new-model", false, staff);
    await sx.flush();

    const rows = await testDb().execute<{ variant: string; count: string; hour: Date }>(
      sql`select variant, count::text, hour from flag_exposures where project_id = ${w.projectId} and flag_key = 'new-model' order by variant`,
    );
    expect(rows.rows.map((r) => [r.variant, Number(r.count)])).toEqual([
      ["off", 200 - on],
      ["on", on + 5],
    ]);
    expect(new Date(rows.rows[0]!.hour).getUTCMinutes()).toBe(0);
  });
});
