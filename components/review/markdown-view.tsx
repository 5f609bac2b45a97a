import { Fragment } from "react";
import { parseMarkdown, type Block, type Inline } from "./markdown";

// Renders the parsed tree as React elements: every string is text, never HTML.

function Inlines({ parts }: { parts: Inline[] }) {
  return parts.map((p, i) => {
    switch (p.kind) {
      case "text":
        return <Fragment key={i}>{p.text}</Fragment>;
      case "strong":
        return <strong key={i} className="font-semibold"><Inlines parts={p.children} /></strong>;
      case "em":
        return <em key={i}><Inlines parts={p.children} /></em>;
      case "code":
        return <code key={i} className="rounded bg-muted px-1 py-0.5 font-mono text-xs">{p.text}</code>;
      case "link":
        return <a key={i} href={p.href} target="_blank" rel="noopener noreferrer nofollow" className="text-primary underline"><Inlines parts={p.children} /></a>;
    }
  });
}

const HEADING = { 1: "text-base font-semibold", 2: "text-sm font-semibold", 3: "text-sm font-medium" } as const;

function BlockView({ b }: { b: Block }) {
  switch (b.kind) {
    case "heading": {
      const Tag = (["h3", "h4", "h5"] as const)[b.level - 1]!;
      return <Tag className={HEADING[b.level]}><Inlines parts={b.children} /></Tag>;
    }
    case "paragraph":
      return <p><Inlines parts={b.children} /></p>;
    case "list": {
      const Tag = b.ordered ? "ol" : "ul";
      return <Tag className={b.ordered ? "list-decimal pl-5" : "list-disc pl-5"}>{b.items.map((item, i) => <li key={i}><Inlines parts={item} /></li>)}</Tag>;
    }
    case "quote":
      return <blockquote className="border-l-2 pl-3 text-muted-fg"><Inlines parts={b.children} /></blockquote>;
    case "code":
      return <pre className="overflow-x-auto rounded-md bg-muted/50 p-2 font-mono text-xs">{b.text}</pre>;
  }
}

/** Queue instructions written in Markdown (a safe subset; see markdown.ts). */
export function MarkdownView({ source, className }: { source: string; className?: string }) {
  return (
    <div className={`grid gap-2 text-sm ${className ?? ""}`} data-testid="instructions">
      {parseMarkdown(source).map((b, i) => <BlockView key={i} b={b} />)}
    </div>
  );
}
