"use client";

import { Plus, TriangleAlert } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { createApiKeyAction } from "@/app/actions/api-keys";
import { ErrorAlert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { CopyField } from "@/components/ui/copy-field";
import { Dialog, DialogContent, DialogTrigger } from "@/components/ui/dialog";
import { Input } from "@/components/ui/input";
import { Field } from "@/components/ui/label";

type Created = { publicKey: string; secretKey: string; name: string };

/** Creates a key pair and shows its secret exactly once; closing the dialog forgets it. */
export function CreateKeyDialog({ projectId }: { projectId: string }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [created, setCreated] = useState<Created | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  function onOpenChange(next: boolean) {
    setOpen(next);
    if (!next) {
      setCreated(null);
      setError(null);
    }
  }

  async function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const name = String(new FormData(e.currentTarget).get("name") ?? "");
    setPending(true);
    setError(null);
    const result = await createApiKeyAction(projectId, { name });
    setPending(false);
    if (!result.ok) return setError(result.error.message);
    setCreated(result.data);
    router.refresh();
  }

  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogTrigger asChild>
        <Button><Plus aria-hidden /> Create API key</Button>
      </DialogTrigger>
      {created ? (
        <DialogContent title={`Key “${created.name}” created`} description="Copy the secret key now. It is shown only once; Sextant stores just its hash.">
          <CopyField id="new-secret-key" label="Secret key" value={created.secretKey} />
          <CopyField id="new-public-key" label="Public key" value={created.publicKey} />
          <p className="flex items-start gap-2 text-xs text-warning">
            <TriangleAlert aria-hidden className="mt-0.5 size-4 shrink-0" />
            The secret key is shown only once. Keep it in your server&apos;s environment, never in client code.
          </p>
          <div className="flex justify-end">
            <Button onClick={() => onOpenChange(false)}>Done</Button>
          </div>
        </DialogContent>
      ) : (
        <DialogContent title="Create API key" description="A key pair: the secret key (sk-…) sends data; the public key (pk-…) only reads flags and prompts.">
          <form onSubmit={onSubmit} className="grid gap-4" noValidate>
            {error ? <ErrorAlert>{error}</ErrorAlert> : null}
            <Field id="key-name" label="Key name" hint="Where it will be used, e.g. “production backend”.">
              <Input id="key-name" name="name" required maxLength={80} defaultValue="" autoFocus />
            </Field>
            <div className="flex justify-end gap-2">
              <Button type="button" variant="secondary" onClick={() => onOpenChange(false)}>Cancel</Button>
              <Button type="submit" disabled={pending}>{pending ? "Creating…" : "Create key"}</Button>
            </div>
          </form>
        </DialogContent>
      )}
    </Dialog>
  );
}
