// Budgets and per-user limits: validation, roles, project isolation, audit, the backing
// alert rule of a soft budget, spend from the rollups and the limits SDKs receive.
import type { Event } from "@sextant/sdk";
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { alertRules } from "@/db/schema";
import { evaluateRule } from "@/lib/alerts/evaluate";
import { flagConfig } from "@/lib/flags/config";
import { currentRevision } from "@/lib/flags/revision";
import { keyCtx, store } from "@/lib/requests/test-events";
import { testDb } from "@/test/db";
import { auditRowsOf, expectAppError, makeWorld, orgFootprint, type World } from "@/test/factories";
import { createBudget } from "./create";
import { deleteBudget } from "./delete";
import { limitsFor } from "./limits";
import { getBudget, listBudgets } from "./list";
import { setUserRateLimit } from "./rate-limit";
import { updateBudget } from "./update";

const HARD = { name: "daily-cap", scope: "project", period: "day", limitUsd: 25, enforcement: "hard" } as const;
const SOFT = { name: "support-month", scope: "endpoint", match: "support", period: "month", limitUsd: 100, enforcement: "soft" } as const;

const spend = (prefix: string, n: number, extra: Partial<Event>): Event[] =>
  Array.from({ length: n }, (_, i) => ({ id: `${prefix}-${i}`, startTime: Date.now() - 2_000 - i, durationMs: 100, provider: "openai", model: "gpt-4o", costUsd: 0.25, ...extra }));

const rulesOf = (w: World) => testDb().select().from(alertRules).where(eq(alertRules.projectId, w.projectId));

describe("budget verbs", () => {
  it("refuses invalid budgets with 422 and the field", async () => {
    const w = await makeWorld();
    const ctx = w.as("member");
    const cases: [unknown, string][] = [
      [{ ...HARD, limitUsd: -1 }, "limitUsd"],
      [{ ...HARD, match: "x" }, "match"],
      [{ ...HARD, action: "downgrade" }, "downgradeTo"],
      [{ ...SOFT, action: "block" }, "action"],
      [{ ...HARD, period: "week" }, "period"],
      [{ ...HARD, name: "has space" }, "name"],
      [{ ...HARD, colour: "red" }, ""],
    ];
    for (const [input, path] of cases) {
      const err = await expectAppError(createBudget(ctx, input), "UNPROCESSABLE_ENTITY");
      if (path) expect(err.issues?.map((i) => i.path)).toContain(path);
    }
    expect((await listBudgets(ctx)).budgets).toEqual([]);
  });

  it("a viewer and a reviewer can read but not write; nothing is written when refused", async () => {
    const w = await makeWorld();
    const b = await createBudget(w.as("member"), HARD);
    for (const role of ["viewer", "reviewer"] as const) {
      const before = await orgFootprint(w);
      await expectAppError(createBudget(w.as(role), { ...HARD, name: "nope" }), "FORBIDDEN");
      await expectAppError(updateBudget(w.as(role), b.id, { limitUsd: 1 }), "FORBIDDEN");
      await expectAppError(deleteBudget(w.as(role), b.id), "FORBIDDEN");
      await expectAppError(setUserRateLimit(w.as(role), { requestsPerMinute: 1 }), "FORBIDDEN");
      expect(await orgFootprint(w)).toEqual(before);
      expect((await listBudgets(w.as(role))).budgets.map((x) => x.limitUsd)).toEqual([25]);
    }
  });

  it("another project's budget is 404 for every verb, and invisible in its list", async () => {
    const mine = await makeWorld();
    const theirs = await makeWorld();
    const b = await createBudget(theirs.as("owner"), HARD);
    await expectAppError(getBudget(mine.as("owner"), b.id), "NOT_FOUND");
    await expectAppError(updateBudget(mine.as("owner"), b.id, { limitUsd: 1 }), "NOT_FOUND");
    await expectAppError(deleteBudget(mine.as("owner"), b.id), "NOT_FOUND");
    await expectAppError(getBudget(mine.as("owner"), "not-a-uuid"), "NOT_FOUND");
    expect((await listBudgets(mine.as("owner"))).budgets).toEqual([]);
    expect((await getBudget(theirs.as("owner"), b.id)).limitUsd).toBe(25);
  });

  it("a duplicate name is 409", async () => {
    const w = await makeWorld();
    await createBudget(w.as("owner"), HARD);
    await expectAppError(createBudget(w.as("owner"), { ...HARD, limitUsd: 1 }), "CONFLICT");
  });

  it("writes an audit row per change and bumps the flag revision each time", async () => {
    const w = await makeWorld();
    const ctx = w.as("admin");
    const r0 = await currentRevision(testDb(), w.projectId);
    const b = await createBudget(ctx, HARD);
    await updateBudget(ctx, b.id, { limitUsd: 30, action: "downgrade", downgradeTo: "gpt-4o-mini" });
    await setUserRateLimit(ctx, { requestsPerMinute: 10 });
    await deleteBudget(ctx, b.id);
    expect(await currentRevision(testDb(), w.projectId)).toBe(r0 + 4);
    const audit = await auditRowsOf(w.orgId);
    expect(audit.map((a) => a.action)).toEqual(["budget.create", "budget.update", "user_rate_limit.update", "budget.delete"]);
    expect(audit[1]).toMatchObject({ actorLabel: w.users.admin.email, resourceId: b.id, before: { limitUsd: 25 }, after: { limitUsd: 30, downgradeTo: "gpt-4o-mini" } });
    expect(audit[2]).toMatchObject({ before: null, after: { requestsPerMinute: 10 } });
  });
});

