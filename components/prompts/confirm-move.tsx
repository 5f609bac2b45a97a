"use client";

import { useState } from "react";
import { moveLabelAction, rollbackLabelAction } from "@/app/(console)/p/[projectId]/prompts/actions";
import { ErrorAlert } from "@/components/ui/alert";
import { Button, type ButtonProps } from "@/components/ui/button";
import { Dialog, DialogContent, DialogTrigger } from "@/components/ui/dialog";
import { useAction } from "@/components/ui/use-action";

type Props = {
  projectId: string;
  name: string;
  label: string;
  /** Where the label is now (null: nowhere yet) and where it will point. */
  from: number | null;
  to: number;
  /** Rollback moves the label back to where it pointed before its last move. */
  rollback?: boolean;
  trigger: string;
  variant?: ButtonProps["variant"];
};

/** Moving a label is deploying, so it asks first and says exactly what will change. */
export function ConfirmMove({ projectId, name, label, from, to, rollback, trigger, variant = "secondary" }: Props) {
  const [open, setOpen] = useState(false);
  const { error, pending, run, reset } = useAction();
  const title = rollback ? `Roll back ${label}?` : `Move ${label} to v${to}?`;
  async function confirm() {
    const done = await run(() => (rollback ? rollbackLabelAction(projectId, name, label) : moveLabelAction(projectId, name, label, to)));
    if (done) setOpen(false);
  }
  return (
    <Dialog open={open} onOpenChange={(o) => (setOpen(o), reset())}>
      <DialogTrigger asChild>
        <Button variant={variant} size="sm">{trigger}</Button>
      </DialogTrigger>
      <DialogContent title={title} description={`${name}: ${label} ${from ? `moves from v${from}` : "will point"} to v${to}. Clients fetching "${label}" get v${to} once their cache refreshes.`}>
        {error ? <ErrorAlert>{error}</ErrorAlert> : null}
        <div className="flex justify-end gap-2">
          <Button type="button" variant="secondary" onClick={() => setOpen(false)}>Cancel</Button>
          <Button type="button" variant={label === "production" ? "danger" : "primary"} onClick={confirm} disabled={pending}>
            {pending ? "Moving…" : rollback ? `Roll back to v${to}` : `Move ${label} to v${to}`}
          </Button>
        </div>
      </DialogContent>
    </Dialog>
  );
}
