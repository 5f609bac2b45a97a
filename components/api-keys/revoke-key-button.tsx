"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { revokeApiKeyAction } from "@/app/actions/api-keys";
import { ErrorAlert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogTrigger } from "@/components/ui/dialog";

export function RevokeKeyButton({ projectId, id, name }: { projectId: string; id: string; name: string }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  async function revoke() {
    setPending(true);
    const result = await revokeApiKeyAction(projectId, id);
    setPending(false);
    if (!result.ok) return setError(result.error.message);
    setOpen(false);
    router.refresh();
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
