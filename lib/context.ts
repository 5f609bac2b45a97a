import "server-only";
import type { KeyKind } from "@sextant/sdk";
import type { Db } from "@/db/client";
import { forbidden } from "@/lib/http/errors";
import { PUBLIC_KEY_ACTIONS, roleCan, SECRET_KEY_ACTIONS, type Action, type Role } from "@/lib/auth/permissions";

export type Actor =
  | { type: "user"; userId: string; email: string; role: Role }
  | { type: "api_key"; keyId: string; kind: KeyKind; label: string }
  | { type: "system"; label: string };

/** Who is acting, in which organization. Every verb takes one of these first. */
export type OrgCtx = { db: Db; orgId: string; actor: Actor };
export type ProjectCtx = OrgCtx & { projectId: string };

export function can(actor: Actor, action: Action): boolean {
  switch (actor.type) {
    case "user":
      return roleCan(actor.role, action);
    case "api_key":
      return (actor.kind === "secret" ? SECRET_KEY_ACTIONS : PUBLIC_KEY_ACTIONS).includes(action);
    case "system":
      return true;
  }
}

export function assertCan(ctx: OrgCtx, action: Action): void {
  if (!can(ctx.actor, action)) {
    const who = ctx.actor.type === "user" ? `The ${ctx.actor.role} role` : "This key";
    throw forbidden(`${who} is not allowed to do "${action}".`);
  }
}

export function actorLabel(actor: Actor): string {
  return actor.type === "user" ? actor.email : actor.label;
}

export function actorId(actor: Actor): string | null {
  if (actor.type === "user") return actor.userId;
  if (actor.type === "api_key") return actor.keyId;
  return null;
}
