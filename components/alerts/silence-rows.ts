import type { Silence } from "@/lib/alerts/schemas";

export type SilenceRow = { id: string; ruleId: string | null; ruleName: string | null; matchers: Record<string, string>; startsAt: string; endsAt: string; comment: string; createdBy: string; status: "active" | "scheduled" | "ended" };

const ORDER = { active: 0, scheduled: 1, ended: 2 };

/** Silences for the table: with their rule's name and whether they are in force at `now`; in force first. */
export function silenceRows(silences: Silence[], rules: { id: string; name: string }[], now = Date.now()): SilenceRow[] {
  return silences
    .map((s) => ({
      id: s.id, ruleId: s.ruleId, ruleName: rules.find((r) => r.id === s.ruleId)?.name ?? null, matchers: s.matchers,
      startsAt: s.startsAt.toISOString(), endsAt: s.endsAt.toISOString(), comment: s.comment, createdBy: s.createdBy,
      status: s.endsAt.getTime() <= now ? ("ended" as const) : s.startsAt.getTime() > now ? ("scheduled" as const) : ("active" as const),
    }))
    .sort((a, b) => ORDER[a.status] - ORDER[b.status]);
}
