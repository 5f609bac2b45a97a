"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { acceptInviteAction } from "@/app/actions/account";
import { ErrorAlert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";

export function AcceptInvite({ token }: { token: string }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  async function accept() {
    setPending(true);
    const result = await acceptInviteAction(token);
    if (!result.ok) {
      setPending(false);
      setError(result.error.message);
      return;
    }
    router.replace(`/orgs/${result.data.orgId}`);
  }
  return (
    <div className="grid gap-3">
      {error ? <ErrorAlert>{error}</ErrorAlert> : null}
      <Button onClick={accept} disabled={pending}>{pending ? "Joining…" : "Accept invite"}</Button>
    </div>
  );
}
