import { BarChart3 } from "lucide-react";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { count, ms, pct, usd } from "@/lib/format";
import type { VersionMetrics } from "@/lib/prompts/metrics";
import { LabelBadges } from "./label-badges";

function avgScore(scores: VersionMetrics["scores"]): string {
  const all = Object.values(scores);
  const n = all.reduce((s, x) => s + x.count, 0);
  return n ? `${(all.reduce((s, x) => s + x.avg * x.count, 0) / n).toFixed(2)} (${count(n)})` : "—";
}

/** Requests, error rate, p95, cost per request and average score per version. */
export function MetricsTable({ rows, labelsOf, caption }: { rows: VersionMetrics[]; labelsOf?: (v: number) => string[]; caption: string }) {
  if (rows.length === 0) {
    return (
      <EmptyState icon={BarChart3} title="No requests with this prompt in the range">
        Requests made with <code className="font-mono">prompt.compile()</code> through the wrapped clients carry their version automatically; otherwise send{" "}
        <code className="font-mono">prompt: {"{name, version}"}</code> with each request.
      </EmptyState>
    );
  }
  return (
    <Table aria-label={caption}>
      <THead>
        <tr><Th>Version</Th><Th className="text-right">Requests</Th><Th className="text-right">Error rate</Th><Th className="text-right">p95 latency</Th><Th className="text-right">Cost / request</Th><Th className="text-right">Avg score</Th></tr>
      </THead>
      <TBody>
        {rows.map((r) => (
          <Tr key={r.version}>
            <Td><span className="flex items-center gap-2 font-medium tabular-nums">v{r.version} {labelsOf && labelsOf(r.version).some((l) => l !== "latest") ? <LabelBadges labels={labelsOf(r.version).filter((l) => l !== "latest")} /> : null}</span></Td>
            <Td className="text-right tabular-nums">{count(r.requests)}</Td>
            <Td className="text-right tabular-nums">{pct(r.errorRate, 1)}</Td>
            <Td className="text-right tabular-nums">{ms(r.p95Ms)}</Td>
            <Td className="text-right tabular-nums">{r.costPerRequestUsd === null ? "—" : usd(r.costPerRequestUsd)}</Td>
            <Td className="text-right tabular-nums">{avgScore(r.scores)}</Td>
          </Tr>
        ))}
      </TBody>
    </Table>
  );
}
