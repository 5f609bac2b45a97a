"use client";

import { Pencil, Trash2 } from "lucide-react";
import { useState } from "react";
import { deleteBudgetAction } from "@/app/(console)/p/[projectId]/settings/budgets/actions";
import { ErrorAlert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogTrigger } from "@/components/ui/dialog";
import { useAction } from "@/components/ui/use-action";
import type { BudgetSpec } from "@/lib/budgets/schemas";
import { BudgetForm } from "./budget-form";

type Props = { projectId: string; budget: BudgetSpec & { id: string }; channels: { id: string; name: string }[] };

/** Edit and delete for one budget row. */
export function BudgetRowActions({ projectId, budget, channels }: Props) {
  return (
    <div className="flex justify-end gap-2">
      <EditBudget projectId={projectId} budget={budget} channels={channels} />
      <DeleteBudget projectId={projectId} id={budget.id} name={budget.name} />
    </div>
  );
}

/** Edits in place; SDKs receive the change with their next flag configuration. */
function EditBudget({ projectId, budget, channels }: Props) {
  const [open, setOpen] = useState(false);
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild><Button size="sm" variant="secondary" aria-label={`Edit ${budget.name}`}><Pencil aria-hidden /></Button></DialogTrigger>
      <DialogContent title={`Edit ${budget.name}`} description="SDKs enforce the change from their next flag configuration; the spend so far is kept." className="max-w-3xl">
        {/* Mounted per opening, so the form starts from the stored budget each time. */}
        {open ? <BudgetForm projectId={projectId} channels={channels} budget={budget} onSaved={() => setOpen(false)} /> : null}
      </DialogContent>
    </Dialog>
  );
}

/** Deleting asks first: SDKs stop enforcing the budget at their next delivery, and its alert rule goes. */
function DeleteBudget({ projectId, id, name }: { projectId: string; id: string; name: string }) {
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
