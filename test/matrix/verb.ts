// One verb of the permission matrix test (lib/auth/matrix.test.ts).
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
