"use client";

import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { Input, Select } from "@/components/ui/input";
import { Field } from "@/components/ui/label";
import { SEVERITIES } from "@/lib/alerts/schemas";
import { DurationInput } from "./duration-input";
import type { Draft } from "./rule-draft";
import { unitOf } from "./units";

type Props = { draft: Draft; set: (p: Partial<Draft>) => void; at: (path: string) => string | undefined };

const NO_DATA = [
  { value: "ok", label: "Treat as OK (resolve)" },
  { value: "keep", label: "Keep the last state" },
  { value: "alert", label: "Alert (no data is a problem)" },
] as const;

function NumberField({ id, label, hint, value, onChange, error, unit }: { id: string; label: string; hint?: string; value: string; onChange: (v: string) => void; error?: string; unit: string }) {
  return (
    <Field id={id} label={label} hint={hint} error={error}>
      <div className="flex items-center gap-2">
        <Input id={id} inputMode="decimal" value={value} onChange={(e) => onChange(e.target.value)} aria-invalid={error ? true : undefined} className="w-32" />
        <span className="text-sm text-muted-fg">{unit}</span>
      </div>
    </Field>
  );
}

/** When the rule alerts: the condition with its warn and recover lines, the window, `for`, the sample floor and no data. */
export function ConditionFields({ draft, set, at }: Props) {
  const unit = unitOf(draft.metric);
  return (
    <Card aria-label="When to alert">
      <CardHeader title="When to alert" description="Firing needs the condition to hold for the whole of “for”; it resolves only past the recover line." />
      <CardBody className="grid gap-4">
        <div className="grid gap-4 sm:grid-cols-3">
          <Field id="rule-op" label="Operator" error={at("condition.op")}>
            <Select id="rule-op" value={draft.op} onChange={(e) => set({ op: e.target.value as Draft["op"] })}>
              {([">", ">=", "<", "<="] as const).map((o) => <option key={o} value={o}>{o === ">" ? "above (>)" : o === ">=" ? "at or above (≥)" : o === "<" ? "below (<)" : "at or below (≤)"}</option>)}
            </Select>
          </Field>
          <NumberField id="rule-threshold" label="Threshold" unit={unit} value={draft.threshold} onChange={(v) => set({ threshold: v })} error={at("condition.threshold") ?? at("condition")} />
          <Field id="rule-severity" label="Severity" error={at("severity")}>
            <Select id="rule-severity" value={draft.severity} onChange={(e) => set({ severity: e.target.value as Draft["severity"] })}>
              {SEVERITIES.map((s) => <option key={s} value={s}>{s}</option>)}
            </Select>
          </Field>
          <NumberField id="rule-warn" label="Warn at" hint="Optional, milder level." unit={unit} value={draft.warnThreshold} onChange={(v) => set({ warnThreshold: v })} error={at("condition.warnThreshold")} />
          <NumberField id="rule-recover" label="Recover at" hint="Optional; stops flapping." unit={unit} value={draft.recoverThreshold} onChange={(v) => set({ recoverThreshold: v })} error={at("condition.recoverThreshold")} />
        </div>
        <div className="grid gap-4 sm:grid-cols-2">
          <Field id="rule-window" label="Window" hint="Each evaluation reads the metric over this much time (1 min to 1 day)." error={at("windowSeconds")}>
            <DurationInput id="rule-window" name="Window" seconds={draft.windowSeconds} onChange={(s) => set({ windowSeconds: s })} invalid={Boolean(at("windowSeconds"))} />
          </Field>
          <Field id="rule-for" label="For" hint="Pending this long before firing; 0 fires at once." error={at("forSeconds")}>
            <DurationInput id="rule-for" name="For" seconds={draft.forSeconds} onChange={(s) => set({ forSeconds: s })} invalid={Boolean(at("forSeconds"))} />
          </Field>
          <Field id="rule-min" label="Minimum requests" hint="Below this many in the window the value is not trusted; blank: always judged." error={at("minRequests")}>
            <Input id="rule-min" inputMode="numeric" className="w-32" value={draft.minRequests} onChange={(e) => set({ minRequests: e.target.value })} aria-invalid={at("minRequests") ? true : undefined} />
          </Field>
          <Field id="rule-nodata" label="When there is no data" error={at("noData")}>
            <Select id="rule-nodata" value={draft.noData} onChange={(e) => set({ noData: e.target.value as Draft["noData"] })}>
              {NO_DATA.map((n) => <option key={n.value} value={n.value}>{n.label}</option>)}
            </Select>
          </Field>
        </div>
        {draft.metric === "cost_usd" ? (
          <div className="grid gap-4 sm:grid-cols-2">
            <Field id="rule-budget" label="Budget period" hint="Spend so far this UTC day or month instead of the window." error={at("budget")}>
              <Select id="rule-budget" value={draft.budget} onChange={(e) => set({ budget: e.target.value as Draft["budget"] })}>
                <option value="">none (spend in the window)</option><option value="day">day</option><option value="month">month</option>
              </Select>
            </Field>
            {draft.budget ? (
              <label className="flex items-center gap-2 self-end pb-2 text-sm">
                <input type="checkbox" checked={draft.projected} onChange={(e) => set({ projected: e.target.checked })} /> Alert on projected spend (recent rate × time left)
              </label>
            ) : null}
          </div>
        ) : null}
      </CardBody>
    </Card>
  );
}
