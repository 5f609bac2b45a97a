import Link from "next/link";
import { Card, CardHeader } from "@/components/ui/card";
import type { Breakdown, BreakdownRow } from "@/lib/dashboard/overview";
import { withParams } from "@/lib/dashboard/url";
import { count, ms, pct, usdExact } from "@/lib/format";

export type Column = { label: string; value: (r: BreakdownRow) => string };

export const COLUMNS = {
  requests: { label: "Requests", value: (r) => count(r.requests) },
  errors: { label: "Errors", value: (r) => count(r.errors) },
  errorRate: { label: "Error rate", value: (r) => pct(r.errorRate, 1) },
  p50: { label: "p50", value: (r) => ms(r.p50) },
  p95: { label: "p95", value: (r) => ms(r.p95) },
  p99: { label: "p99", value: (r) => ms(r.p99) },
  ttft: { label: "TTFT avg", value: (r) => ms(r.ttft) },
  cost: { label: "Cost", value: (r) => usdExact(r.costUsd) },
  costPerRequest: { label: "Cost / request", value: (r) => usdExact(r.requests ? r.costUsd / r.requests : 0) },
} satisfies Record<string, Column>;

const DEFAULT_COLUMNS = [COLUMNS.requests, COLUMNS.errorRate, COLUMNS.p95, COLUMNS.cost];

/** One breakdown (by model, endpoint, …); each row opens the explorer with that filter and the current ones. */
export function BreakdownTable({ b, projectId, search, columns = DEFAULT_COLUMNS, note }: { b: Breakdown; projectId: string; search: string; columns?: Column[]; note?: string }) {
  return (
    <Card>
      <CardHeader title={`By ${b.title.toLowerCase()}`} description={note ?? (b.truncated ? "Largest by requests" : undefined)} />
      {b.unavailable ? (
        <p className="px-5 py-4 text-sm text-muted-fg">{b.unavailable}</p>
      ) : b.rows.length === 0 ? (
        <p className="px-5 py-4 text-sm text-muted-fg">Nothing in this range.</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full min-w-[28rem] table-fixed text-sm">
            <thead>
              <tr className="text-left text-xs text-muted-fg">
                <th className="w-[36%] px-5 py-2 font-medium">{b.title}</th>
                {columns.map((c) => <th key={c.label} className="px-2 py-2 text-right font-medium last:pr-5">{c.label}</th>)}
              </tr>
            </thead>
            <tbody>
              {b.rows.map((r) => (
                <tr key={r.key} className="border-t hover:bg-muted/60">
                  <td className="truncate px-5 py-1.5">
                    <Link className="text-primary hover:underline focus-visible:underline" href={`/p/${projectId}/requests?${withParams(search, r.filter).toString()}`} title={`Open ${r.key} in the explorer`}>
                      {r.key}
                    </Link>
                  </td>
                  {columns.map((c) => <td key={c.label} className="px-2 py-1.5 text-right tabular-nums last:pr-5">{c.value(r)}</td>)}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Card>
  );
}
