import { and, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { prompts, promptVersions } from "@/db/schema";
import { auditRowsOf } from "@/test/factories";
import { testDb } from "@/test/db";
import { errorOf, promptApi } from "./test-client";

const chat = (system: string) => [{ role: "system", content: system }, { role: "user", content: "{{question}}" }];

describe("/api/v1/prompts", () => {
  it("creates a prompt with version 1, reads it by label, version and latest, and lists it", async () => {
    const api = await promptApi();
    const created = await api.create({ name: "support-answer", type: "chat", prompt: chat("Be brief, {{tone}}."), config: { model: "gpt-4o", temperature: 0.2 }, labels: ["production"], commitMessage: "first" });
    expect(created.status).toBe(201);
    const v1 = (await created.json()) as Record<string, unknown>;
    expect(v1).toMatchObject({ name: "support-answer", type: "chat", version: 1, prompt: chat("Be brief, {{tone}}."), config: { model: "gpt-4o", temperature: 0.2 }, labels: ["production", "latest"], commitMessage: "first", createdBy: "API key “prompts”" });
    expect(Date.parse(v1.createdAt as string)).not.toBeNaN();

    const byDefault = await api.get("support-answer");
    expect(byDefault.status).toBe(200);
    expect(await byDefault.json()).toEqual(v1);
    expect(await (await api.get("support-answer", "?version=1")).json()).toEqual(v1);
    expect(await (await api.get("support-answer", "?label=latest")).json()).toEqual(v1);
    const staging = await api.get("support-answer", "?label=staging");
    expect(staging.status).toBe(404);
    expect((await errorOf(staging)).message).toContain("no version labelled staging");

    const listed = (await (await api.list()).json()) as { prompts: { name: string; type: string; latestVersion: number; labels: { label: string; version: number; movedBy: string }[] }[] };
    expect(listed.prompts).toEqual([expect.objectContaining({ name: "support-answer", type: "chat", latestVersion: 1, labels: [expect.objectContaining({ label: "production", version: 1, movedBy: "API key “prompts”" })] })]);
    const dup = await api.create({ name: "support-answer", type: "text", prompt: "x" });
    expect(dup.status).toBe(409);
  });

  it("answers ETag and 304 for If-None-Match, and a new ETag once a label moves", async () => {
    const api = await promptApi();
    await api.create({ name: "greet", type: "text", prompt: "Hello {{name}}", labels: ["production"] });
    const first = await api.get("greet");
    const etag = first.headers.get("etag")!;
    expect(etag).toMatch(/^".+"$/);
    const again = await api.get("greet", "", { headers: { "if-none-match": etag } });
    expect(again.status).toBe(304);
    expect(again.headers.get("etag")).toBe(etag);
    expect(await again.text()).toBe("");
    expect((await api.get("greet", "", { headers: { "if-none-match": `W/${etag}, "other"` } })).status).toBe(304);
    const listEtag = (await api.list()).headers.get("etag")!;
    expect((await api.list({ headers: { "if-none-match": listEtag } })).status).toBe(304);

    await api.addVersion("greet", { prompt: "Hi {{name}}" });
    // v1 is still production, but its labels changed (latest moved on): a new ETag.
    const changed = await api.get("greet", "", { headers: { "if-none-match": etag } });
    expect(changed.status).toBe(200);
    expect(changed.headers.get("etag")).not.toBe(etag);
  });

  it("keeps versions immutable: a write to an old version is refused, by the API and by the database", async () => {
    const api = await promptApi();
    await api.create({ name: "summary", type: "text", prompt: "Summarize: {{text}}", config: { model: "gpt-4o-mini" } });
    const v2 = await api.addVersion("summary", { prompt: "Summarize briefly: {{text}}", commitMessage: "shorter" });
    expect(v2.status).toBe(201);
    expect(await v2.json()).toMatchObject({ version: 2, labels: ["latest"], config: {} });

    const put = await api.putVersion("summary", "1", { prompt: "changed" });
    expect(put.status).toBe(409);
    expect((await errorOf(put)).message).toContain("immutable");
    expect((await api.deleteVersion("summary", "1")).status).toBe(409);
    const rewrite = await api.addVersion("summary", { prompt: "changed", version: 1 });
    expect(rewrite.status).toBe(422);
    expect((await errorOf(rewrite)).issues).toEqual([{ path: "version", message: expect.stringContaining("immutable") }]);

    const db = testDb();
    await expect(
      db.update(promptVersions).set({ prompt: "sneaky" }).where(and(eq(promptVersions.projectId, api.world.projectId), eq(promptVersions.promptName, "summary"), eq(promptVersions.version, 1))),
    ).rejects.toThrow();
    expect(await (await api.getVersion("summary", "1")).json()).toMatchObject({ version: 1, prompt: "Summarize: {{text}}", config: { model: "gpt-4o-mini" } });
    expect(((await (await api.versions("summary")).json()) as { versions: { version: number }[] }).versions.map((v) => v.version)).toEqual([2, 1]);
  });

  it("moves production atomically under 20 concurrent moves: one final state, a consistent history, every move audited", async () => {
    const api = await promptApi();
    await api.create({ name: "race", type: "text", prompt: "v1", labels: ["production"] });
    for (const text of ["v2", "v3", "v4"]) await api.addVersion("race", { prompt: text });
    const targets = Array.from({ length: 20 }, (_, i) => (i % 4) + 1);
    const answers = await Promise.all(targets.map((version) => api.move("race", "production", { version })));
    expect(answers.map((r) => r.status)).toEqual(targets.map(() => 200));
    const moves = (await Promise.all(answers.map((r) => r.json()))) as { from: number; to: number }[];

    const audit = (await auditRowsOf(api.world.orgId)).filter((a) => a.action === "prompt.label.move" && (a.after as { label: string }).label === "production");
    expect(audit).toHaveLength(21); // the label given at creation, then the 20 moves
    // Applied one after another: each move saw the version the previous one left.
    const chain = audit.map((a) => [(a.before as { version: number | null }).version, (a.after as { version: number }).version]);
    for (let i = 1; i < chain.length; i++) expect(chain[i]![0]).toBe(chain[i - 1]![1]);
    const final = chain.at(-1)![1];
    expect(await (await api.get("race")).json()).toMatchObject({ version: final, prompt: `v${final}` });
    expect(moves.map((m) => m.to).sort()).toEqual([...targets].sort());
  });

  it("rolls back to the exact previous text and config", async () => {
    const api = await promptApi();
    const v1Config = { model: "gpt-4o", temperature: 0.1, responseFormat: { type: "json_object" }, vendor: { seed: 7 } };
    await api.create({ name: "classify", type: "chat", prompt: chat("Classify {{ticket}}."), config: v1Config, labels: ["production"] });
    const before = await (await api.get("classify")).json();
    await api.addVersion("classify", { prompt: chat("Classify carefully {{ticket}}."), config: { model: "gpt-4o-mini" }, labels: ["production"], commitMessage: "cheaper" });
    expect(await (await api.get("classify")).json()).toMatchObject({ version: 2, config: { model: "gpt-4o-mini" } });

    const rolled = await api.rollback("classify", "production");
    expect(rolled.status).toBe(200);
    expect(await rolled.json()).toEqual({ name: "classify", label: "production", from: 2, to: 1 });
    const after = (await (await api.get("classify")).json()) as typeof before;
    expect({ ...after, labels: undefined }).toEqual({ ...before, labels: undefined });
    expect(after).toMatchObject({ prompt: chat("Classify {{ticket}}."), config: v1Config, labels: ["production"] });
    const audit = await auditRowsOf(api.world.orgId);
    expect(audit.at(-1)).toMatchObject({ action: "prompt.label.rollback", before: { label: "production", version: 2 }, after: { label: "production", version: 1 } });
    expect((await api.rollback("classify", "staging")).status).toBe(404);
  });

  it("lets the public key read but not write, and gives another project's key 404", async () => {
    const one = await promptApi();
    const two = await promptApi();
    await one.create({ name: "mine", type: "text", prompt: "secret sauce", labels: ["production"] });
    const pk = { token: one.key.publicKey };
    expect((await one.get("mine", "", pk)).status).toBe(200);
    expect((await one.list(pk)).status).toBe(200);
    expect((await one.versions("mine", pk)).status).toBe(200);
    for (const res of [await one.create({ name: "x", type: "text", prompt: "x" }, pk), await one.addVersion("mine", { prompt: "y" }, pk), await one.move("mine", "production", { version: 1 }, pk), await one.rollback("mine", "production", pk), await one.putVersion("mine", "1", { prompt: "z" }, pk)]) {
      expect(res.status).toBe(403);
      expect((await errorOf(res)).code).toBe("FORBIDDEN");
    }
    const foreign = { token: two.key.secretKey };
    for (const res of [await one.get("mine", "", foreign), await one.getVersion("mine", "1", foreign), await one.addVersion("mine", { prompt: "y" }, foreign), await one.move("mine", "production", { version: 1 }, foreign), await one.putVersion("mine", "1", { prompt: "z" }, foreign), await one.get("mine", "", { token: two.key.publicKey })]) {
      expect(res.status).toBe(404);
    }
    expect(await (await two.list()).json()).toEqual({ prompts: [] });
    expect(((await (await one.versions("mine")).json()) as { versions: unknown[] }).versions).toHaveLength(1);
    expect((await one.list({ token: "sk-nope" })).status).toBe(401);
  });
});

describe("bad input", () => {
  async function footprint(projectId: string) {
    const db = testDb();
    const [p] = await db.select({ n: sql<number>`count(*)::int` }).from(prompts).where(eq(prompts.projectId, projectId));
    const [v] = await db.select({ n: sql<number>`count(*)::int` }).from(promptVersions).where(eq(promptVersions.projectId, projectId));
    return { prompts: p!.n, versions: v!.n };
  }

  it("answers 4xx with the field and stores nothing", async () => {
    const api = await promptApi();
    await api.create({ name: "base", type: "text", prompt: "Hi {{name}}", labels: ["production"] });
    const before = await footprint(api.world.projectId);
    const cases: [Promise<Response>, number, string][] = [
      [api.create({ name: "has space", type: "text", prompt: "x" }), 422, "name"],
      [api.create({ name: "a/b", type: "text", prompt: "x" }), 422, "name"],
      [api.create({ name: "big", type: "text", prompt: "x".repeat(100 * 1024 + 1) }), 422, "prompt"],
      [api.create({ name: "big-chat", type: "chat", prompt: [{ role: "user", content: "y".repeat(60_000) }, { role: "user", content: "y".repeat(60_000) }] }), 422, "prompt"],
      [api.create({ name: "cfg", type: "text", prompt: "x", config: "{not json" }), 422, "config"],
      [api.create({ name: "cfg2", type: "text", prompt: "x", config: { temperature: 9 } }), 422, "config.temperature"],
      [api.create({ name: "wrong-shape", type: "chat", prompt: "just text" }), 422, "prompt"],
      [api.create({ name: "bad-role", type: "chat", prompt: [{ role: "robot", content: "x" }] }), 422, "prompt.0.role"],
      [api.create({ name: "kind", type: "image", prompt: "x" }), 422, "type"],
      [api.create({ name: "lbl", type: "text", prompt: "x", labels: ["latest"] }), 422, "labels.0"],
      [api.addVersion("base", { prompt: "x", labels: ["Has Space"] }), 422, "labels.0"],
      [api.addVersion("base", { prompt: "x", version: 1 }), 422, "version"],
      [api.move("base", "production", { version: 9 }), 422, "version"],
      [api.move("base", "production", { version: "two" }), 422, "version"],
      [api.move("base", "latest", { version: 1 }), 422, "label"],
    ];
    for (const [call, status, path] of cases) {
      const res = await call;
      expect(res.status, path).toBe(status);
      const err = await errorOf(res);
      expect(err.issues?.map((i) => i.path), path).toContain(path);
    }
    expect((await api.create("{oops")).status).toBe(400);
    expect((await api.create("name=x", { headers: { "content-type": "text/plain" } })).status).toBe(415);
    expect((await api.addVersion("nope", { prompt: "x" })).status).toBe(404);
    expect(await footprint(api.world.projectId)).toEqual(before);
    expect(await (await api.get("base")).json()).toMatchObject({ version: 1, labels: ["production", "latest"] });
  });
});
