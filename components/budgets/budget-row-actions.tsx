"use client";

import { Trash2 } from "lucide-react";
import { useState } from "react";
import { deleteBudgetAction } from "@/app/(console)/p/[projectId]/settings/budgets/actions";
import { ErrorAlert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogTrigger } from "@/components/ui/dialog";
import { useAction } from "@/components/ui/use-action";

/** Deleting asks first: SDKs stop enforcing the budget at their next delivery, and its alert rule goes. */
export function BudgetRowActions({ projectId, id, name }: { projectId: string; id: string; name: string }) {
  const remove = useAction();
  const [open, setOpen] = useState(false);
  return (
    <Dialog open={open} onOpenChange={(o) => (setOpen(o), remove.reset())}>
      <DialogTrigger asChild><Button size="sm" variant="secondary" aria-label={`Delete ${name}`}><Trash2 aria-hidden /></Button></DialogTrigger>
      <DialogContent title={`Delete ${name}?`} description="SDKs stop enforcing it with their next flag configuration; a soft budget's alert rule is deleted with it (open alerts resolve).">
        {remove.error ? <ErrorAlert>{remove.error}</ErrorAlert> : null}
        <div className="flex justify-end gap-2">
          <Button type="button" variant="secondary" onClick={() => setOpen(false)}>Cancel</Button>
          <Button type="button" variant="danger" disabled={remove.pending} onClick={async () => { if (await remove.run(() => deleteBudgetAction(projectId, id))) setOpen(false); }}>{remove.pending ? "Deleting…" : "Delete budget"}</Button>
        </div>
      </DialogContent>
    </Dialog>
  );
}
