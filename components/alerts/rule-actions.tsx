"use client";

import { Pause, Play, Trash2 } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { deleteRuleAction, updateRuleAction } from "@/app/(console)/p/[projectId]/alerts/actions";
import { ErrorAlert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogTrigger } from "@/components/ui/dialog";
import { useAction } from "@/components/ui/use-action";

/** Pausing resolves open alerts (with their resolved notification); deleting asks first. */
export function RuleActions({ projectId, ruleId, name, enabled }: { projectId: string; ruleId: string; name: string; enabled: boolean }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const toggle = useAction();
  const remove = useAction();
  async function confirmDelete() {
    if (await remove.run(() => deleteRuleAction(projectId, ruleId))) router.push(`/p/${projectId}/alerts`);
  }
  return (
    <div className="flex flex-wrap gap-2">
      <Button type="button" variant="secondary" disabled={toggle.pending} onClick={() => toggle.run(() => updateRuleAction(projectId, ruleId, { enabled: !enabled }))}>
        {enabled ? <><Pause aria-hidden /> Disable</> : <><Play aria-hidden /> Enable</>}
      </Button>
      <Dialog open={open} onOpenChange={(o) => (setOpen(o), remove.reset())}>
        <DialogTrigger asChild><Button variant="secondary"><Trash2 aria-hidden /> Delete</Button></DialogTrigger>
        <DialogContent title={`Delete ${name}?`} description="Open alerts are resolved first (receivers get their resolved notification). Its instances and timeline go; the notification log stays.">
          {remove.error ? <ErrorAlert>{remove.error}</ErrorAlert> : null}
          <div className="flex justify-end gap-2">
            <Button type="button" variant="secondary" onClick={() => setOpen(false)}>Cancel</Button>
            <Button type="button" variant="danger" onClick={confirmDelete} disabled={remove.pending}>{remove.pending ? "Deleting…" : "Delete rule"}</Button>
          </div>
        </DialogContent>
      </Dialog>
      {toggle.error ? <ErrorAlert>{toggle.error}</ErrorAlert> : null}
    </div>
  );
}
