"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { removeMemberAction, revokeInviteAction, updateRoleAction } from "@/app/actions/members";
import { Button } from "@/components/ui/button";
import { Select } from "@/components/ui/input";
import type { Role } from "@/lib/auth/permissions";

export function RoleSelect({ projectId, userId, email, role, roles }: { projectId: string; userId: string; email: string; role: Role; roles: Role[] }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  async function onChange(e: React.ChangeEvent<HTMLSelectElement>) {
    setPending(true);
    setError(null);
    const result = await updateRoleAction(projectId, { userId, role: e.target.value as Role });
    setPending(false);
    if (!result.ok) setError(result.error.message);
    router.refresh();
  }
  return (
    <div className="grid gap-1">
      <Select aria-label={`Role for ${email}`} value={role} onChange={onChange} disabled={pending}>
        {roles.map((r) => <option key={r} value={r}>{r}</option>)}
      </Select>
      {error ? <p role="alert" className="text-xs text-danger">{error}</p> : null}
    </div>
  );
}

export function RemoveMemberButton({ projectId, userId, email }: { projectId: string; userId: string; email: string }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  async function remove() {
    if (!window.confirm(`Remove ${email} from the organization?`)) return;
    const result = await removeMemberAction(projectId, userId);
    if (!result.ok) setError(result.error.message);
    router.refresh();
  }
  return (
    <div className="grid justify-items-end gap-1">
      <Button variant="ghost" size="sm" onClick={remove} aria-label={`Remove ${email}`}>Remove</Button>
      {error ? <p role="alert" className="text-xs text-danger">{error}</p> : null}
    </div>
  );
}

export function RevokeInviteButton({ projectId, inviteId }: { projectId: string; inviteId: string }) {
  const router = useRouter();
  async function revoke() {
    await revokeInviteAction(projectId, inviteId);
    router.refresh();
  }
  return <Button variant="ghost" size="sm" onClick={revoke}>Revoke link</Button>;
}
