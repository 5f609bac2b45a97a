"use client";

import { updateSettingsAction } from "@/app/actions/settings";
import { ErrorAlert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Field } from "@/components/ui/label";
import { useAction } from "@/components/ui/use-action";

const HINT = "Raw requests and their bodies older than this are deleted; the per-minute rollups (counts, cost, latency) are kept.";

export function RetentionForm({ projectId, retentionDays, disabled }: { projectId: string; retentionDays: number; disabled: boolean }) {
  const { error, pending, saved, run } = useAction();
  async function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    // An empty or non-numeric field goes to the server as NaN and comes back with its message.
    const days = Number(new FormData(e.currentTarget).get("retentionDays") || Number.NaN);
    await run(() => updateSettingsAction(projectId, { retentionDays: days }));
  }
  return (
    <form onSubmit={onSubmit} className="grid max-w-md gap-4" noValidate>
      {error ? <ErrorAlert>{error}</ErrorAlert> : null}
      <Field id="retention-days" label="Retention (days)" hint={disabled ? `${HINT} Only owners and admins can change it.` : HINT}>
        <div className="flex items-center gap-2">
          <Input
            id="retention-days"
            name="retentionDays"
            type="number"
            inputMode="numeric"
            min={1}
            max={3650}
            step={1}
            defaultValue={retentionDays}
            disabled={disabled}
            aria-describedby="retention-days-hint"
            aria-invalid={error ? true : undefined}
            className="w-32"
            required
          />
          <span className="text-sm text-muted-fg">days (1–3650)</span>
        </div>
      </Field>
      {!disabled ? (
        <div className="flex items-center gap-3">
          <Button type="submit" disabled={pending}>{pending ? "Saving…" : "Save"}</Button>
          {saved ? <span role="status" className="text-sm text-success">Saved.</span> : null}
        </div>
      ) : null}
    </form>
  );
}
