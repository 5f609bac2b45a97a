"use client";

import { useState } from "react";
import { revokeApiKeyAction } from "@/app/actions/api-keys";
import { ErrorAlert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogTrigger } from "@/components/ui/dialog";
import { useAction } from "@/components/ui/use-action";

export function RevokeKeyButton({ projectId, id, name }: { projectId: string; id: string; name: string }) {
  const [open, setOpen] = useState(false);
  const { error, pending, run } = useAction();
  async function revoke() {
    if (await run(() => revokeApiKeyAction(projectId, id))) setOpen(false);
  }
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button variant="secondary" size="sm" aria-label={`Revoke ${name}`}>Revoke</Button>
      </DialogTrigger>
      <DialogContent title={`Revoke “${name}”?`} description="Requests using this key are refused immediately. This cannot be undone.">
        {error ? <ErrorAlert>{error}</ErrorAlert> : null}
        <div className="flex justify-end gap-2">
          <Button variant="secondary" onClick={() => setOpen(false)}>Cancel</Button>
          <Button variant="danger" onClick={revoke} disabled={pending}>{pending ? "Revoking…" : "Revoke key"}</Button>
        </div>
      </DialogContent>
    </Dialog>
  );
}
