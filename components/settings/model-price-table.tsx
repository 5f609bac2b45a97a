import { Tags } from "lucide-react";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import type { ModelPriceOverride } from "@/lib/cost/overrides/schemas";
import { DeletePriceButton } from "./delete-price-button";

function Usd({ value }: { value: string | null }) {
  if (value === null) return <span className="text-muted-fg" title="Billed at the input or output rate">—</span>;
  return <span className="font-mono tabular-nums">${value}</span>;
}

/** The project's price overrides; they beat the shipped table for requests ingested from now on. */
export function ModelPriceTable({ projectId, prices, shippedCount, canDelete }: { projectId: string; prices: ModelPriceOverride[]; shippedCount: number; canDelete: boolean }) {
  if (prices.length === 0) {
    return (
      <EmptyState icon={Tags} title="No price overrides">
        Sextant ships prices for {shippedCount} models. Add an override only for a custom or fine-tuned model, or a price you negotiated.
      </EmptyState>
    );
  }
  return (
    <Table>
      <caption className="sr-only">Price overrides, USD per 1M tokens</caption>
      <THead>
        <tr>
          <Th>Model or pattern</Th>
          <Th className="text-right">Input $ / 1M</Th>
          <Th className="text-right">Cached input $ / 1M</Th>
          <Th className="text-right">Output $ / 1M</Th>
          <Th className="text-right">Reasoning $ / 1M</Th>
          {canDelete ? <Th><span className="sr-only">Actions</span></Th> : null}
        </tr>
      </THead>
      <TBody>
        {prices.map((p) => (
          <Tr key={p.id}>
            <Td><code className="font-mono text-xs">{p.modelPattern}</code></Td>
            <Td className="text-right"><Usd value={p.inputPerMTok} /></Td>
            <Td className="text-right"><Usd value={p.cachedInputPerMTok} /></Td>
            <Td className="text-right"><Usd value={p.outputPerMTok} /></Td>
            <Td className="text-right"><Usd value={p.reasoningPerMTok} /></Td>
            {canDelete ? (
              <Td className="w-0 text-right">
                <DeletePriceButton projectId={projectId} id={p.id} pattern={p.modelPattern} />
              </Td>
            ) : null}
          </Tr>
        ))}
      </TBody>
    </Table>
  );
}
