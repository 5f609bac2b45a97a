// The alert state machine on a virtual clock: a per-minute series goes in, the
// transitions and notifications a receiver would see come out.
import { describe, expect, it } from "vitest";
import { evaluateGroups } from "./groups";
import { closeInstance, FRESH, isQuiet, step, type Instance, type MachineRule, type Observation } from "./machine";

const T0 = Date.UTC(2026, 10, 26, 10, 0);
const at = (minute: number) => T0 + minute * 60_000;

/** A number is a value with plenty of samples; "none" no data; "err" an unreadable metric; {v, n} a value from n samples. */
type Point = number | "none" | "err" | { v: number; n: number };
const obs = (p: Point): Observation =>
  p === "none" ? { kind: "no_data" } : p === "err" ? { kind: "error", message: "db down" } : typeof p === "number" ? { kind: "value", value: p, samples: 1000 } : { kind: "value", value: p.v, samples: p.n };

const BASE: MachineRule = { condition: { op: ">", threshold: 0.1 }, severity: "critical", forSeconds: 0, noData: "ok", sendResolved: true };

function simulate(rule: Partial<MachineRule>, series: Point[], silencedAt: (minute: number) => boolean = () => false) {
  const r = { ...BASE, ...rule };
  let inst: Instance = FRESH;
  const transitions: string[] = [];
  const notifications: string[] = [];
  series.forEach((p, m) => {
    const s = step(r, inst, obs(p), at(m), silencedAt(m));
    if (s.transition) transitions.push(`m${m} ${s.transition.from}→${s.transition.to}`);
    if (s.notification) notifications.push(`m${m} ${s.notification.kind}${s.notification.kind === "firing" ? ` ${s.next.severity}` : ""}`);
    inst = s.next;
  });
  return { transitions, notifications, final: inst };
}

type Case = { name: string; rule?: Partial<MachineRule>; series: Point[]; silenced?: (m: number) => boolean; transitions: string[]; notifications: string[] };

