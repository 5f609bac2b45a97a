"use client";

import { Plus, Trash2 } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Select } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import type { ChatMessage } from "@/lib/prompts/template";

const ROLES = ["system", "developer", "user", "assistant"];
export const TEXTAREA = "min-h-28 w-full rounded-md border bg-card px-3 py-2 font-mono text-xs text-fg placeholder:text-muted-fg";

/** The messages of a chat template: a role and a content box each, added and removed in place. */
export function MessageList({ messages, onChange }: { messages: ChatMessage[]; onChange: (m: ChatMessage[]) => void }) {
  const set = (i: number, patch: Partial<ChatMessage>) => onChange(messages.map((m, k) => (k === i ? { ...m, ...patch } : m)));
  return (
    <div className="grid gap-3">
      {messages.map((m, i) => (
        <div key={i} className="grid gap-2 rounded-md border p-3">
          <div className="flex items-center justify-between gap-2">
            <div className="flex items-center gap-2">
              <Label htmlFor={`msg-role-${i}`}>Message {i + 1} role</Label>
              <Select id={`msg-role-${i}`} value={m.role} onChange={(e) => set(i, { role: e.target.value })}>
                {ROLES.map((r) => <option key={r} value={r}>{r}</option>)}
              </Select>
            </div>
            <Button type="button" variant="ghost" size="icon" aria-label={`Remove message ${i + 1}`} disabled={messages.length === 1} onClick={() => onChange(messages.filter((_, k) => k !== i))}>
              <Trash2 aria-hidden />
            </Button>
          </div>
          <Label htmlFor={`msg-content-${i}`} className="sr-only">Message {i + 1} content</Label>
          <textarea id={`msg-content-${i}`} className={TEXTAREA} value={m.content} onChange={(e) => set(i, { content: e.target.value })} placeholder="Write {{variable}} where a value goes in." />
        </div>
      ))}
      <div>
        <Button type="button" variant="secondary" size="sm" onClick={() => onChange([...messages, { role: "user", content: "" }])}>
          <Plus aria-hidden /> Add message
        </Button>
      </div>
    </div>
  );
}
