import { ROLES, type Role } from "@/db/schema/accounts";

/**
 * The permission matrix: what each role may do. The UI uses it to hide controls,
 * every verb calls it to refuse. Later capabilities add their actions here.
 */
export const ACTIONS = [
  "project.read",
  "project.create",
  "project.update",
  "member.read",
  "member.invite",
  "member.update_role",
  "member.remove",
  "api_key.read",
  "api_key.create",
  "api_key.revoke",
  "audit.read",
  "settings.read",
  "settings.update",
  "ingest.write",
  "requests.read",
  "flags.read",
  "flags.write",
  "alerts.read",
  "alerts.write",
  "review.read",
  "review.write",
  "review.work",
  "prompts.read",
  "prompts.write",
  /** Moving the production label (deploying). Members get it only when the project allows it (lib/prompts/permissions.ts). */
  "prompts.deploy",
  /** The project's prompt policy (who may deploy). */
  "prompts.manage",
  /** Budgets and per-user rate limits (Settings → Budgets), delivered to SDKs with the flag config. */
  "budgets.read",
  "budgets.write",
] as const;
export type Action = (typeof ACTIONS)[number];

const READ: Action[] = ["project.read", "member.read", "api_key.read", "settings.read", "requests.read", "flags.read", "alerts.read", "review.read", "prompts.read", "budgets.read"];
const ADMIN: Action[] = [...ACTIONS];

export const MATRIX: Record<Role, readonly Action[]> = {
  owner: ADMIN,
  admin: ADMIN,
  member: [...READ, "api_key.create", "api_key.revoke", "flags.write", "alerts.write", "review.write", "review.work", "prompts.write", "budgets.write"],
  // Reviewers work through queues (claim, complete, skip) but cannot change them.
  reviewer: [...READ, "review.work"],
  viewer: READ,
};

/** What a project's secret key may do through the machine API (nothing administrative). */
export const SECRET_KEY_ACTIONS: readonly Action[] = ["project.read", "settings.read", "settings.update", "ingest.write", "requests.read", "flags.read", "flags.write", "alerts.read", "alerts.write", "review.read", "review.write", "review.work", "prompts.read", "prompts.write", "prompts.deploy", "budgets.read", "budgets.write"];
/** Client SDKs hold the public key: it only reads what they evaluate or render locally (flags, prompts). */
export const PUBLIC_KEY_ACTIONS: readonly Action[] = ["flags.read", "prompts.read"];

export function roleCan(role: Role, action: Action): boolean {
  return MATRIX[role].includes(action);
}

export { ROLES, type Role };

/** Roles, highest first — an actor may only grant roles at or below its own. */
export const ROLE_RANK: Record<Role, number> = { owner: 5, admin: 4, member: 3, reviewer: 2, viewer: 1 };
