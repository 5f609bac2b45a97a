"use client";

import { X } from "lucide-react";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Field } from "@/components/ui/label";
import type { CustomPattern } from "@/lib/settings/schemas";

/** The project's own patterns, edited locally; the redaction form saves the whole list at once. */
export function CustomPatternList({ patterns, onChange, disabled }: { patterns: CustomPattern[]; onChange: (next: CustomPattern[]) => void; disabled: boolean }) {
  const [name, setName] = useState("");
  const [pattern, setPattern] = useState("");
  function add() {
    if (!name.trim() || !pattern) return;
    onChange([...patterns, { name: name.trim(), pattern }]);
    setName("");
    setPattern("");
  }
  return (
    <fieldset className="grid gap-3">
      <legend className="text-sm font-medium">Custom patterns</legend>
      {patterns.length === 0 ? (
        <p className="text-sm text-muted-fg">No custom patterns. Add one for identifiers of your own, such as order or customer ids.</p>
      ) : (
        <ul aria-label="Custom patterns" className="divide-y rounded-md border">
          {patterns.map((p, i) => (
            <li key={`${p.name}-${i}`} className="flex items-center gap-3 px-3 py-2 text-sm">
              <span className="font-medium">{p.name}</span>
              <code className="min-w-0 flex-1 truncate rounded bg-muted px-1.5 py-0.5 font-mono text-xs">{p.pattern}</code>
              <span className="hidden font-mono text-xs text-muted-fg sm:inline">→ [{p.name.toUpperCase()}]</span>
              {!disabled ? (
                <Button type="button" variant="ghost" size="icon" aria-label={`Remove pattern ${p.name}`} onClick={() => onChange(patterns.filter((_, j) => j !== i))}>
                  <X aria-hidden />
                </Button>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {!disabled ? (
        <div className="grid items-start gap-3 sm:grid-cols-[minmax(0,16rem)_minmax(0,1fr)_auto]">
          <Field id="pattern-name" label="Pattern name" hint="e.g. order_id, stored as [ORDER_ID]">
            <Input id="pattern-name" value={name} onChange={(e) => setName(e.target.value)} maxLength={40} aria-describedby="pattern-name-hint" />
          </Field>
          <Field id="pattern-regex" label="Regular expression" hint="JavaScript syntax, e.g. ORD-\d{8}">
            <Input id="pattern-regex" value={pattern} onChange={(e) => setPattern(e.target.value)} maxLength={300} className="font-mono" aria-describedby="pattern-regex-hint" />
          </Field>
          {/* An empty label-high line keeps the button level with the inputs, above their hints. */}
          <div className="grid gap-1.5">
            <span aria-hidden className="hidden text-sm sm:block">&nbsp;</span>
            <Button type="button" variant="secondary" onClick={add} disabled={!name.trim() || !pattern}>Add pattern</Button>
          </div>
        </div>
      ) : null}
    </fieldset>
  );
}
