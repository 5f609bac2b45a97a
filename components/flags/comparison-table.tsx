import { Badge } from "@/components/ui/badge";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { count, ms, pct, usdExact } from "@/lib/format";
import type { Interval, Verdict } from "@/lib/flags/stats";
import type { Cell, Comparison, Unit } from "./comparison";

function value(v: number | null, unit: Unit): string {
  if (v === null) return "—";
  if (unit === "count") return count(v);
  if (unit === "ratio") return pct(v, 2);
  if (unit === "ms") return ms(v);
  if (unit === "usd") return usdExact(v);
  return v.toFixed(3);
}

function signed(v: number, unit: Unit): string {
  const sign = v > 0 ? "+" : v < 0 ? "−" : "±";
  const a = Math.abs(v);
  if (unit === "ratio") return `${sign}${(a * 100).toFixed(2)} points`;
  if (unit === "ms") return `${sign}${ms(a)}`;
  if (unit === "usd") return `${sign}${usdExact(a)}`;
  return `${sign}${a.toFixed(3)}`;
}

const interval = (i: Interval | null, unit: Unit) => (i ? `${value(i.low, unit)} – ${value(i.high, unit)}` : null);
const p = (x: number) => (x < 0.001 ? "p < 0.001" : `p = ${x.toFixed(3)}`);

/** The plain sentence under a challenger's number. */
export function verdictText(v: Verdict, unit: Unit): string {
  if (v.kind === "insufficient") return `Not enough data yet: ${v.reason}.`;
  const diff = `${signed(v.test.difference, unit)} (95 % CI ${signed(v.test.interval.low, unit)} to ${signed(v.test.interval.high, unit)}), ${p(v.test.pValue)}`;
  return v.kind === "significant" ? `Difference is significant: ${diff}.` : `Difference is not significant yet: ${diff}.`;
}

function CellView({ cell, unit, baseline }: { cell: Cell | undefined; unit: Unit; baseline: boolean }) {
  if (!cell) return <span className="text-muted-fg">—</span>;
  const ci = interval(cell.interval, unit);
  return (
    <div className="grid gap-1">
      <span className="text-base font-medium tabular-nums">{value(cell.value, unit)}</span>
      {ci ? <span className="text-xs tabular-nums text-muted-fg">95 % CI {ci}</span> : null}
      {unit !== "count" && cell.n > 0 && cell.interval ? <span className="text-xs text-muted-fg">n = {count(cell.n)}</span> : null}
      {baseline ? null : cell.verdict ? (
        <span className="flex items-start gap-1.5 text-xs">
          <Badge tone={cell.verdict.kind === "significant" ? "info" : "neutral"} className="shrink-0">{cell.verdict.kind === "significant" ? "significant" : cell.verdict.kind === "insufficient" ? "too early" : "not significant"}</Badge>
          <span>{verdictText(cell.verdict, unit)}</span>
        </span>
      ) : null}
    </div>
  );
}

/** Metrics as rows, variants as columns; each challenger is compared with the baseline. */
export function ComparisonTable({ comparison }: { comparison: Comparison }) {
  const { variants, baseline } = comparison;
  return (
    <Table aria-label="Variant comparison">
      <THead>
        <tr>
          <Th>Metric</Th>
          {variants.map((v) => <Th key={v} className="min-w-56 normal-case">{v}{v === baseline ? <span className="ml-2 font-normal text-muted-fg">(baseline)</span> : null}</Th>)}
        </tr>
      </THead>
      <TBody>
        {comparison.rows.map((row) => (
          <Tr key={row.id}>
            <Td className="align-top">
              <span className="font-medium">{row.label}</span>
              {row.test ? <span className="block text-xs text-muted-fg">{row.test}</span> : row.id === "p95" ? <span className="block text-xs text-muted-fg">not tested; see mean latency</span> : null}
            </Td>
            {variants.map((v) => <Td key={v} className="align-top"><CellView cell={row.cells[v]} unit={row.unit} baseline={v === baseline} /></Td>)}
          </Tr>
        ))}
      </TBody>
    </Table>
  );
}
