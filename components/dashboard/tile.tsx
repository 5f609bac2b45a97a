import { ArrowDownRight, ArrowUpRight, Minus } from "lucide-react";
import { Card } from "@/components/ui/card";
import { isImprovement, type Change } from "@/lib/dashboard/prepare";
import { cn } from "@/lib/utils";

/** A number with its label, unit, and the change from the previous period (green when it is good news). */
export function Tile({ label, value, hint, change, measure, testId }: {
  label: string;
  value: string;
  hint?: string;
  change?: Change;
  measure?: Parameters<typeof isImprovement>[0];
  testId?: string;
}) {
  const good = change && measure ? isImprovement(measure, change) : null;
  const Icon = change?.direction === "up" ? ArrowUpRight : change?.direction === "down" ? ArrowDownRight : Minus;
  const text =
    !change || change.direction === "none" ? "no earlier data" : change.direction === "new" ? "new in this period" : change.direction === "flat" ? "no change" : `${change.ratio! > 0 ? "+" : ""}${(change.ratio! * 100).toFixed(1)} %`;
  return (
    <Card className="px-5 py-4" data-testid={testId}>
      <p className="text-xs font-medium uppercase tracking-wide text-muted-fg">{label}</p>
      <p className="mt-1 text-2xl font-semibold tabular-nums" data-testid={testId ? `${testId}-value` : undefined}>{value}</p>
      <div className="mt-0.5 flex flex-wrap items-center gap-x-2 text-xs text-muted-fg">
        {change ? (
          <span className={cn("inline-flex items-center gap-0.5 tabular-nums", good === true && "text-success", good === false && "text-danger")}>
            <Icon className="size-3" aria-hidden />
            {text}
          </span>
        ) : null}
        {hint ? <span>{hint}</span> : null}
      </div>
    </Card>
  );
}
