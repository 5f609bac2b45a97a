import { describe, expect, it } from "vitest";
import { minuteAgo, store } from "@/lib/requests/test-events";
import { auditRowsOf, expectAppError, makeWorld } from "@/test/factories";
import { addVersion } from "./add-version";
import { createPrompt } from "./create";
import { getPrompt, listVersions } from "./get";
import { listPrompts } from "./list";
import { versionMetrics } from "./metrics";
import { deployAnnotations, listLabelMoves } from "./moves";
import { moveLabel, rollbackLabel } from "./move-label";
import { getPromptSettings, updatePromptSettings } from "./settings";

describe("prompt roles", () => {
  it("lets reviewers and viewers read only, members write but not deploy, owners and admins deploy", async () => {
    const w = await makeWorld();
    await createPrompt(w.as("member"), { name: "faq", type: "text", prompt: "Answer {{q}}", labels: ["staging"] });
    for (const role of ["reviewer", "viewer"] as const) {
      expect((await getPrompt(w.as(role), "faq", { label: "staging" })).version).toBe(1);
      expect(await listPrompts(w.as(role))).toHaveLength(1);
      await expectAppError(createPrompt(w.as(role), { name: `x-${role}`, type: "text", prompt: "x" }), "FORBIDDEN");
      await expectAppError(addVersion(w.as(role), "faq", { prompt: "y" }), "FORBIDDEN");
      await expectAppError(moveLabel(w.as(role), { name: "faq", label: "staging", version: 1 }), "FORBIDDEN");
    }
    await addVersion(w.as("member"), "faq", { prompt: "Answer well {{q}}", labels: ["staging"] });
    const refused = await expectAppError(moveLabel(w.as("member"), { name: "faq", label: "production", version: 2 }), "FORBIDDEN");
    expect(refused.message).toContain("production");
    await expectAppError(addVersion(w.as("member"), "faq", { prompt: "z", labels: ["production"] }), "FORBIDDEN");
    expect((await listVersions(w.as("owner"), "faq")).map((v) => v.version)).toEqual([2, 1]); // the refused save stored nothing
    await moveLabel(w.as("admin"), { name: "faq", label: "production", version: 1 });
    await moveLabel(w.as("owner"), { name: "faq", label: "production", version: 2 });
    await expectAppError(rollbackLabel(w.as("member"), { name: "faq", label: "production" }), "FORBIDDEN");
    expect((await rollbackLabel(w.as("member"), { name: "faq", label: "staging" })).to).toBe(1);
    expect(await rollbackLabel(w.as("admin"), { name: "faq", label: "production" })).toEqual({ name: "faq", label: "production", from: 2, to: 1 });
  });

  it("lets members move production once an owner or admin allows it; the switch is theirs alone and audited", async () => {
    const w = await makeWorld();
    await createPrompt(w.as("owner"), { name: "p", type: "text", prompt: "one" });
    await addVersion(w.as("owner"), "p", { prompt: "two" });
    await expectAppError(updatePromptSettings(w.as("member"), { membersMayDeployProduction: true }), "FORBIDDEN");
    await expectAppError(updatePromptSettings(w.as("admin"), { membersMayDeployProduction: "yes" as unknown as boolean }), "UNPROCESSABLE_ENTITY");
    expect(await updatePromptSettings(w.as("admin"), { membersMayDeployProduction: true })).toEqual({ membersMayDeployProduction: true });
    expect(await getPromptSettings(w.as("viewer"))).toEqual({ membersMayDeployProduction: true });
    expect(await moveLabel(w.as("member"), { name: "p", label: "production", version: 2 })).toEqual({ name: "p", label: "production", from: null, to: 2 });
    await expectAppError(moveLabel(w.as("reviewer"), { name: "p", label: "production", version: 1 }), "FORBIDDEN");
    const audit = (await auditRowsOf(w.orgId)).map((a) => a.action);
    expect(audit).toEqual(["prompt.create", "prompt.version.create", "prompt.version.create", "prompt.settings.update", "prompt.label.move"]);
  });

  it("keeps every prompt to its project", async () => {
    const one = await makeWorld();
    const two = await makeWorld();
    await createPrompt(one.as("owner"), { name: "shared-name", type: "text", prompt: "one", labels: ["production"] });
    await createPrompt(two.as("owner"), { name: "shared-name", type: "text", prompt: "two", labels: ["production"] });
    expect((await getPrompt(two.as("viewer"), "shared-name")).prompt).toBe("two");
    await moveLabel(two.as("owner"), { name: "shared-name", label: "staging", version: 1 });
    expect((await listPrompts(one.as("owner")))[0]!.labels.map((l) => l.label)).toEqual(["production"]);
    expect(await listLabelMoves(one.as("owner"), { name: "shared-name" })).toHaveLength(1);
    await expectAppError(getPrompt(one.as("owner"), "only-in-two"), "NOT_FOUND");
  });
});

describe("per-version metrics and deploy annotations", () => {
  it("reports requests, error rate, p95, cost per request and scores for each version, and production moves as annotations", async () => {
    const w = await makeWorld();
    await createPrompt(w.as("owner"), { name: "support", type: "text", prompt: "v1", labels: ["production"] });
    await addVersion(w.as("owner"), "support", { prompt: "v2", labels: ["production", "staging"] });
    const at = minuteAgo(5);
    const ev = (i: number, version: number, extra: Record<string, unknown> = {}) => ({
      id: `pv-${version}-${i}`, startTime: at, durationMs: 100 * (i + 1), provider: "openai", model: "gpt-4o", costUsd: 0.01 * version,
      usage: { inputTokens: 10, outputTokens: 5 }, status: "ok" as const, prompt: { name: "support", version }, ...extra,
    });
    await store(w, [
      ...Array.from({ length: 4 }, (_, i) => ev(i, 1)),
      ev(4, 1, { status: "error", error: { type: "rate_limit", message: "slow down" } }),
      ...Array.from({ length: 2 }, (_, i) => ev(i, 2)),
      { ...ev(9, 1), prompt: { name: "other", version: 1 } },
    ]);
    const range = { from: new Date(at - 3_600_000), to: new Date(Date.now() + 60_000) };
    const rows = await versionMetrics(w.as("viewer"), "support", range);
    expect(rows.map((r) => [r.version, r.requests])).toEqual([[2, 2], [1, 5]]);
    expect(rows[1]!.errorRate).toBeCloseTo(0.2);
    expect(rows[0]!.costPerRequestUsd).toBeCloseTo(0.02);
    expect(rows[1]!.p95Ms).toBeGreaterThan(300);

    const notes = await deployAnnotations(w.as("viewer"), new Date(Date.now() - 60_000), new Date(Date.now() + 60_000));
    expect(notes.map((n) => n.label)).toEqual(["support: production → v1", "support: production → v2"]);
  });
});
