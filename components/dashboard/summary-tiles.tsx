import { Card } from "@/components/ui/card";
import type { MetricsGroup } from "@/lib/metrics/query-shape";

function Tile({ label, value, hint }: { label: string; value: string; hint?: string }) {
  return (
    <Card className="px-5 py-4">
      <p className="text-xs font-medium uppercase tracking-wide text-muted-fg">{label}</p>
      <p className="mt-1 text-2xl font-semibold tabular-nums">{value}</p>
      {hint ? <p className="mt-0.5 text-xs text-muted-fg">{hint}</p> : null}
    </Card>
  );
}

const count = (n: number) => n.toLocaleString("en-US");
const ms = (n: number | null) => (n === null ? "—" : n >= 1000 ? `${(n / 1000).toFixed(2)} s` : `${Math.round(n)} ms`);
const usd = (n: number) => (n > 0 && n < 0.01 ? `$${n.toFixed(6)}` : `$${n.toFixed(2)}`);

/** The last 24 hours at a glance, from the rollups, until the full dashboards arrive. */
export function SummaryTiles({ all }: { all: MetricsGroup }) {
  return (
    <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
      <Tile label="Requests · 24 h" value={count(all.requests)} hint={`${count(all.errors)} ${all.errors === 1 ? "error" : "errors"}`} />
      <Tile label="Error rate · 24 h" value={`${(all.errorRate * 100).toFixed(2)} %`} />
      <Tile label="p95 latency · 24 h" value={ms(all.latencyMs.p95)} hint={`p50 ${ms(all.latencyMs.p50)} · p99 ${ms(all.latencyMs.p99)}`} />
      <Tile label="Cost · 24 h" value={usd(all.costUsd)} hint={all.unpriced ? `${count(all.unpriced)} unpriced requests` : "every request priced"} />
    </div>
  );
}
