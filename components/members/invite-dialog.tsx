"use client";

import { UserPlus } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { createInviteAction } from "@/app/actions/members";
import { ErrorAlert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { CopyField } from "@/components/ui/copy-field";
import { Dialog, DialogContent, DialogTrigger } from "@/components/ui/dialog";
import { Select } from "@/components/ui/input";
import { Field } from "@/components/ui/label";
import type { Role } from "@/lib/auth/permissions";

export function InviteDialog({ projectId, roles }: { projectId: string; roles: Role[] }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [link, setLink] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  function onOpenChange(next: boolean) {
    setOpen(next);
    if (!next) {
      setLink(null);
      setError(null);
    }
  }

  async function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const role = String(new FormData(e.currentTarget).get("role")) as Role;
    setPending(true);
    setError(null);
    const result = await createInviteAction(projectId, { role });
    setPending(false);
    if (!result.ok) return setError(result.error.message);
    setLink(`${window.location.origin}${result.data.path}`);
    router.refresh();
  }

  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogTrigger asChild>
        <Button><UserPlus aria-hidden /> Invite member</Button>
      </DialogTrigger>
      <DialogContent title="Invite a member" description="Creates a single-use link valid for 7 days. Send it any way you like; no email server needed.">
        {link ? (
          <>
            <CopyField id="invite-link" label="Invite link" value={link} />
            <div className="flex justify-end"><Button onClick={() => onOpenChange(false)}>Done</Button></div>
          </>
        ) : (
          <form onSubmit={onSubmit} className="grid gap-4">
            {error ? <ErrorAlert>{error}</ErrorAlert> : null}
            <Field id="invite-role" label="Role" hint="Viewers read; reviewers also score in review queues; members change project configuration; admins manage members and keys.">
              <Select id="invite-role" name="role" defaultValue="member">
                {roles.map((r) => <option key={r} value={r}>{r}</option>)}
              </Select>
            </Field>
            <div className="flex justify-end gap-2">
              <Button type="button" variant="secondary" onClick={() => onOpenChange(false)}>Cancel</Button>
              <Button type="submit" disabled={pending}>{pending ? "Creating…" : "Create invite link"}</Button>
            </div>
          </form>
        )}
      </DialogContent>
    </Dialog>
  );
}
