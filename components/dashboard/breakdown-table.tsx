import Link from "next/link";
import { Card, CardHeader } from "@/components/ui/card";
import type { Breakdown } from "@/lib/dashboard/overview";
import { withParams } from "@/lib/dashboard/url";
import { count, ms, pct, usd } from "@/lib/format";

/** One breakdown (by model, endpoint, …); each row opens the explorer with that filter and the current ones. */
export function BreakdownTable({ b, projectId, search }: { b: Breakdown; projectId: string; search: string }) {
  return (
    <Card>
      <CardHeader title={`By ${b.title.toLowerCase()}`} description={b.truncated ? "Top 10 by requests" : undefined} />
      {b.unavailable ? (
        <p className="px-5 py-4 text-sm text-muted-fg">{b.unavailable}</p>
      ) : b.rows.length === 0 ? (
        <p className="px-5 py-4 text-sm text-muted-fg">Nothing in this range.</p>
      ) : (
        <table className="w-full table-fixed text-sm">
          <thead>
            <tr className="text-left text-xs text-muted-fg">
              <th className="w-[40%] px-5 py-2 font-medium">{b.title}</th>
              <th className="px-2 py-2 text-right font-medium">Requests</th>
              <th className="px-2 py-2 text-right font-medium">Errors</th>
              <th className="px-2 py-2 text-right font-medium">p95</th>
              <th className="px-5 py-2 text-right font-medium">Cost</th>
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
                <td className="px-2 py-1.5 text-right tabular-nums">{count(r.requests)}</td>
                <td className="px-2 py-1.5 text-right tabular-nums">{pct(r.errorRate, 1)}</td>
                <td className="px-2 py-1.5 text-right tabular-nums">{ms(r.p95)}</td>
                <td className="px-5 py-1.5 text-right tabular-nums">{usd(r.costUsd)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Card>
  );
}
