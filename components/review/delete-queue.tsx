"use client";

import { Trash2 } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { deleteQueueAction } from "@/app/(console)/p/[projectId]/review/actions";
import { ErrorAlert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogTrigger } from "@/components/ui/dialog";
import { useAction } from "@/components/ui/use-action";

/** Deleting asks first: items and reviews go with the queue; scores already written stay on the requests. */
export function DeleteQueue({ projectId, queueId, name }: { projectId: string; queueId: string; name: string }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const { error, pending, run, reset } = useAction();
  async function confirm() {
    if (await run(() => deleteQueueAction(projectId, queueId))) router.push(`/p/${projectId}/review`);
  }
  return (
    <Dialog open={open} onOpenChange={(o) => (setOpen(o), reset())}>
      <DialogTrigger asChild><Button variant="secondary"><Trash2 aria-hidden /> Delete queue</Button></DialogTrigger>
      <DialogContent title={`Delete ${name}?`} description="Its items and reviews are deleted. Scores the reviews already wrote stay on the requests and in the quality metrics. Export first if you want the evaluation set.">
        {error ? <ErrorAlert>{error}</ErrorAlert> : null}
        <div className="flex justify-end gap-2">
          <Button type="button" variant="secondary" onClick={() => setOpen(false)}>Cancel</Button>
          <Button type="button" variant="danger" onClick={confirm} disabled={pending}>{pending ? "Deleting…" : `Delete ${name}`}</Button>
        </div>
      </DialogContent>
    </Dialog>
  );
}
