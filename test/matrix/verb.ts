// One verb of the permission matrix test (lib/auth/matrix.test.ts).
import { expect } from "vitest";
import type { Action, Role } from "@/lib/auth/permissions";
import { testDb } from "@/test/db";
import type { World } from "@/test/factories";

/**
 * One verb of the foundation: `prepare` does the set-up as the owner (a key to revoke,
 * a member to demote …) and returns the call to make as the role under test and a
 * check of its effect when it is allowed.
 */
export type Verb = {
  action: Action;
  prepare: (w: World) => Promise<{ call: (role: Role) => Promise<unknown>; verify: () => Promise<void> }>;
};

export const db = () => testDb();

/** A read verb: `seed` sets up as the owner and gives what `read`, run as the role under test, must return. */
export function readVerb<T>(action: Action, seed: (w: World) => Promise<T>, read: (w: World, role: Role) => Promise<T>): Verb {
  return {
    action,
    prepare: async (w) => {
      const expected = await seed(w);
      let got: T | undefined;
      return { call: async (role) => (got = await read(w, role)), verify: async () => expect(got).toEqual(expected) };
    },
  };
}
