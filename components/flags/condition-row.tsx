"use client";

import type { FlagCondition, FlagOperator } from "@sextant/sdk";
import { Trash2 } from "lucide-react";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Input, Select } from "@/components/ui/input";
import { OPERATORS, parseValues, valuesText } from "./values";

type Props = {
  id: string;
  condition: FlagCondition;
  onChange: (c: FlagCondition) => void;
  onRemove: () => void;
  /** The server's messages for this condition's fields, by field name. */
  errors: { attribute?: string; operator?: string; values?: string };
  disabled: boolean;
};

/** One condition: attribute, operator, values, negate. All conditions of a rule must hold. */
export function ConditionRow({ id, condition, onChange, onRemove, errors, disabled }: Props) {
  const [text, setText] = useState(valuesText(condition.values));
  const set = (patch: Partial<FlagCondition>) => onChange({ ...condition, ...patch });
  return (
    <div className="grid gap-1" role="group" aria-label={`Condition ${id}`}>
      <div className="flex flex-wrap items-start gap-2">
        <Input aria-label="Attribute" placeholder="attribute, e.g. plan" className="h-8 w-40" value={condition.attribute} disabled={disabled}
          aria-invalid={errors.attribute ? true : undefined} onChange={(e) => set({ attribute: e.target.value })} />
        <label className="flex h-8 items-center gap-1.5 text-sm">
          <input type="checkbox" checked={condition.negate ?? false} disabled={disabled} onChange={(e) => set({ negate: e.target.checked || undefined })} /> not
        </label>
        <Select aria-label="Operator" className="h-8" value={condition.operator} disabled={disabled}
          onChange={(e) => { const operator = e.target.value as FlagOperator; set({ operator, values: parseValues(text, operator, condition.values) }); }}>
          {OPERATORS.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
        </Select>
        <textarea aria-label="Values" rows={1} placeholder="values, comma-separated" value={text} disabled={disabled}
          aria-invalid={errors.values ? true : undefined}
          className="min-h-8 min-w-48 flex-1 resize-y rounded-md border bg-card px-3 py-1 text-sm aria-invalid:border-danger"
          onChange={(e) => { setText(e.target.value); set({ values: parseValues(e.target.value, condition.operator, condition.values) }); }} />
        {!disabled ? <Button type="button" variant="ghost" size="icon" aria-label="Remove condition" onClick={onRemove}><Trash2 aria-hidden /></Button> : null}
      </div>
      {[errors.attribute, errors.operator, errors.values].filter(Boolean).map((m) => <p key={m} className="text-xs text-danger">{m}</p>)}
    </div>
  );
}
