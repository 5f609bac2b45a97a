"use client";

import { Plus, Trash2 } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Input, Select } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { newRule, RULE_FIELDS, type RuleDraft } from "./draft";

const LABELS: Record<(typeof RULE_FIELDS)[number], string> = { endpoint: "Endpoint", environment: "Environment", model: "Model", provider: "Provider", errorType: "Error type", promptName: "Prompt name", userId: "User id" };

/** Sampling rules: which new requests land in the queue as they are ingested, and what share of them. */
export function SamplingEditor({ rules, onChange }: { rules: RuleDraft[]; onChange: (r: RuleDraft[]) => void }) {
  const set = (i: number, patch: Partial<RuleDraft>) => onChange(rules.map((r, k) => (k === i ? { ...r, ...patch } : r)));
  return (
    <fieldset className="grid gap-3">
      <legend className="sr-only">Sampling rules</legend>
      <p className="text-xs text-muted-fg">
        Each rule takes a share of the new requests that match all its fields (empty fields match anything). The same request is always in or out, even when re-sent.
        {rules.length === 0 ? " No rules: items come only from the Requests page, the API or sextant.escalate()." : ""}
      </p>
      {rules.map((r, i) => {
        const n = i + 1;
        const id = (f: string) => `rule-${f}-${r.key}`;
        return (
          <div key={r.key} className="grid gap-3 rounded-md border p-3" role="group" aria-label={`Rule ${n}`}>
            <div className="grid gap-3 sm:grid-cols-3">
              {RULE_FIELDS.map((f) => (
                <div key={f} className="grid gap-1">
                  <Label htmlFor={id(f)}>Rule {n} {LABELS[f].toLowerCase()}</Label>
                  <Input id={id(f)} value={r.fields[f]} onChange={(e) => set(i, { fields: { ...r.fields, [f]: e.target.value } })} />
                </div>
              ))}
              <div className="grid gap-1">
                <Label htmlFor={id("status")}>Rule {n} status</Label>
                <Select id={id("status")} value={r.status} onChange={(e) => set(i, { status: e.target.value as RuleDraft["status"] })}>
                  <option value="">any</option>
                  <option value="ok">ok</option>
                  <option value="error">error</option>
                </Select>
              </div>
              <div className="grid gap-1">
                <Label htmlFor={id("tags")}>Rule {n} tags</Label>
                <Input id={id("tags")} value={r.tags} onChange={(e) => set(i, { tags: e.target.value })} placeholder="all of: beta, vip" />
              </div>
            </div>
            <div className="flex flex-wrap items-end justify-between gap-3">
              <div className="flex flex-wrap items-end gap-4">
                <div className="grid gap-1">
                  <Label htmlFor={id("rate")}>Rule {n} rate (%)</Label>
                  <Input id={id("rate")} className="w-28" inputMode="decimal" value={r.rate} onChange={(e) => set(i, { rate: e.target.value })} />
                </div>
                <Label className="flex items-center gap-2 pb-2 font-normal">
                  <input type="checkbox" checked={r.negativeFeedback} onChange={(e) => set(i, { negativeFeedback: e.target.checked })} />
                  Only when users give negative feedback
                </Label>
              </div>
              <Button type="button" variant="ghost" size="sm" onClick={() => onChange(rules.filter((_, k) => k !== i))}>
                <Trash2 aria-hidden /> Remove rule {n}
              </Button>
            </div>
            {Object.keys(r.kept).length ? <p className="text-xs text-muted-fg">Also kept from the API: {Object.keys(r.kept).join(", ")}.</p> : null}
          </div>
        );
      })}
      <div>
        <Button type="button" variant="secondary" size="sm" disabled={rules.length >= 20} onClick={() => onChange([...rules, newRule()])}>
          <Plus aria-hidden /> Add sampling rule
        </Button>
      </div>
    </fieldset>
  );
}
