import type { Flag, FlagEnvironment } from "@sextant/sdk";

export type Share = {
  killed: boolean;
  /** What the first catch-all rule (or the default) serves: variant → percent. */
  parts: { variant: string; percent: number }[];
  /** Rules with conditions before it: their users may get something else. */
  targetingRules: number;
};

/** What most traffic of an environment gets, for the list: the kill switch, else the first rule without conditions, else the default. */
export function shareOf(env: FlagEnvironment): Share {
  if (!env.enabled) return { killed: true, parts: [{ variant: env.offVariant, percent: 100 }], targetingRules: 0 };
  const at = env.rules.findIndex((r) => r.conditions.length === 0);
  const targetingRules = at === -1 ? env.rules.length : at;
  const rule = at === -1 ? null : env.rules[at]!;
  if (!rule) return { killed: false, parts: [{ variant: env.defaultVariant, percent: 100 }], targetingRules };
  if ("variant" in rule.serve) return { killed: false, parts: [{ variant: rule.serve.variant, percent: 100 }], targetingRules };
  return { killed: false, parts: rule.serve.split.map((p) => ({ variant: p.variant, percent: p.weight })), targetingRules };
}

/** The one variant an environment can ever serve, or null when it can serve more than one. */
export function onlyVariant(env: FlagEnvironment): string | null {
  if (!env.enabled) return env.offVariant;
  const served = new Set<string>();
  let catchAll = false;
  for (const r of env.rules) {
    if ("variant" in r.serve) served.add(r.serve.variant);
    else r.serve.split.filter((p) => p.weight > 0).forEach((p) => served.add(p.variant));
    if (r.conditions.length === 0) {
      catchAll = true;
      break;
    }
  }
  if (!catchAll) served.add(env.defaultVariant);
  return served.size === 1 ? [...served][0]! : null;
}

export type Usage = { lastSeenAt: Date | null; variantsInWindow: Record<string, number> };
export type StaleHint = { kind: "unused" | "settled"; text: string };

const DAY = 86_400_000;
export const UNUSED_DAYS = 14;
export const SETTLED_DAYS = 30;

/**
 * Hints that a flag may be ready to remove from the code: no request carried it for 14 days,
 * or one variant has had 100 % for 30 days — by definition (every environment can serve only
 * one variant and the flag has not changed since) or in the traffic of the last 30 days.
 */
export function staleHints(flag: Flag & { createdAt: Date; updatedAt: Date }, usage: Usage | undefined, now: Date): StaleHint[] {
  const hints: StaleHint[] = [];
  const age = now.getTime() - new Date(flag.createdAt).getTime();
  const last = usage?.lastSeenAt ? now.getTime() - usage.lastSeenAt.getTime() : null;
  if (age >= UNUSED_DAYS * DAY && (last === null || last >= UNUSED_DAYS * DAY)) {
    hints.push({ kind: "unused", text: last === null ? `No requests carried this flag in ${UNUSED_DAYS}+ days` : `No requests carried this flag in ${Math.floor(last / DAY)} days` });
  }
  if (age < SETTLED_DAYS * DAY) return hints;
  const envs = Object.values(flag.environments);
  const only = new Set(envs.map(onlyVariant));
  const unchanged = now.getTime() - new Date(flag.updatedAt).getTime() >= SETTLED_DAYS * DAY;
  const seen = Object.keys(usage?.variantsInWindow ?? {});
  if (envs.length > 0 && unchanged && only.size === 1 && !only.has(null)) {
    hints.push({ kind: "settled", text: `"${[...only][0]}" has served 100 % for ${SETTLED_DAYS}+ days` });
  } else if (seen.length === 1) {
    hints.push({ kind: "settled", text: `Only "${seen[0]}" was served in the last ${SETTLED_DAYS} days` });
  }
  return hints;
}

const ENV_ORDER = ["production", "staging", "development"];

/** Environments in the order people think of them (jsonb keeps its own key order): production, staging, development, then by name. */
export function environmentNames(environments: Record<string, unknown>): string[] {
  const rank = (n: string) => (ENV_ORDER.includes(n) ? ENV_ORDER.indexOf(n) : ENV_ORDER.length);
  return Object.keys(environments).sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
}
