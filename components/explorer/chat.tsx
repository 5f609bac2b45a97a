import { Image as ImageIcon, Wrench } from "lucide-react";
import { cn } from "@/lib/utils";
import { Collapsible } from "./collapsible";
import { toChat, type ChatMessage, type ChatPart } from "./messages";

// Ingested bodies are untrusted: everything here is React text, never HTML.

const LONG_CHARS = 2_500;
const MAX_JSON_CHARS = 200_000;

const ROLE_STYLE: Record<string, string> = {
  system: "border-dashed bg-muted/40",
  user: "bg-primary/10 border-primary/20",
  assistant: "bg-card",
  tool: "bg-muted/60",
};

function Part({ part }: { part: ChatPart }) {
  switch (part.kind) {
    case "text":
      return (
        <div>
          {part.label ? <p className="mb-1 text-xs font-medium uppercase tracking-wide text-muted-fg">{part.label}</p> : null}
          <p className={cn("whitespace-pre-wrap break-words", part.label === "refusal" && "text-danger")}>{part.text}</p>
        </div>
      );
    case "tool_call":
      return (
        <div className="rounded-md border bg-muted/50 p-2">
          <p className="mb-1 flex items-center gap-1.5 text-xs font-medium"><Wrench aria-hidden className="size-3.5" /> Tool call <code className="font-mono">{part.name}</code>{part.id ? <span className="font-mono text-muted-fg">{part.id}</span> : null}</p>
          <pre className="overflow-x-auto whitespace-pre-wrap break-words font-mono text-xs">{part.args}</pre>
        </div>
      );
    case "tool_result":
      return (
        <div>
          <p className="mb-1 text-xs font-medium text-muted-fg">Tool result{part.id ? <> for <code className="font-mono">{part.id}</code></> : null}</p>
          <pre className="whitespace-pre-wrap break-words font-mono text-xs">{part.text}</pre>
        </div>
      );
    case "media":
      return <p className="flex items-center gap-1.5 text-xs text-muted-fg"><ImageIcon aria-hidden className="size-3.5" /> [{part.label} not shown]</p>;
    case "json":
      return <pre className="overflow-x-auto whitespace-pre-wrap break-words font-mono text-xs">{JSON.stringify(part.value, null, 2)}</pre>;
  }
}

function Bubble({ m }: { m: ChatMessage }) {
  return (
    <li className={cn("rounded-lg border px-3 py-2 text-sm", ROLE_STYLE[m.role] ?? "bg-card", m.role === "user" ? "ml-8" : m.role === "assistant" ? "mr-8" : "")} data-testid="chat-message" data-role={m.role}>
      <p className="mb-1 text-xs font-semibold uppercase tracking-wide text-muted-fg">{m.role}{m.name ? ` · ${m.name}` : ""}</p>
      <div className="grid gap-2">
        {m.parts.length ? m.parts.map((p, i) => <Part key={i} part={p} />) : <p className="text-xs text-muted-fg">(empty)</p>}
      </div>
    </li>
  );
}

const size = (messages: ChatMessage[]) => messages.reduce((n, m) => n + m.parts.reduce((k, p) => k + (p.kind === "text" || p.kind === "tool_result" ? p.text.length : p.kind === "tool_call" ? p.args.length : 40), 0), 0);

/** An input or output body: chat bubbles when it is chat-shaped, pretty JSON otherwise. */
export function Body({ value, side }: { value: unknown; side: "input" | "output" }) {
  if (value === null || value === undefined) return <p className="text-sm text-muted-fg">Not recorded. The SDK records bodies unless capture is turned off; redaction may also remove them.</p>;
  const chat = toChat(value, side === "input" ? "user" : "assistant");
  if (chat) {
    const chars = size(chat);
    return (
      <Collapsible long={chars > LONG_CHARS || chat.length > 8} what={`${chat.length} ${chat.length === 1 ? "message" : "messages"}, ${chars.toLocaleString("en-US")} characters`}>
        <ol className="grid gap-2" aria-label={`${side} messages`}>{chat.map((m, i) => <Bubble key={i} m={m} />)}</ol>
      </Collapsible>
    );
  }
  const full = JSON.stringify(value, null, 2) ?? String(value);
  const text = full.length > MAX_JSON_CHARS ? `${full.slice(0, MAX_JSON_CHARS)}\n… ${(full.length - MAX_JSON_CHARS).toLocaleString("en-US")} more characters (read the whole body from GET /api/v1/requests/{id})` : full;
  return (
    <Collapsible long={full.length > LONG_CHARS} what={`${full.length.toLocaleString("en-US")} characters`}>
      <pre className="overflow-x-auto whitespace-pre-wrap break-words rounded-md bg-muted/50 p-3 font-mono text-xs" data-testid="json-body">{text}</pre>
    </Collapsible>
  );
}
