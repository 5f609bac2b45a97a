// The alert state machine: pure, driven by the caller's clock (ms), no I/O.
// No "server-only": the tests drive it on a virtual clock.
import type { AlertCondition, Op, Severity } from "./schemas";

export type AlertState = "ok" | "pending" | "firing" | "resolved" | "no_data" | "error";

/** What an instance remembers between evaluations. */
export type Instance = {
  state: AlertState;
  severity: Severity | null;
  value: number | null;
  pendingSince: number | null;
  /** startsAt of the current alert episode (firing or no_data). */
  firingSince: number | null;
  resolvedAt: number | null;
  /** A firing notification went out for the current state (firing or no_data). */
  notifiedFiring: boolean;
  /** A firing notification went out since the last resolved one: exactly one resolved is owed. */
  owesResolved: boolean;
  lastNotifiedAt: number | null;
  /** The state an `error` interrupted; evaluation continues from it once the metric reads again. */
  heldState: AlertState | null;
};

export const FRESH: Instance = {
  state: "ok", severity: null, value: null, pendingSince: null, firingSince: null, resolvedAt: null,
  notifiedFiring: false, owesResolved: false, lastNotifiedAt: null, heldState: null,
};

export type Observation =
  | { kind: "value"; value: number; samples: number }
  | { kind: "no_data" }
  | { kind: "error"; message: string };

export type MachineRule = {
  condition: AlertCondition;
  severity: Severity;
  forSeconds: number;
  minRequests?: number;
  noData: "ok" | "keep" | "alert";
  repeatIntervalSeconds?: number;
  sendResolved: boolean;
};

export type Transition = { from: AlertState; to: AlertState; value: number | null; reason: string };
export type Notification = { kind: "firing" | "resolved"; reason: "new" | "escalated" | "repeat" | "unsilenced" | "resolved" };
export type Step = { next: Instance; transition: Transition | null; notification: Notification | null };

const RANK: Record<Severity, number> = { info: 0, warning: 1, critical: 2 };
const ALERTING: AlertState[] = ["firing", "no_data"];

export function compare(op: Op, value: number, line: number): boolean {
  switch (op) {
    case ">": return value > line;
    case ">=": return value >= line;
    case "<": return value < line;
    case "<=": return value <= line;
  }
}

/** The severity a value reaches (null: healthy); a firing instance stays until it crosses the recover line. */
export function levelOf(rule: MachineRule, value: number, firing: boolean): Severity | null {
  const c = rule.condition;
  if (compare(c.op, value, c.threshold)) return rule.severity;
  const warnSeverity: Severity = rule.severity === "critical" ? "warning" : "info";
  if (c.warnThreshold !== undefined && compare(c.op, value, c.warnThreshold)) return warnSeverity;
  if (firing && compare(c.op, value, c.recoverThreshold ?? c.warnThreshold ?? c.threshold)) return c.warnThreshold !== undefined ? warnSeverity : rule.severity;
  return null;
}

type Verdict = { kind: "hold" } | { kind: "healthy"; value: number | null; why: string } | { kind: "breach"; value: number; severity: Severity } | { kind: "no_data" };

function verdictOf(rule: MachineRule, base: Instance, obs: Exclude<Observation, { kind: "error" }>): Verdict {
  if (obs.kind === "no_data") {
    if (rule.noData === "keep") return { kind: "hold" };
    if (rule.noData === "alert") return { kind: "no_data" };
    return { kind: "healthy", value: null, why: "no data (policy: ok)" };
  }
  // Too few requests to trust a ratio: neither start nor end an alert on it.
  if (rule.minRequests !== undefined && obs.samples < rule.minRequests) return { kind: "hold" };
  const severity = levelOf(rule, obs.value, base.state === "firing");
  return severity ? { kind: "breach", value: obs.value, severity } : { kind: "healthy", value: obs.value, why: "condition no longer met" };
}

/**
 * One evaluation of one instance at `now`: the next state, the transition to record
 * (if the state changed) and the notification to send (if any). A silenced instance
 * changes state like any other but sends nothing new; a resolved notification is
 * still sent when a firing one went out, so every incident opened is closed once.
 */
