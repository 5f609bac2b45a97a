// The permission matrix, end to end: every role calls every verb against the real
// database, and the outcome must be exactly what MATRIX says. The verbs are in test/matrix/.
import { describe, expect, it } from "vitest";
import { createApiKey } from "@/lib/api-keys/create";
import { ACTIONS, MATRIX, ROLES } from "@/lib/auth/permissions";
import { createInvite } from "@/lib/members/invite";
import { updateRole } from "@/lib/members/update-role";
import { expectAppError, makeWorld, orgCtx, orgFootprint } from "@/test/factories";
import { DATA_VERBS } from "@/test/matrix/data";
import { FOUNDATION_VERBS } from "@/test/matrix/foundation";
import { OPERATE_VERBS } from "@/test/matrix/operate";
import type { Verb } from "@/test/matrix/verb";

const VERBS: Record<string, Verb> = { ...FOUNDATION_VERBS, ...DATA_VERBS, ...OPERATE_VERBS };

const CASES = ROLES.flatMap((role) =>
  Object.entries(VERBS).map(([verb, spec]) => ({ role, verb, spec, allowed: MATRIX[role].includes(spec.action) })),
);

describe("permission matrix, end to end", () => {
  it("drives every action of the matrix through at least one verb", () => {
    const covered = new Set(Object.values(VERBS).map((v) => v.action));
    expect(ACTIONS.filter((a) => !covered.has(a))).toEqual([]);
    expect(CASES).toHaveLength(ROLES.length * Object.keys(VERBS).length);
  });

  it.each(CASES)("$role → $verb: allowed = $allowed", async ({ role, spec, allowed }) => {
    const world = await makeWorld();
    const { call, verify } = await spec.prepare(world);
    if (allowed) {
      await call(role);
      await verify();
      return;
    }
    const before = await orgFootprint(world);
    const err = await expectAppError(call(role), "FORBIDDEN");
    expect(err.message).toContain(`"${spec.action}"`);
    expect(await orgFootprint(world)).toEqual(before);
  });
});

describe("explicit expectations (independent of MATRIX)", () => {
  it.each(["viewer", "reviewer"] as const)("a %s cannot create keys or change roles, and nothing is written", async (role) => {
    const world = await makeWorld();
    const before = await orgFootprint(world);
    await expectAppError(createApiKey(world.as(role), { name: "nope" }), "FORBIDDEN");
    await expectAppError(updateRole(orgCtx(world.as(role)), { userId: world.users.viewer.id, role: "admin" }), "FORBIDDEN");
    const after = await orgFootprint(world);
    expect(after).toEqual(before);
    expect(after.apiKeys).toBe(0);
    expect(after.audit).toBe(0);
  });

  it("a member can create API keys but cannot invite", async () => {
    const world = await makeWorld();
    const key = await createApiKey(world.as("member"), { name: "member key" });
    expect(key.secretKey).toMatch(/^sk-/);
    const before = await orgFootprint(world);
    await expectAppError(createInvite(orgCtx(world.as("member")), { role: "viewer" }), "FORBIDDEN");
    expect(await orgFootprint(world)).toEqual(before);
    expect(before.invites).toBe(0);
  });
});
