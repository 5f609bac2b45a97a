import { pct } from "@/lib/format";

/** How much of a queue is done, as a bar with its numbers beside it (never colour alone). */
export function ProgressBar({ done, total, label }: { done: number; total: number; label: string }) {
  const ratio = total ? done / total : 0;
  return (
    <div className="flex min-w-40 items-center gap-2">
      <div role="progressbar" aria-label={label} aria-valuemin={0} aria-valuemax={total} aria-valuenow={done} className="h-2 flex-1 overflow-hidden rounded-full bg-muted">
        <div className="h-full rounded-full bg-primary" style={{ width: `${Math.round(ratio * 100)}%` }} />
      </div>
      <span className="whitespace-nowrap text-xs tabular-nums text-muted-fg">{total ? pct(ratio, 0) : "—"}</span>
    </div>
  );
}
