import "server-only";
import type { DbOrTx } from "@/db/client";
import { auditLog } from "@/db/schema";
import { actorId, actorLabel, type Actor } from "@/lib/context";

export type AuditEntry = {
  orgId: string;
  projectId?: string | null;
  action: string;
  resourceType: string;
  resourceId: string;
  before?: unknown;
  after?: unknown;
};

/** Writes one audit row; call it with the transaction that makes the change. */
export async function recordAudit(tx: DbOrTx, actor: Actor, entry: AuditEntry): Promise<void> {
  await tx.insert(auditLog).values({
    orgId: entry.orgId,
    projectId: entry.projectId ?? null,
    actorType: actor.type,
    actorId: actorId(actor),
    actorLabel: actorLabel(actor),
    action: entry.action,
    resourceType: entry.resourceType,
    resourceId: entry.resourceId,
    before: entry.before ?? null,
    after: entry.after ?? null,
  });
}
