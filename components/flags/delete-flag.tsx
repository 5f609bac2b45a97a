"use client";

import { Trash2 } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { deleteFlagAction } from "@/app/(console)/p/[projectId]/flags/actions";
import { ErrorAlert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogTrigger } from "@/components/ui/dialog";
import { useAction } from "@/components/ui/use-action";

/** Deleting asks first: SDKs then answer their callers' defaults for this key. */
export function DeleteFlag({ projectId, flagKey, version }: { projectId: string; flagKey: string; version: number }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const { error, pending, run, reset } = useAction();
  async function confirm() {
    if (await run(() => deleteFlagAction(projectId, flagKey, version))) router.push(`/p/${projectId}/flags`);
  }
  return (
    <Dialog open={open} onOpenChange={(o) => (setOpen(o), reset())}>
      <DialogTrigger asChild><Button variant="secondary"><Trash2 aria-hidden /> Delete</Button></DialogTrigger>
      <DialogContent title={`Delete ${flagKey}?`} description="SDKs stop finding the flag and return the default your code passes. The history keeps the definition.">
        {error ? <ErrorAlert>{error}</ErrorAlert> : null}
        <div className="flex justify-end gap-2">
          <Button type="button" variant="secondary" onClick={() => setOpen(false)}>Cancel</Button>
          <Button type="button" variant="danger" onClick={confirm} disabled={pending}>{pending ? "Deleting…" : `Delete ${flagKey}`}</Button>
        </div>
      </DialogContent>
    </Dialog>
  );
}