const CASES: Case[] = [
  {
    name: "forSeconds 0: fires on the first breach, resolves once",
    series: [0.0, 0.5, 0.5, 0.0, 0.0, 0.0],
    transitions: ["m1 ok→firing", "m3 firing→resolved"],
    notifications: ["m1 firing critical", "m3 resolved"],
  },
  {
    name: "forSeconds holds pending until the breach has lasted that long",
    rule: { forSeconds: 120 },
    series: [0.5, 0.5, 0.5, 0.5, 0.0],
    transitions: ["m0 ok→pending", "m2 pending→firing", "m4 firing→resolved"],
    notifications: ["m2 firing critical", "m4 resolved"],
  },
  {
    name: "forSeconds: a blip shorter than it never notifies",
    rule: { forSeconds: 120 },
    series: [0.5, 0.0, 0.5, 0.5, 0.0],
    transitions: ["m0 ok→pending", "m1 pending→ok", "m2 ok→pending", "m4 pending→ok"],
    notifications: [],
  },
  {
    name: "without recoverThreshold, a dip under the threshold resolves",
    series: [0.2, 0.08, 0.2],
    transitions: ["m0 ok→firing", "m1 firing→resolved", "m2 resolved→firing"],
    notifications: ["m0 firing critical", "m1 resolved", "m2 firing critical"],
  },
  {
    name: "recoverThreshold: flapping around the threshold stays one alert",
    rule: { condition: { op: ">", threshold: 0.1, recoverThreshold: 0.05 } },
    series: [0.2, 0.08, 0.11, 0.06, 0.09, 0.04, 0.04],
    transitions: ["m0 ok→firing", "m5 firing→resolved"],
    notifications: ["m0 firing critical", "m5 resolved"],
  },
  {
    name: "warnThreshold fires as warning, escalates to critical once, resolves once",
    rule: { condition: { op: ">", threshold: 0.2, warnThreshold: 0.1 } },
    series: [0.15, 0.25, 0.3, 0.15, 0.05],
    transitions: ["m0 ok→firing", "m4 firing→resolved"],
    notifications: ["m0 firing warning", "m1 firing critical", "m4 resolved"],
  },
  {
    name: "minRequests: a single failure at 2 a.m. is not a 100 % error rate",
    rule: { minRequests: 10 },
    series: [{ v: 1, n: 1 }, { v: 1, n: 3 }, { v: 0.5, n: 50 }, { v: 0, n: 2 }, { v: 0, n: 20 }],
    transitions: ["m2 ok→firing", "m4 firing→resolved"],
    notifications: ["m2 firing critical", "m4 resolved"],
  },
  {
    name: "noData ok: missing data resolves a firing alert",
    rule: { noData: "ok" },
    series: [0.5, "none", "none"],
    transitions: ["m0 ok→firing", "m1 firing→resolved"],
    notifications: ["m0 firing critical", "m1 resolved"],
  },
  {
    name: "noData keep: missing data changes nothing, in either direction",
    rule: { noData: "keep" },
    series: ["none", 0.5, "none", "none", 0.0],
    transitions: ["m1 ok→firing", "m4 firing→resolved"],
    notifications: ["m1 firing critical", "m4 resolved"],
  },
  {
    name: "noData alert: no_data notifies once, and is resolved when data is back",
    rule: { noData: "alert" },
    series: [0.0, "none", "none", "none", 0.0],
    transitions: ["m1 ok→no_data", "m4 no_data→resolved"],
    notifications: ["m1 firing critical", "m4 resolved"],
  },
  {
    name: "noData alert: data back but breaching goes straight to firing, one resolved at the end",
    rule: { noData: "alert", forSeconds: 300 },
    series: ["none", 0.5, 0.0],
    transitions: ["m0 ok→no_data", "m1 no_data→firing", "m2 firing→resolved"],
    notifications: ["m0 firing critical", "m1 firing critical", "m2 resolved"],
  },
  {
    name: "repeatIntervalSeconds re-sends while firing",
    rule: { repeatIntervalSeconds: 300 },
    series: Array<number>(12).fill(0.5),
    transitions: ["m0 ok→firing"],
    notifications: ["m0 firing critical", "m5 firing critical", "m10 firing critical"],
  },
  {
    name: "no repeat interval: one firing notification however long it lasts",
    series: Array<number>(30).fill(0.5),
    transitions: ["m0 ok→firing"],
    notifications: ["m0 firing critical"],
  },
  {
    name: "a silence holds notifications; when it ends, the still-firing alert notifies",
    series: [0.5, 0.5, 0.5, 0.5, 0.0],
    silenced: (m) => m < 3,
    transitions: ["m0 ok→firing", "m4 firing→resolved"],
    notifications: ["m3 firing critical", "m4 resolved"],
  },
  {
    name: "silenced for the whole episode: states change, nothing is sent (no orphan resolved)",
    series: [0.5, 0.5, 0.0],
    silenced: () => true,
    transitions: ["m0 ok→firing", "m2 firing→resolved"],
    notifications: [],
  },
  {
    name: "a silence that starts while firing still lets the resolved close the incident",
    series: [0.5, 0.5, 0.0],
    silenced: (m) => m >= 1,
    transitions: ["m0 ok→firing", "m2 firing→resolved"],
    notifications: ["m0 firing critical", "m2 resolved"],
  },
  {
    name: "sendResolved false: firing only",
    rule: { sendResolved: false },
    series: [0.5, 0.0, 0.5, 0.0],
    transitions: ["m0 ok→firing", "m1 firing→resolved", "m2 resolved→firing", "m3 firing→resolved"],
    notifications: ["m0 firing critical", "m2 firing critical"],
  },
  {
    name: "an unreadable metric is an error state; the alert continues from where it was",
    series: [0.5, "err", "err", 0.5, 0.0],
    transitions: ["m0 ok→firing", "m1 firing→error", "m3 error→firing", "m4 firing→resolved"],
    notifications: ["m0 firing critical", "m4 resolved"],
  },
  {
    name: "below-threshold rules (<) with hysteresis",
    rule: { condition: { op: "<", threshold: 0.7, recoverThreshold: 0.8 }, severity: "warning" },
    series: [0.9, 0.6, 0.75, 0.85],
    transitions: ["m1 ok→firing", "m3 firing→resolved"],
    notifications: ["m1 firing warning", "m3 resolved"],
  },
];

describe("alert state machine", () => {
  it.each(CASES)("$name", (c) => {
    const out = simulate(c.rule ?? {}, c.series, c.silenced);
    expect(out.transitions).toEqual(c.transitions);
    expect(out.notifications).toEqual(c.notifications);
  });

  it("sends resolved exactly once, however often the healthy value is evaluated again", () => {
    const out = simulate({}, [0.5, ...Array<number>(20).fill(0)]);
    expect(out.notifications.filter((n) => n.includes("resolved"))).toEqual(["m1 resolved"]);
    expect(out.final).toMatchObject({ state: "resolved", owesResolved: false });
  });
});

