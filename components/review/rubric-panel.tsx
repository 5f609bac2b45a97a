"use client";

import { Input } from "@/components/ui/input";
import type { RubricItem } from "@/lib/review/schemas";
import { cn } from "@/lib/utils";
import { keyHint, takesKeys, type Answer, type Answers } from "./answers";

const CHOICE = "min-w-9 rounded-md border px-2.5 py-1 text-sm tabular-nums hover:bg-muted aria-pressed:border-primary aria-pressed:bg-primary aria-pressed:text-primary-fg";

function choices(line: RubricItem): { value: Answer; label: string }[] {
  if (line.type === "boolean") return [{ value: true, label: "yes" }, { value: false, label: "no" }];
  if (line.type === "categorical") return line.options!.map((o) => ({ value: o, label: o }));
  return Array.from({ length: line.max! - line.min! + 1 }, (_, i) => ({ value: line.min! + i, label: String(line.min! + i) }));
}

/** The rubric beside the item: the highlighted line takes the number keys; the rest can be clicked too. */
export function RubricPanel({ rubric, answers, active, onAnswer, onActivate }: {
  rubric: RubricItem[];
  answers: Answers;
  active: number;
  onAnswer: (name: string, value: Answer | undefined) => void;
  onActivate: (i: number) => void;
}) {
  return (
    <ol className="grid gap-2" aria-label="Rubric">
      {rubric.map((line, i) => {
        const value = answers[line.name];
        return (
          <li
            key={line.name}
            role="group"
            aria-label={line.name}
            aria-current={i === active ? "step" : undefined}
            onClick={() => onActivate(i)}
            className={cn("grid gap-1.5 rounded-md border p-3", i === active && "border-primary ring-2 ring-primary/30")}
          >
            <div className="flex flex-wrap items-baseline justify-between gap-2">
              <span className="text-sm font-medium">{line.name}{line.type === "text" ? <span className="font-normal text-muted-fg"> (optional)</span> : null}</span>
              <span className="text-xs text-muted-fg">{keyHint(line)}</span>
            </div>
            {line.description ? <p className="text-xs text-muted-fg">{line.description}</p> : null}
            {takesKeys(line) ? (
              <div className="flex flex-wrap gap-1.5">
                {choices(line).map((c) => (
                  <button key={String(c.value)} type="button" tabIndex={-1} aria-pressed={value === c.value} className={CHOICE} onClick={() => onAnswer(line.name, c.value)}>
                    {c.label}
                  </button>
                ))}
              </div>
            ) : line.type === "text" ? (
              <textarea id={`answer-${line.name}`} aria-label={`${line.name} answer`} className="min-h-16 w-full rounded-md border bg-card px-2 py-1.5 text-sm" value={typeof value === "string" ? value : ""} onChange={(e) => onAnswer(line.name, e.target.value)} onFocus={() => onActivate(i)} />
            ) : (
              <Input id={`answer-${line.name}`} aria-label={`${line.name} answer`} inputMode="decimal" className="w-32" value={value === undefined ? "" : String(value)} onFocus={() => onActivate(i)} onChange={(e) => onAnswer(line.name, e.target.value)} />
            )}
          </li>
        );
      })}
    </ol>
  );
}
