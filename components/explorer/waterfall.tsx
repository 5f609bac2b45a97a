import { CircleAlert } from "lucide-react";
import Link from "next/link";
import { Card, CardHeader } from "@/components/ui/card";
import { count, ms } from "@/lib/format";
import type { RequestItem } from "@/lib/requests/item";
import type { Trace } from "@/lib/requests/trace";
import { layoutWaterfall } from "@/lib/requests/waterfall";
import { cn } from "@/lib/utils";
import { usdExact } from "@/lib/format";

/** Rows drawn at most; a trace can hold 5,000 spans, a page should not. */
const MAX_ROWS = 1_000;
const TICKS = [0, 25, 50, 75, 100];

type Span = RequestItem & { startMs: number; endMs: number };

/** The trace as a waterfall: spans as a tree, bars placed on the trace's own time axis. */
export function TraceWaterfall({ trace, currentId, projectId }: { trace: Trace; currentId: string; projectId: string }) {
  const spans: Span[] = trace.spans.map((s) => ({ ...s, startMs: Date.parse(s.startTime), endMs: Date.parse(s.endTime) }));
  const { rows, totalMs } = layoutWaterfall(spans);
  const shown = rows.slice(0, MAX_ROWS);
  const t = trace.totals;
  const summary = [
    `${count(t.spans)} ${t.spans === 1 ? "span" : "spans"}`,
    ms(t.durationMs),
    `${usdExact(t.costUsd)}${t.unpriced ? ` + ${t.unpriced} unpriced` : ""}`,
    `${count(t.inputTokens)} / ${count(t.outputTokens)} tok`,
    `${count(t.errors)} ${t.errors === 1 ? "error" : "errors"}`,
  ].join(" · ");
  return (
    <Card>
      <CardHeader
        title="Trace"
        description={<><code className="font-mono text-xs">{trace.traceId}</code> · {summary}{trace.truncated ? " · only the first 5,000 spans were read" : ""}</>}
      />
      <div className="overflow-x-auto px-5 py-4">
        <div className="min-w-[40rem]">
          <div aria-hidden className="grid grid-cols-[16rem_1fr_5rem] gap-3 pb-1 text-[11px] text-muted-fg">
            <span>Span</span>
            <div className="relative h-4">
              {TICKS.map((p) => (
                <span key={p} className={cn("absolute whitespace-nowrap tabular-nums", p === 100 ? "-translate-x-full" : p > 0 && "-translate-x-1/2")} style={{ left: `${p}%` }}>
                  {p === 0 ? "0 ms" : ms((totalMs * p) / 100)}
                </span>
              ))}
            </div>
            <span className="text-right">Duration</span>
          </div>
          <ol aria-label="Trace waterfall" className="grid gap-px">
            {shown.map((r) => {
              const current = r.span.id === currentId;
              const error = r.span.status === "error";
              const label = r.span.name ?? r.span.model ?? r.span.id;
              return (
                <li
                  key={r.span.id}
                  data-testid="waterfall-row"
                  aria-current={current ? "true" : undefined}
                  className={cn("grid grid-cols-[16rem_1fr_5rem] items-center gap-3 rounded-sm py-1 text-sm", current ? "bg-primary/10 ring-1 ring-primary/40" : "hover:bg-muted/60")}
                >
                  <div className="flex min-w-0 items-center gap-1.5" style={{ paddingLeft: `${Math.min(r.depth, 12) * 0.875}rem` }}>
                    {error ? <CircleAlert aria-label="error" className="size-3.5 shrink-0 text-danger" /> : null}
                    <Link
                      href={`/p/${projectId}/requests/${encodeURIComponent(r.span.id)}`}
                      className={cn("truncate hover:underline focus-visible:underline", current ? "font-semibold text-fg" : "text-primary")}
                      title={`${label} (${r.span.kind}), starts at +${ms(r.offsetMs)}`}
                    >
                      {label}
                    </Link>
                    <span className="shrink-0 text-xs text-muted-fg">{r.span.kind}</span>
                  </div>
                  <div className="relative h-4 rounded-sm bg-muted/60">
                    <div
                      className={cn("absolute inset-y-0 rounded-sm", error ? "bg-danger" : current ? "bg-primary" : "bg-primary/60")}
                      style={{ left: `min(${r.offsetPct}%, calc(100% - 2px))`, width: `max(${r.widthPct}%, 2px)` }}
                    />
                  </div>
                  <span className="text-right text-xs tabular-nums">
                    {ms(r.durationMs)}
                    <span className="sr-only">, starts at +{ms(r.offsetMs)}{error ? ", failed" : ""}</span>
                  </span>
                </li>
              );
            })}
          </ol>
          {rows.length > shown.length ? <p className="pt-2 text-xs text-muted-fg">{count(rows.length - shown.length)} more spans are not drawn.</p> : null}
        </div>
      </div>
    </Card>
  );
}