describe("closing a rule (disabled or deleted)", () => {
  const close = (series: Point[], rule: Partial<MachineRule> = {}) => {
    const r = { ...BASE, ...rule };
    const last = simulate(rule, series).final;
    const s = closeInstance(r, last, at(series.length), "rule disabled");
    return [s.transition ? `${s.transition.from}→${s.transition.to}` : null, s.notification?.kind ?? null];
  };
  it.each([
    { name: "firing → resolved, with the owed resolved", series: [0.5], out: ["firing→resolved", "resolved"] },
    { name: "silenced firing → resolved, nothing owed", series: [0.5], silenced: true, out: ["firing→resolved", null] },
    { name: "pending → ok", series: [0.5], rule: { forSeconds: 300 }, out: ["pending→ok", null] },
    { name: "error while firing → resolved", series: [0.5, "err"], out: ["error→resolved", "resolved"] },
    { name: "already resolved: nothing", series: [0.5, 0], out: [null, null] },
  ] as { name: string; series: Point[]; rule?: Partial<MachineRule>; silenced?: boolean; out: (string | null)[] }[])("$name", (c) => {
    if (c.silenced) {
      const r = { ...BASE, ...c.rule };
      const firing = step(r, FRESH, obs(0.5), at(0), true).next;
      const s = closeInstance(r, firing, at(1), "rule disabled");
      expect([s.transition && `${s.transition.from}→${s.transition.to}`, s.notification?.kind ?? null]).toEqual(c.out);
      return;
    }
    expect(close(c.series, c.rule)).toEqual(c.out);
  });
});

describe("per-group instances", () => {
  const run = (prev: Map<string, Instance>, observed: Map<string, Observation>, missing: Observation, minute: number, rule: Partial<MachineRule> = {}) =>
    evaluateGroups({ rule: { ...BASE, ...rule }, grouped: true, prev, observed, missing, now: at(minute), silenced: () => false });

  it("each group value is its own instance; healthy groups never get a row", () => {
    const steps = run(new Map(), new Map([["gpt-4o", obs(0.3)], ["claude", obs(0.01)]]), { kind: "no_data" }, 0);
    expect(steps.get("gpt-4o")!.next.state).toBe("firing");
    expect(steps.get("gpt-4o")!.notification?.kind).toBe("firing");
    expect(isQuiet(steps.get("claude")!.next)).toBe(true);
    expect(steps.get("claude")!.transition).toBeNull();
  });

  it("a firing group that disappears reads the missing value: no data resolves it (policy ok), a sum reads 0", () => {
    const firing = run(new Map(), new Map([["u1", obs(0.3)]]), { kind: "no_data" }, 0).get("u1")!.next;
    const gone = run(new Map([["u1", firing]]), new Map([["u2", obs(0.01)]]), { kind: "no_data" }, 1);
    expect(gone.get("u1")!.transition).toMatchObject({ from: "firing", to: "resolved" });
    const sum = run(new Map([["u1", firing]]), new Map(), { kind: "value", value: 0, samples: 0 }, 1, { noData: "alert" });
    expect(sum.get("u1")!.transition).toMatchObject({ from: "firing", to: "resolved", value: 0 });
  });

  it("a grouped rule with no group at all alerts on \"\" under noData alert, and resolves it when groups return", () => {
    const empty = run(new Map(), new Map(), { kind: "no_data" }, 0, { noData: "alert" });
    expect([...empty.keys()]).toEqual([""]);
    expect(empty.get("")!.notification?.kind).toBe("firing");
    const back = run(new Map([["", empty.get("")!.next]]), new Map([["m", obs(0.01)]]), { kind: "no_data" }, 1, { noData: "alert" });
    expect(back.get("")!.transition).toMatchObject({ from: "no_data", to: "resolved" });
    expect(back.get("")!.notification?.kind).toBe("resolved");
  });

  it("an unreadable metric marks the open instances as error and leaves quiet ones alone", () => {
    const firing = step(BASE, FRESH, obs(0.5), at(0), false).next;
    const steps = evaluateGroups({ rule: BASE, grouped: true, prev: new Map([["a", firing], ["b", FRESH]]), observed: { error: "boom" }, missing: { kind: "no_data" }, now: at(1), silenced: () => false });
    expect([...steps.keys()]).toEqual(["a"]);
    expect(steps.get("a")!.next).toMatchObject({ state: "error", heldState: "firing" });
  });
});
