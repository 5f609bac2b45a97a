import type { PromptBody } from "@/lib/prompts/template";

/** A template as written: text in a monospace block, chat as one block per message under its role. */
export function TemplateView({ body, label }: { body: PromptBody; label: string }) {
  const blocks = typeof body === "string" ? [{ role: null as string | null, content: body }] : body;
  return (
    <div className="grid gap-2" aria-label={label} role="group">
      {blocks.map((m, i) => (
        <div key={i} className="rounded-md border bg-muted/40">
          {m.role ? <div className="border-b px-3 py-1 text-xs font-medium uppercase tracking-wide text-muted-fg">{m.role}</div> : null}
          <pre className="whitespace-pre-wrap break-words px-3 py-2 font-mono text-xs">{m.content || " "}</pre>
        </div>
      ))}
    </div>
  );
}
