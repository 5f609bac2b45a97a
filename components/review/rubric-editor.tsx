"use client";

import { Plus, Trash2 } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Input, Select } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import type { RubricItem } from "@/lib/review/schemas";
import { newLine, type LineDraft } from "./draft";

const TYPES: { value: RubricItem["type"]; label: string }[] = [
  { value: "numeric", label: "Number (min–max)" },
  { value: "categorical", label: "Choice (options)" },
  { value: "boolean", label: "Yes / no" },
  { value: "text", label: "Text (optional)" },
];

/** The rubric: one row per score a reviewer gives, with the settings its type needs. */
export function RubricEditor({ lines, onChange }: { lines: LineDraft[]; onChange: (l: LineDraft[]) => void }) {
  const set = (i: number, patch: Partial<LineDraft>) => onChange(lines.map((l, k) => (k === i ? { ...l, ...patch } : l)));
  return (
    <fieldset className="grid gap-3">
      <legend className="sr-only">Rubric</legend>
      {lines.map((l, i) => {
        const n = i + 1;
        return (
          <div key={l.key} className="grid gap-2 rounded-md border p-3" role="group" aria-label={`Score ${n}`}>
            <div className="grid gap-2 sm:grid-cols-[1fr_12rem_auto] sm:items-end">
              <div className="grid gap-1">
                <Label htmlFor={`line-name-${l.key}`}>Score {n} name</Label>
                <Input id={`line-name-${l.key}`} value={l.name} onChange={(e) => set(i, { name: e.target.value })} placeholder="helpful" maxLength={40} />
              </div>
              <div className="grid gap-1">
                <Label htmlFor={`line-type-${l.key}`}>Score {n} type</Label>
                <Select id={`line-type-${l.key}`} value={l.type} onChange={(e) => { const type = e.target.value as RubricItem["type"]; set(i, { type, ...(type === "numeric" && !l.min && !l.max ? { min: "1", max: "5" } : {}) }); }}>
                  {TYPES.map((t) => <option key={t.value} value={t.value}>{t.label}</option>)}
                </Select>
              </div>
              <Button type="button" variant="ghost" size="icon" aria-label={`Remove score ${n}`} disabled={lines.length === 1} onClick={() => onChange(lines.filter((_, k) => k !== i))}>
                <Trash2 aria-hidden />
              </Button>
            </div>
            {l.type === "numeric" ? (
              <div className="flex flex-wrap gap-3">
                <div className="grid gap-1">
                  <Label htmlFor={`line-min-${l.key}`}>Score {n} min</Label>
                  <Input id={`line-min-${l.key}`} className="w-24" inputMode="decimal" value={l.min} onChange={(e) => set(i, { min: e.target.value })} />
                </div>
                <div className="grid gap-1">
                  <Label htmlFor={`line-max-${l.key}`}>Score {n} max</Label>
                  <Input id={`line-max-${l.key}`} className="w-24" inputMode="decimal" value={l.max} onChange={(e) => set(i, { max: e.target.value })} />
                </div>
                <p className="self-end pb-2 text-xs text-muted-fg">Whole numbers from 0 to 9 are scored with one key.</p>
              </div>
            ) : null}
            {l.type === "categorical" ? (
              <div className="grid gap-1">
                <Label htmlFor={`line-options-${l.key}`}>Score {n} options</Label>
                <Input id={`line-options-${l.key}`} value={l.options} onChange={(e) => set(i, { options: e.target.value })} placeholder="friendly, neutral, rude" />
                <p className="text-xs text-muted-fg">2–20, separated by commas; keys 1–9 pick the first nine.</p>
              </div>
            ) : null}
            <div className="grid gap-1">
              <Label htmlFor={`line-desc-${l.key}`}>Score {n} description</Label>
              <Input id={`line-desc-${l.key}`} value={l.description} onChange={(e) => set(i, { description: e.target.value })} placeholder="What a reviewer should look for (optional)" maxLength={1000} />
            </div>
          </div>
        );
      })}
      <div>
        <Button type="button" variant="secondary" size="sm" disabled={lines.length >= 20} onClick={() => onChange([...lines, newLine("boolean")])}>
          <Plus aria-hidden /> Add score
        </Button>
      </div>
    </fieldset>
  );
}
