// Per-group evaluation of one rule: which instances to step with which observation.
// Pure, like the machine it drives.
import { FRESH, isQuiet, step, type Instance, type MachineRule, type Observation, type Step } from "./machine";

export type GroupEvaluation = {
  rule: MachineRule;
  grouped: boolean;
  /** Stored instances by group key ("" for an ungrouped rule, or "no groups at all" for a grouped one). */
  prev: Map<string, Instance>;
  /** The metric per group as read now, or the reason it could not be read. */
  observed: Map<string, Observation> | { error: string };
  /** What a known group that is absent from the answer reads: 0 for sums, no data otherwise. */
  missing: Observation;
  now: number;
  silenced: (groupKey: string) => boolean;
};

/**
 * Steps every instance that can change: each group in the answer, each stored
 * instance that is not quiet (firing, pending, owed a resolved …). Healthy groups
 * never seen before step from `ok` to `ok` and are left out by the caller.
 */
export function evaluateGroups(e: GroupEvaluation): Map<string, Step> {
  const steps = new Map<string, Step>();
  const run = (key: string, obs: Observation, rule = e.rule) => steps.set(key, step(rule, e.prev.get(key) ?? FRESH, obs, e.now, e.silenced(key)));

  if ("error" in e.observed) {
    const keys = [...e.prev.entries()].filter(([, i]) => !isQuiet(i)).map(([k]) => k);
    if (!e.grouped && !keys.includes("")) keys.push("");
    for (const key of keys) run(key, { kind: "error", message: e.observed.error });
    return steps;
  }
  const observed = e.observed;
  if (!e.grouped) {
    run("", observed.get("") ?? e.missing);
    return steps;
  }
  for (const [key, obs] of observed) run(key, obs);
  for (const [key, inst] of e.prev) {
    if (key === "" || observed.has(key) || isQuiet(inst)) continue;
    run(key, e.missing);
  }
  // For a grouped rule, "" stands for "the query found no group at all": the no-data policy
  // applies to it; once groups are back it reads as healthy.
  if (observed.size === 0) run("", { kind: "no_data" });
  else if (e.prev.has("") && !isQuiet(e.prev.get("")!)) run("", { kind: "no_data" }, { ...e.rule, noData: "ok" });
  return steps;
}
