import "server-only";
import { alertInstances } from "@/db/schema";
import type { Instance } from "./machine";
import type { Severity } from "./schemas";

type InstanceRow = typeof alertInstances.$inferSelect;
const ms = (d: Date | null) => (d ? d.getTime() : null);
const date = (n: number | null) => (n === null ? null : new Date(n));

export function fromRow(r: InstanceRow): Instance {
  return {
    state: r.state,
    severity: r.severity as Severity | null,
    value: r.value,
    pendingSince: ms(r.pendingSince),
    firingSince: ms(r.firingSince),
    resolvedAt: ms(r.resolvedAt),
    notifiedFiring: r.notifiedFiring,
    owesResolved: r.owesResolved,
    lastNotifiedAt: ms(r.lastNotifiedAt),
    heldState: r.heldState,
  };
}

export function toColumns(i: Instance, evaluatedAt: number) {
  return {
    state: i.state,
    severity: i.severity,
    value: i.value,
    pendingSince: date(i.pendingSince),
    firingSince: date(i.firingSince),
    resolvedAt: date(i.resolvedAt),
    notifiedFiring: i.notifiedFiring,
    owesResolved: i.owesResolved,
    lastNotifiedAt: date(i.lastNotifiedAt),
    heldState: i.heldState,
    evaluatedAt: new Date(evaluatedAt),
  };
}

/** An instance as the API answers it. */
export type AlertInstanceView = {
  groupKey: string;
  labels: Record<string, string>;
  state: Instance["state"];
  severity: Severity | null;
  value: number | null;
  pendingSince: Date | null;
  firingSince: Date | null;
  resolvedAt: Date | null;
  evaluatedAt: Date;
};

export function toView(r: InstanceRow, labels: Record<string, string>): AlertInstanceView {
  return {
    groupKey: r.groupKey, labels, state: r.state, severity: r.severity as Severity | null, value: r.value,
    pendingSince: r.pendingSince, firingSince: r.firingSince, resolvedAt: r.resolvedAt, evaluatedAt: r.evaluatedAt,
  };
}
