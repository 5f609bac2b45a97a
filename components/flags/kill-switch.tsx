"use client";

import { Power, PowerOff } from "lucide-react";
import { useState } from "react";
import { toggleFlagAction } from "@/app/(console)/p/[projectId]/flags/actions";
import { ErrorAlert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogTrigger } from "@/components/ui/dialog";
import { useAction } from "@/components/ui/use-action";

type Props = { projectId: string; flagKey: string; environment: string; enabled: boolean; offVariant: string; offValue: string; canWrite: boolean };

/**
 * The kill switch of one environment: large, red when it kills, and confirmed, because it
 * changes what every user gets within seconds (SDKs pick it up on their next refresh).
 */
export function KillSwitch({ projectId, flagKey, environment, enabled, offVariant, offValue, canWrite }: Props) {
  const [open, setOpen] = useState(false);
  const { error, pending, run, reset } = useAction();
  const verb = enabled ? `Kill ${environment}` : `Turn ${environment} back on`;
  async function confirm() {
    if (await run(() => toggleFlagAction(projectId, flagKey, environment, !enabled))) setOpen(false);
  }
  return (
    <div className="flex flex-wrap items-center justify-between gap-4 px-5 py-4" data-testid={`kill-switch-${environment}`}>
      <div className="min-w-0">
        <div className="flex items-center gap-2">
          <span className="text-base font-semibold">{environment}</span>
          {enabled ? <Badge tone="success">on</Badge> : <Badge tone="danger">killed</Badge>}
        </div>
        <p className="mt-0.5 text-sm text-muted-fg">
          {enabled ? "Rules decide what each user gets." : <>Everyone gets <strong className="font-medium text-fg">{offVariant}</strong> (<code className="font-mono text-xs">{offValue}</code>); rules are skipped.</>}
        </p>
      </div>
      <Dialog open={open} onOpenChange={(o) => (setOpen(o), reset())}>
        <DialogTrigger asChild>
          <Button variant={enabled ? "danger" : "primary"} className="h-11 min-w-44 px-5 text-base" disabled={!canWrite} title={canWrite ? undefined : "Only members, admins and owners can flip the kill switch."}>
            {enabled ? <PowerOff aria-hidden /> : <Power aria-hidden />} {verb}
          </Button>
        </DialogTrigger>
        <DialogContent
          title={enabled ? `Kill ${flagKey} in ${environment}?` : `Turn ${flagKey} back on in ${environment}?`}
          description={enabled
            ? `Every user in ${environment} gets "${offVariant}" (${offValue}), whatever the rules say. SDKs apply it on their next refresh (instantly with streaming, else within their poll interval).`
            : `The rules of ${environment} decide again what each user gets.`}
        >
          {error ? <ErrorAlert>{error}</ErrorAlert> : null}
          <div className="flex justify-end gap-2">
            <Button type="button" variant="secondary" onClick={() => setOpen(false)}>Cancel</Button>
            <Button type="button" variant={enabled ? "danger" : "primary"} onClick={confirm} disabled={pending}>
              {pending ? "Saving…" : enabled ? `Yes, kill ${environment}` : `Yes, turn ${environment} on`}
            </Button>
          </div>
        </DialogContent>
      </Dialog>
    </div>
  );
}
