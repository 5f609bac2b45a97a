"use client";

import { useState } from "react";
import { setUserRateLimitAction } from "@/app/(console)/p/[projectId]/settings/budgets/actions";
import { useFieldAction } from "@/components/ui/use-field-action";
import { ErrorAlert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Field } from "@/components/ui/label";
import type { UserRateLimit } from "@/lib/budgets/schemas";

const toNumber = (v: string) => (v.trim() === "" ? null : Number(v));

/** Requests and tokens per user per minute; an empty field means no limit of that kind. */
export function UserLimitForm({ projectId, initial, canWrite }: { projectId: string; initial: UserRateLimit | null; canWrite: boolean }) {
  const [requests, setRequests] = useState(initial?.requestsPerMinute?.toString() ?? "");
  const [tokens, setTokens] = useState(initial?.tokensPerMinute?.toString() ?? "");
  const { error, pending, saved, run, at } = useFieldAction();
  async function onSubmit(e: React.FormEvent) {
    e.preventDefault();
    await run(() => setUserRateLimitAction(projectId, { requestsPerMinute: toNumber(requests), tokensPerMinute: toNumber(tokens) }));
  }
  return (
    <form onSubmit={onSubmit} noValidate className="grid gap-4">
      {error ? <ErrorAlert>{error}</ErrorAlert> : null}
      {saved ? <p role="status" className="text-sm text-success">Saved. SDKs receive it with their next flag configuration.</p> : null}
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id="limit-requests" label="Requests per user per minute" hint="Empty: no request limit." error={at("requestsPerMinute")}>
          <Input id="limit-requests" type="number" min={1} step={1} value={requests} disabled={!canWrite} onChange={(e) => setRequests(e.target.value)} />
        </Field>
        <Field id="limit-tokens" label="Tokens per user per minute" hint="Input + output tokens, counted after each call." error={at("tokensPerMinute")}>
          <Input id="limit-tokens" type="number" min={1} step={1} value={tokens} disabled={!canWrite} onChange={(e) => setTokens(e.target.value)} />
        </Field>
      </div>
      {canWrite ? <div><Button type="submit" disabled={pending}>{pending ? "Saving…" : "Save limits"}</Button></div> : null}
    </form>
  );
}
