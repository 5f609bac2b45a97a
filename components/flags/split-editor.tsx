"use client";

import type { FlagSplit } from "@sextant/sdk";
import { Plus, Trash2 } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Input, Select } from "@/components/ui/input";
import { setFirstWeight, splitTotal } from "./split";

type Props = { split: FlagSplit[]; variants: string[]; onChange: (s: FlagSplit[]) => void; error?: string; disabled: boolean };

const COLORS = ["bg-primary", "bg-success", "bg-danger", "bg-muted-fg"];

/**
 * A percentage split. The slider sets the first variant's share and takes the weight from the
 * variants right after it (see split.ts), so raising a rollout only moves users into it.
 * The bar and the numbers update live as it moves.
 */
export function SplitEditor({ split, variants, onChange, error, disabled }: Props) {
  const first = split[0];
  const total = splitTotal(split);
  const unused = variants.filter((v) => !split.some((p) => p.variant === v));
  return (
    <div className="grid gap-2">
      {first ? (
        <label className="grid gap-1 text-sm">
          <span>Share of <strong className="font-medium">{first.variant}</strong></span>
          <input type="range" min={0} max={100} step={1} value={first.weight} disabled={disabled} aria-label={`Share of ${first.variant}`}
            aria-valuetext={`${first.weight} %`} className="w-full accent-primary" onChange={(e) => onChange(setFirstWeight(split, Number(e.target.value)))} />
        </label>
      ) : null}
      <div className="flex h-3 overflow-hidden rounded-full bg-muted" aria-hidden>
        {split.map((p, i) => <div key={p.variant} className={COLORS[i % COLORS.length]} style={{ width: `${p.weight}%` }} />)}
      </div>
      <p className="text-sm tabular-nums" aria-live="polite" data-testid="split-percentages">
        {split.map((p) => `${p.variant} ${p.weight} %`).join(" · ")}
        {total !== 100 ? <span className="ml-2 text-danger">adds up to {total} %, not 100 %</span> : null}
      </p>
      <ul className="grid gap-1.5">
        {split.map((p, i) => (
          <li key={`${p.variant}-${i}`} className="flex items-center gap-2">
            <Select aria-label={`Variant of part ${i + 1}`} className="h-8" value={p.variant} disabled={disabled}
              onChange={(e) => onChange(split.map((q, j) => (j === i ? { ...q, variant: e.target.value } : q)))}>
              {[p.variant, ...unused].map((v) => <option key={v} value={v}>{v}</option>)}
            </Select>
            <Input type="number" aria-label={`Weight of part ${i + 1} (%)`} className="h-8 w-24" min={0} max={100} step={0.01} value={p.weight} disabled={disabled}
              onChange={(e) => onChange(split.map((q, j) => (j === i ? { ...q, weight: Number(e.target.value) } : q)))} />
            <span className="text-sm text-muted-fg">%</span>
            {!disabled && split.length > 1 ? <Button type="button" variant="ghost" size="icon" aria-label={`Remove part ${i + 1}`} onClick={() => onChange(split.filter((_, j) => j !== i))}><Trash2 aria-hidden /></Button> : null}
          </li>
        ))}
      </ul>
      {!disabled && unused.length ? (
        <div><Button type="button" variant="ghost" size="sm" onClick={() => onChange([...split, { variant: unused[0]!, weight: 0 }])}><Plus aria-hidden /> Add a variant to the split</Button></div>
      ) : null}
      <p className="text-xs text-muted-fg">Reordering or editing middle parts by hand reshuffles users; the slider never does.</p>
      {error ? <p className="text-xs text-danger">{error}</p> : null}
    </div>
  );
}
