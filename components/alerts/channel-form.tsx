"use client";

import { useState } from "react";
import { createChannelAction } from "@/app/(console)/p/[projectId]/alerts/actions";
import { ErrorAlert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Field } from "@/components/ui/label";
import { useFieldAction } from "@/components/ui/use-field-action";

/** A webhook (Alertmanager-shaped, optionally signed) or a Slack incoming webhook. */
export function ChannelForm({ projectId }: { projectId: string }) {
  const [type, setType] = useState<"webhook" | "slack">("webhook");
  const [name, setName] = useState("");
  const [url, setUrl] = useState("");
  const [secret, setSecret] = useState("");
  const { error, issues, pending, saved, run, at } = useFieldAction();

  async function onSubmit(e: React.FormEvent) {
    e.preventDefault();
    const input = { type, name, url, ...(type === "webhook" && secret ? { secret } : {}) };
    if (!(await run(() => createChannelAction(projectId, input)))) return;
    setName("");
    setUrl("");
    setSecret("");
  }

  return (
    <form onSubmit={onSubmit} noValidate className="grid gap-4">
      {error ? <ErrorAlert>{error}{issues.length ? <ul className="mt-1 list-disc pl-4">{issues.map((i) => <li key={i.path + i.message}>{i.path}: {i.message}</li>)}</ul> : null}</ErrorAlert> : null}
      {saved ? <p role="status" className="text-sm text-success">Channel added. Press “Send test” to check that it arrives.</p> : null}
      <fieldset className="grid gap-1.5">
        <legend className="text-sm font-medium">Type</legend>
        <div className="flex gap-4 text-sm">
          <label className="flex items-center gap-2"><input type="radio" name="channel-type" checked={type === "webhook"} onChange={() => setType("webhook")} /> Webhook (Alertmanager format)</label>
          <label className="flex items-center gap-2"><input type="radio" name="channel-type" checked={type === "slack"} onChange={() => setType("slack")} /> Slack</label>
        </div>
      </fieldset>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id="channel-name" label="Channel name" hint="e.g. on-call or #ml-alerts." error={at("name")}>
          <Input id="channel-name" value={name} onChange={(e) => setName(e.target.value)} maxLength={200} aria-invalid={at("name") ? true : undefined} />
        </Field>
        <Field id="channel-url" label="URL" hint={type === "slack" ? "The incoming-webhook URL Slack gave you; it is a credential and stored encrypted." : "Receives a POST per notification; stored encrypted."} error={at("url")}>
          <Input id="channel-url" type="url" value={url} onChange={(e) => setUrl(e.target.value)} placeholder="https://" aria-invalid={at("url") ? true : undefined} />
        </Field>
      </div>
      {type === "webhook" ? (
        <Field id="channel-secret" label="Signing secret" hint="Optional, 8+ characters: requests carry X-Sextant-Signature (HMAC-SHA256) so your receiver can verify them." error={at("secret")}>
          <Input id="channel-secret" type="password" autoComplete="new-password" value={secret} onChange={(e) => setSecret(e.target.value)} aria-invalid={at("secret") ? true : undefined} />
        </Field>
      ) : null}
      <div><Button type="submit" disabled={pending}>{pending ? "Adding…" : "Add channel"}</Button></div>
    </form>
  );
}
