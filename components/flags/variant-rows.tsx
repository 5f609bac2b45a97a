"use client";

import type { FlagType } from "@sextant/sdk";
import { Plus, Trash2 } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Input, Select } from "@/components/ui/input";

export type VariantRow = { uid: string; name: string; text: string };

/** A variant's value as the box shows it. */
export function valueText(v: unknown): string {
  return typeof v === "string" ? v : JSON.stringify(v);
}

/** The rows as the flag's `variants`; a JSON value that does not parse is reported, not sent. */
export function toVariants(type: FlagType, rows: VariantRow[]): { variants?: Record<string, unknown>; error?: string } {
  const variants: Record<string, unknown> = {};
  for (const r of rows) {
    if (type === "boolean") variants[r.name] = r.text === "true";
    else if (type === "number") variants[r.name] = r.text.trim() !== "" && Number.isFinite(Number(r.text)) ? Number(r.text) : r.text;
    else if (type === "string") variants[r.name] = r.text;
    else {
      try {
        variants[r.name] = JSON.parse(r.text);
      } catch {
        return { error: `The value of "${r.name}" is not valid JSON.` };
      }
    }
  }
  return { variants };
}

type Props = { type: FlagType; rows: VariantRow[]; onChange: (rows: VariantRow[]) => void; errorOf: (name: string) => string | undefined; newId: () => string; disabled: boolean };

/** Name and value of each variant, typed by the flag's type. */
export function VariantRows({ type, rows, onChange, errorOf, newId, disabled }: Props) {
  const set = (i: number, patch: Partial<VariantRow>) => onChange(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  return (
    <div className="grid gap-2">
      <ul className="grid gap-2">
        {rows.map((r, i) => (
          <li key={r.uid} className="grid gap-1">
            <div className="flex flex-wrap items-center gap-2">
              <Input aria-label={`Variant ${i + 1} name`} className="h-8 w-44" value={r.name} disabled={disabled} onChange={(e) => set(i, { name: e.target.value })} aria-invalid={errorOf(r.name) ? true : undefined} />
              {type === "boolean" ? (
                <Select aria-label={`Variant ${i + 1} value`} className="h-8" value={r.text === "true" ? "true" : "false"} disabled={disabled} onChange={(e) => set(i, { text: e.target.value })}>
                  <option value="true">true</option>
                  <option value="false">false</option>
                </Select>
              ) : (
                <Input aria-label={`Variant ${i + 1} value`} className="h-8 min-w-48 flex-1 font-mono text-xs" value={r.text} disabled={disabled}
                  inputMode={type === "number" ? "decimal" : undefined} placeholder={type === "json" ? '{"model": "gpt-4o-mini"}' : type === "number" ? "0.7" : "value"}
                  onChange={(e) => set(i, { text: e.target.value })} />
              )}
              {!disabled && rows.length > 1 ? <Button type="button" variant="ghost" size="icon" aria-label={`Remove variant ${i + 1}`} onClick={() => onChange(rows.filter((_, j) => j !== i))}><Trash2 aria-hidden /></Button> : null}
            </div>
            {errorOf(r.name) ? <p className="text-xs text-danger">{errorOf(r.name)}</p> : null}
          </li>
        ))}
      </ul>
      {!disabled ? <div><Button type="button" variant="ghost" size="sm" onClick={() => onChange([...rows, { uid: newId(), name: `variant-${rows.length + 1}`, text: type === "boolean" ? "false" : type === "number" ? "0" : type === "json" ? "{}" : "" }])}><Plus aria-hidden /> Add variant</Button></div> : null}
    </div>
  );
}