export function step(rule: MachineRule, prev: Instance, obs: Observation, now: number, silenced: boolean): Step {
  if (obs.kind === "error") {
    if (prev.state === "error") return { next: prev, transition: null, notification: null };
    const next: Instance = { ...prev, state: "error", heldState: prev.state };
    return { next, transition: { from: prev.state, to: "error", value: null, reason: obs.message }, notification: null };
  }
  const base: Instance = prev.state === "error" ? { ...prev, state: prev.heldState ?? "ok", heldState: null } : prev;
  const verdict = verdictOf(rule, base, obs);
  let next: Instance = { ...base };
  let reason = "";

  if (verdict.kind === "breach") {
    next.value = verdict.value;
    next.severity = verdict.severity;
    if (base.state === "firing") {
      reason = "still breaching";
    } else if (base.state === "pending" && now - (base.pendingSince ?? now) >= rule.forSeconds * 1000) {
      next = { ...next, state: "firing", firingSince: now, notifiedFiring: false };
      reason = `breached for ${rule.forSeconds}s`;
    } else if (base.state === "pending") {
      reason = "pending";
    } else if (base.state === "no_data") {
      // Already alerting (on missing data): the data is back and bad, so no new wait.
      next = { ...next, state: "firing", firingSince: now, notifiedFiring: false };
      reason = "data returned, condition met";
    } else if (rule.forSeconds === 0) {
      next = { ...next, state: "firing", pendingSince: now, firingSince: now, notifiedFiring: false };
      reason = "condition met";
    } else {
      next = { ...next, state: "pending", pendingSince: now };
      reason = "condition met; waiting forSeconds";
    }
  } else if (verdict.kind === "healthy") {
    next.value = verdict.value;
    if (base.state === "pending") {
      next = { ...next, state: "ok", pendingSince: null, severity: null };
      reason = `${verdict.why} before forSeconds`;
    } else if (ALERTING.includes(base.state)) {
      next = { ...next, state: "resolved", resolvedAt: now, pendingSince: null, severity: null, notifiedFiring: false };
      reason = verdict.why;
    }
  } else if (verdict.kind === "no_data") {
    next.value = null;
    if (base.state !== "no_data") {
      next = { ...next, state: "no_data", firingSince: now, pendingSince: null, notifiedFiring: false, severity: rule.severity };
      reason = "no data (policy: alert)";
    }
  }

  const transition: Transition | null = next.state !== prev.state ? { from: prev.state, to: next.state, value: next.value, reason: reason || "evaluated again" } : null;
  let notification: Notification | null = null;

  if (next.state === "resolved" && ALERTING.includes(base.state)) {
    // Owed exactly once: the flag is cleared whether or not sendResolved lets it go out.
    if (next.owesResolved && rule.sendResolved) notification = { kind: "resolved", reason: "resolved" };
    next.owesResolved = false;
  } else if (ALERTING.includes(next.state) && !silenced) {
    const escalated = base.state === next.state && next.severity !== null && base.severity !== null && RANK[next.severity] > RANK[base.severity];
    const repeatDue = rule.repeatIntervalSeconds !== undefined && next.lastNotifiedAt !== null && now - next.lastNotifiedAt >= rule.repeatIntervalSeconds * 1000;
    if (!next.notifiedFiring) notification = { kind: "firing", reason: ALERTING.includes(base.state) && base.state === next.state ? "unsilenced" : "new" };
    else if (escalated) notification = { kind: "firing", reason: "escalated" };
    else if (repeatDue) notification = { kind: "firing", reason: "repeat" };
    if (notification) next = { ...next, notifiedFiring: true, owesResolved: true, lastNotifiedAt: now };
  }
  return { next, transition, notification };
}

/** True when an instance needs no row: healthy, nothing owed. */
export function isQuiet(i: Instance): boolean {
  return i.state === "ok" && !i.owesResolved;
}

/**
 * The rule was disabled or deleted: an open alert is resolved (with its one resolved
 * notification, if owed) and a pending instance returns to ok, so no incident is left open.
 */
export function closeInstance(rule: MachineRule, prev: Instance, now: number, reason: string): Step {
  const open = prev.state === "error" ? (prev.heldState ?? "ok") : prev.state;
  const base: Instance = { ...prev, heldState: null, pendingSince: null };
  if (ALERTING.includes(open)) {
    const notification: Notification | null = prev.owesResolved && rule.sendResolved ? { kind: "resolved", reason: "resolved" } : null;
    const next: Instance = { ...base, state: "resolved", resolvedAt: now, severity: null, notifiedFiring: false, owesResolved: false };
    return { next, transition: { from: prev.state, to: "resolved", value: prev.value, reason }, notification };
  }
  const next: Instance = { ...base, state: open === "pending" ? "ok" : open, severity: null };
  return { next, transition: next.state !== prev.state ? { from: prev.state, to: next.state, value: prev.value, reason } : null, notification: null };
}
