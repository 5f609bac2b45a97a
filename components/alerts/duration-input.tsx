"use client";

import { useState } from "react";
import { Input, Select } from "@/components/ui/input";

const UNITS = [
  { s: 86_400, label: "days" },
  { s: 3600, label: "hours" },
  { s: 60, label: "minutes" },
  { s: 1, label: "seconds" },
];

const unitFor = (seconds: number) => UNITS.find((u) => seconds > 0 && seconds % u.s === 0)?.s ?? 60;

/** A duration typed as a number and a unit; the form keeps seconds. */
export function DurationInput({ id, name, seconds, onChange, invalid, describedBy }: { id: string; name: string; seconds: number; onChange: (s: number) => void; invalid?: boolean; describedBy?: string }) {
  const [unit, setUnit] = useState(() => unitFor(seconds));
  const [text, setText] = useState(() => String(seconds / unitFor(seconds)));
  const emit = (t: string, u: number) => onChange(t.trim() === "" ? Number.NaN : Math.round(Number(t) * u));
  return (
    <div className="flex gap-2">
      <Input id={id} inputMode="decimal" value={text} className="w-28" aria-invalid={invalid || undefined} aria-describedby={describedBy} onChange={(e) => (setText(e.target.value), emit(e.target.value, unit))} />
      <Select aria-label={`${name} unit`} value={unit} onChange={(e) => { const u = Number(e.target.value); setUnit(u); emit(text, u); }}>
        {UNITS.map((u) => <option key={u.s} value={u.s}>{u.label}</option>)}
      </Select>
    </div>
  );
}
