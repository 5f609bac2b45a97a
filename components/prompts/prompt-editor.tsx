"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { addVersionAction, createPromptAction } from "@/app/(console)/p/[projectId]/prompts/actions";
import { ErrorAlert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { Field, Label } from "@/components/ui/label";
import { useAction } from "@/components/ui/use-action";
import { variablesOf, type ChatMessage, type PromptBody } from "@/lib/prompts/template";
import { LabelBadges } from "./label-badges";
import { MessageList, TEXTAREA } from "./message-list";
import { Preview } from "./preview";

type Props = {
  projectId: string;
  /** Absent: a new prompt (name and type asked). Present: the next version of it. */
  existing?: { name: string; type: "text" | "chat"; version: number; prompt: PromptBody; config: Record<string, unknown> };
  canDeploy: boolean;
};

/** Parses the config box: an object, or the reason it is not one (nothing is sent then). */
function parseConfig(text: string): { value?: Record<string, unknown>; error?: string } {
  if (text.trim() === "") return { value: {} };
  try {
    const v: unknown = JSON.parse(text);
    if (typeof v !== "object" || v === null || Array.isArray(v)) return { error: 'Config must be a JSON object, e.g. {"model": "gpt-4o"}.' };
    return { value: v as Record<string, unknown> };
  } catch (e) {
    return { error: `Config is not valid JSON: ${(e as Error).message}` };
  }
}

/** Writes a new prompt or its next version: template, config, commit message, labels; variables detected and previewed as you type. */
export function PromptEditor({ projectId, existing, canDeploy }: Props) {
  const router = useRouter();
  const { error, pending, run } = useAction();
  const [name, setName] = useState("");
  const [type, setType] = useState<"text" | "chat">(existing?.type ?? "text");
  const [text, setText] = useState(typeof existing?.prompt === "string" ? existing.prompt : "");
  const [messages, setMessages] = useState<ChatMessage[]>(Array.isArray(existing?.prompt) ? existing.prompt : [{ role: "system", content: "" }, { role: "user", content: "{{question}}" }]);
  const [config, setConfig] = useState(existing ? JSON.stringify(existing.config, null, 2) : '{\n  "model": "gpt-4o-mini",\n  "temperature": 0.2\n}');
  const [message, setMessage] = useState("");
  const [labels, setLabels] = useState<string[]>([]);
  const body: PromptBody = type === "text" ? text : messages;
  const parsed = parseConfig(config);
  const toggle = (l: string) => setLabels((ls) => (ls.includes(l) ? ls.filter((x) => x !== l) : [...ls, l]));

  async function onSubmit(e: React.FormEvent) {
    e.preventDefault();
    if (parsed.error) return;
    const common = { prompt: body, config: parsed.value, labels, commitMessage: message || undefined };
    const saved = await run(() => (existing ? addVersionAction(projectId, existing.name, common) : createPromptAction(projectId, { name, type, ...common })));
    if (saved) router.push(`/p/${projectId}/prompts/${encodeURIComponent(saved.name)}?version=${saved.version}`);
  }

  return (
    <form onSubmit={onSubmit} className="grid gap-6 lg:grid-cols-2" noValidate>
      <Card>
        <CardHeader title={existing ? `Version ${existing.version + 1}` : "Prompt"} description={existing ? `Starts from version ${existing.version}. Saving never changes an existing version.` : "A name your code asks for, and its first version."} />
        <CardBody className="grid gap-4">
          {error ? <ErrorAlert>{error}</ErrorAlert> : null}
          {!existing ? (
            <>
              <Field id="prompt-name" label="Name" hint="Letters, digits, '.', '_' and '-'; no spaces or slashes. Your code fetches it by this name.">
                <Input id="prompt-name" value={name} onChange={(e) => setName(e.target.value)} required maxLength={128} autoFocus />
              </Field>
              <fieldset className="grid gap-1.5">
                <legend className="text-sm font-medium">Type</legend>
                <div className="flex gap-4 text-sm">
                  {(["text", "chat"] as const).map((t) => (
                    <label key={t} className="flex items-center gap-2">
                      <input type="radio" name="type" value={t} checked={type === t} onChange={() => setType(t)} /> {t === "text" ? "Text" : "Chat (messages)"}
                    </label>
                  ))}
                </div>
              </fieldset>
            </>
          ) : null}
          {type === "text" ? (
            <Field id="prompt-text" label="Template">
              <textarea id="prompt-text" className={`${TEXTAREA} min-h-48`} value={text} onChange={(e) => setText(e.target.value)} placeholder="Summarize {{document}} in {{words}} words." />
            </Field>
          ) : (
            <MessageList messages={messages} onChange={setMessages} />
          )}
          <div className="flex flex-wrap items-center gap-2 text-sm" aria-live="polite">
            <span className="text-muted-fg">Variables:</span>
            {variablesOf(body).length ? variablesOf(body).map((v) => <code key={v} className="rounded bg-muted px-1.5 py-0.5 font-mono text-xs">{v}</code>) : <span className="text-muted-fg">none</span>}
          </div>
          <Field id="prompt-config" label="Config (JSON)" hint="Model, temperature, maxTokens, responseFormat, jsonSchema or anything your code reads." error={parsed.error}>
            <textarea id="prompt-config" className={TEXTAREA} value={config} onChange={(e) => setConfig(e.target.value)} aria-invalid={parsed.error ? true : undefined} />
          </Field>
          <Field id="prompt-message" label="Commit message" hint="What changed and why, for the history.">
            <Input id="prompt-message" value={message} onChange={(e) => setMessage(e.target.value)} maxLength={500} />
          </Field>
          <fieldset className="grid gap-1.5">
            <legend className="text-sm font-medium">Labels for the new version</legend>
            <div className="flex gap-4 text-sm">
              {["production", "staging"].map((l) => (
                <Label key={l} className="flex items-center gap-2 font-normal">
                  <input type="checkbox" checked={labels.includes(l)} onChange={() => toggle(l)} disabled={l === "production" && !canDeploy} /> {l}
                </Label>
              ))}
            </div>
            {!canDeploy ? <p className="text-xs text-muted-fg">Only owners and admins move production in this project.</p> : null}
          </fieldset>
          <div className="flex items-center gap-3">
            <Button type="submit" disabled={pending || Boolean(parsed.error)}>{pending ? "Saving…" : existing ? "Save version" : "Create prompt"}</Button>
            {labels.length ? <LabelBadges labels={labels} /> : null}
          </div>
        </CardBody>
      </Card>
      <Card>
        <CardHeader title="Preview" description="The template with sample values, as compile() fills it." />
        <CardBody><Preview body={body} idPrefix="editor-preview" /></CardBody>
      </Card>
    </form>
  );
}
