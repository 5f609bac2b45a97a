"use client";

import { createModelPriceAction } from "@/app/actions/model-prices";
import { ErrorAlert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Field } from "@/components/ui/label";
import { useAction } from "@/components/ui/use-action";

const PRICE_FIELDS = [
  { name: "inputPerMTok", label: "Input $ per 1M tokens", optional: false, hint: "USD, e.g. 2.50" },
  { name: "outputPerMTok", label: "Output $ per 1M tokens", optional: false, hint: "USD, e.g. 10" },
  { name: "cachedInputPerMTok", label: "Cached input $ per 1M tokens", optional: true, hint: "Optional; blank bills the input rate" },
  { name: "reasoningPerMTok", label: "Reasoning $ per 1M tokens", optional: true, hint: "Optional; blank bills the output rate" },
] as const;

export function AddPriceForm({ projectId }: { projectId: string }) {
  const { error, pending, run } = useAction();
  async function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = e.currentTarget;
    const data = new FormData(form);
    const text = (name: string) => String(data.get(name) ?? "").trim();
    // Prices travel as the decimal strings typed, never as floats; a blank optional rate is left out.
    const optional = (name: string) => text(name) || undefined;
    const created = await run(() => createModelPriceAction(projectId, {
      modelPattern: text("modelPattern"),
      inputPerMTok: text("inputPerMTok"),
      outputPerMTok: text("outputPerMTok"),
      cachedInputPerMTok: optional("cachedInputPerMTok"),
      reasoningPerMTok: optional("reasoningPerMTok"),
    }));
    if (created) form.reset();
  }
  return (
    <form onSubmit={onSubmit} className="grid gap-4" noValidate aria-label="Add a model price">
      {error ? <ErrorAlert>{error}</ErrorAlert> : null}
      <div className="max-w-md">
        <Field id="price-model" label="Model or pattern" hint="An exact model id, or a glob like my-model-*">
          <Input id="price-model" name="modelPattern" required maxLength={200} className="font-mono" aria-describedby="price-model-hint" />
        </Field>
      </div>
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        {PRICE_FIELDS.map((f) => (
          <Field key={f.name} id={`price-${f.name}`} label={f.label} hint={f.hint}>
            <div className="relative">
              <span aria-hidden className="pointer-events-none absolute inset-y-0 left-3 flex items-center text-sm text-muted-fg">$</span>
              <Input
                id={`price-${f.name}`}
                name={f.name}
                inputMode="decimal"
                required={!f.optional}
                placeholder="0.00"
                className="pl-6 font-mono tabular-nums"
                aria-describedby={`price-${f.name}-hint`}
              />
            </div>
          </Field>
        ))}
      </div>
      <div>
        <Button type="submit" disabled={pending}>{pending ? "Adding…" : "Add price"}</Button>
      </div>
    </form>
  );
}