describe("a soft budget alerts through an alert rule", () => {
  it("is backed by a cost budget rule that follows the budget, and goes when it turns hard or is deleted", async () => {
    const w = await makeWorld();
    const ctx = w.as("member");
    const b = await createBudget(ctx, SOFT);
    const [rule] = await rulesOf(w);
    expect(b.alertRuleId).toBe(rule!.id);
    expect(rule).toMatchObject({ metric: "cost_usd", filters: { endpoint: "support" }, condition: { op: ">=", threshold: 100 }, budget: { period: "month", projected: false }, labels: { budget: "support-month" } });

    await updateBudget(ctx, b.id, { match: null, limitUsd: 40 });
    const [rewritten] = await rulesOf(w);
    expect(rewritten).toMatchObject({ id: rule!.id, filters: {}, groupBy: "endpoint", condition: { threshold: 40 } });

    const hard = await updateBudget(ctx, b.id, { enforcement: "hard" });
    expect(hard.alertRuleId).toBeNull();
    expect(await rulesOf(w)).toEqual([]);
    const soft = await updateBudget(ctx, b.id, { enforcement: "soft" });
    expect(await rulesOf(w)).toHaveLength(1);
    await deleteBudget(ctx, soft.id);
    expect(await rulesOf(w)).toEqual([]);
  });

  it("fires once the period's spend reaches the limit, per user without match", async () => {
    const w = await makeWorld();
    const b = await createBudget(w.as("member"), { name: "each-user", scope: "user", period: "day", limitUsd: 0.75, enforcement: "soft" });
    await store(w, [...spend("big", 3, { userId: "big-spender" }), ...spend("small", 1, { userId: "light" })]);
    const report = await evaluateRule(w.as("member"), b.alertRuleId!, Date.now());
    expect(report.transitions.map((t) => [t.groupKey, t.to, t.value])).toEqual([["big-spender", "firing", 0.75]]);
  });

  it("refuses a channel of another project", async () => {
    const w = await makeWorld();
    await expectAppError(createBudget(w.as("owner"), { ...SOFT, channels: ["00000000-0000-4000-8000-000000000000"] }), "UNPROCESSABLE_ENTITY");
    expect(await testDb().select().from(alertRules).where(and(eq(alertRules.projectId, w.projectId)))).toEqual([]);
  });
});

describe("spend and delivery", () => {
  it("reports the spend so far this period per budget, and delivers it in the SDK's Limits shape", async () => {
    const w = await makeWorld();
    const ctx = w.as("owner");
    await store(w, [...spend("a", 4, { endpoint: "support", userId: "u1" }), ...spend("b", 2, { endpoint: "search", userId: "u2" })]);
    await createBudget(ctx, HARD);
    await createBudget(ctx, SOFT);
    await createBudget(ctx, { name: "per-user", scope: "user", period: "day", limitUsd: 0.75, enforcement: "hard", action: "downgrade", downgradeTo: "gpt-4o-mini" });
    await setUserRateLimit(ctx, { requestsPerMinute: 10, tokensPerMinute: 5000 });

    const list = await listBudgets(ctx);
    expect(list.budgets.map((b) => [b.name, b.spentUsd])).toEqual([["daily-cap", 1.5], ["per-user", 1.5], ["support-month", 1]]);
    expect(list.budgets[1]!.spentBy).toEqual({ u1: 1, u2: 0.5 });
    expect(list.userRateLimit).toEqual({ requestsPerMinute: 10, tokensPerMinute: 5000 });

    const limits = await limitsFor(keyCtx(w));
    expect(limits!.budgets).toEqual([
      { id: "daily-cap", scope: "project", period: "day", limitUsd: 25, enforcement: "hard", action: "block", spentUsd: 1.5 },
      { id: "per-user", scope: "user", period: "day", limitUsd: 0.75, enforcement: "hard", action: "downgrade", downgradeTo: "gpt-4o-mini", spentUsd: { u1: 1, u2: 0.5 } },
      { id: "support-month", scope: "endpoint", match: "support", period: "month", limitUsd: 100, enforcement: "soft", spentUsd: 1 },
    ]);
    expect(limits!.userRateLimit).toEqual({ requestsPerMinute: 10, tokensPerMinute: 5000 });
    expect(limits!.prices!["gpt-4o"]).toEqual({ inputPerMTok: 2.5, outputPerMTok: 10, cachedInputPerMTok: 1.25 });
    expect(limits!.prices!["gpt-4o-mini"]).toMatchObject({ inputPerMTok: 0.15, outputPerMTok: 0.6 });
  });

  it("the flag config carries limits for the secret key only, and a budget change moves its ETag", async () => {
    const w = await makeWorld();
    const secret = keyCtx(w);
    const pub = { ...secret, actor: { type: "api_key", keyId: "pk", kind: "public", label: "public key" } } as const;
    const before = await flagConfig(secret, {});
    expect(before.config).not.toHaveProperty("limits");
    const b = await createBudget(w.as("owner"), HARD);
    const after = await flagConfig(secret, {});
    expect(after.etag).not.toBe(before.etag);
    expect(after.config.limits!.budgets).toEqual([expect.objectContaining({ id: "daily-cap", limitUsd: 25 })]);
    expect((await flagConfig(pub, {})).config).not.toHaveProperty("limits");
    await updateBudget(w.as("owner"), b.id, { limitUsd: 5 });
    const changed = await flagConfig(secret, {});
    expect(changed.etag).not.toBe(after.etag);
    expect(changed.config.limits!.budgets![0]!.limitUsd).toBe(5);
  });
});
