"use client";

import type { FlagType } from "@sextant/sdk";
import { useState } from "react";
import { saveVariantsAction } from "@/app/(console)/p/[projectId]/flags/actions";
import { Button } from "@/components/ui/button";
import { ActionError } from "./action-error";
import { newUid } from "./uid";
import { issueAt, useFieldAction } from "@/components/ui/use-field-action";
import { toVariants, valueText, VariantRows, type VariantRow } from "./variant-rows";

type Props = { projectId: string; flagKey: string; version: number; type: FlagType; variants: Record<string, unknown>; canWrite: boolean };

/** The flag's variants: rename, revalue, add or remove; rules still pointing at a removed name are refused with their paths. */
export function VariantsEditor({ projectId, flagKey, version, type, variants, canWrite }: Props) {
  const [rows, setRows] = useState<VariantRow[]>(() => Object.entries(variants).map(([name, v]) => ({ uid: newUid(), name, text: valueText(v) })));
  const [local, setLocal] = useState<string | null>(null);
  const { error, issues, pending, saved, run } = useFieldAction();

  async function save(e: React.FormEvent) {
    e.preventDefault();
    const parsed = toVariants(type, rows);
    setLocal(parsed.error ?? null);
    if (parsed.variants) await run(() => saveVariantsAction(projectId, flagKey, { type, variants: parsed.variants! }, version));
  }
  return (
    <form onSubmit={save} className="grid gap-3" aria-label="Variants" noValidate>
      <ActionError error={local ?? error} issues={local ? [] : issues} />
      <VariantRows type={type} rows={rows} onChange={setRows} newId={newUid} disabled={!canWrite} errorOf={(name) => issueAt(issues, `variants.${name}`)} />
      {canWrite ? (
        <div className="flex items-center gap-3">
          <Button type="submit" variant="secondary" disabled={pending}>{pending ? "Saving…" : "Save variants"}</Button>
          {saved ? <span className="text-sm text-success" role="status">Saved.</span> : null}
        </div>
      ) : null}
    </form>
  );
}
