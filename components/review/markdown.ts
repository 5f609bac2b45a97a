// A small Markdown subset for queue instructions: headings, paragraphs, lists, quotes,
// code blocks, and inline bold, italic, code and links. It produces a tree that React
// renders as text, so nothing the author writes can become HTML; links keep only
// http(s) and mailto targets. Pure, so it is tested alone.

export type Inline =
  | { kind: "text"; text: string }
  | { kind: "strong" | "em"; children: Inline[] }
  | { kind: "code"; text: string }
  | { kind: "link"; href: string; children: Inline[] };

export type Block =
  | { kind: "heading"; level: 1 | 2 | 3; children: Inline[] }
  | { kind: "paragraph"; children: Inline[] }
  | { kind: "list"; ordered: boolean; items: Inline[][] }
  | { kind: "quote"; children: Inline[] }
  | { kind: "code"; text: string };

const SAFE_HREF = /^(https?:\/\/|mailto:)/i;

// Order matters: code first (its content is literal), then links, bold, italic.
const INLINE = /`([^`]+)`|\[([^\]]+)\]\(([^)\s]+)\)|\*\*(.+?)\*\*|__(.+?)__|\*([^*\s][^*]*?)\*|_([^_\s][^_]*?)_/;

export function parseInline(text: string): Inline[] {
  const out: Inline[] = [];
  let rest = text;
  while (rest) {
    const m = INLINE.exec(rest);
    if (!m) break;
    if (m.index > 0) out.push({ kind: "text", text: rest.slice(0, m.index) });
    const [whole, code, label, href, strong1, strong2, em1, em2] = m;
    if (code !== undefined) out.push({ kind: "code", text: code });
    else if (label !== undefined) out.push(SAFE_HREF.test(href!) ? { kind: "link", href: href!, children: parseInline(label) } : { kind: "text", text: label });
    else if (strong1 !== undefined || strong2 !== undefined) out.push({ kind: "strong", children: parseInline((strong1 ?? strong2)!) });
    else out.push({ kind: "em", children: parseInline((em1 ?? em2)!) });
    rest = rest.slice(m.index + whole.length);
  }
  if (rest) out.push({ kind: "text", text: rest });
  return merge(out);
}

/** Adjacent text runs become one (the tree is easier to test and to render). */
function merge(parts: Inline[]): Inline[] {
  const out: Inline[] = [];
  for (const p of parts) {
    const last = out[out.length - 1];
    if (p.kind === "text" && last?.kind === "text") last.text += p.text;
    else out.push(p);
  }
  return out;
}

const BULLET = /^\s*[-*+]\s+(.*)$/;
const NUMBERED = /^\s*\d+[.)]\s+(.*)$/;

export function parseMarkdown(source: string): Block[] {
  const lines = source.replace(/\r\n?/g, "\n").split("\n");
  const blocks: Block[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i]!;
    if (line.trim() === "") {
      i++;
      continue;
    }
    if (line.trimStart().startsWith("```")) {
      const body: string[] = [];
      i++;
      while (i < lines.length && !lines[i]!.trimStart().startsWith("```")) body.push(lines[i++]!);
      i++; // the closing fence (or the end)
      blocks.push({ kind: "code", text: body.join("\n") });
      continue;
    }
    const heading = /^(#{1,6})\s+(.*?)\s*#*\s*$/.exec(line);
    if (heading) {
      blocks.push({ kind: "heading", level: Math.min(heading[1]!.length, 3) as 1 | 2 | 3, children: parseInline(heading[2]!) });
      i++;
      continue;
    }
    const list = BULLET.test(line) ? BULLET : NUMBERED.test(line) ? NUMBERED : null;
    if (list) {
      const items: Inline[][] = [];
      while (i < lines.length && list.test(lines[i]!)) items.push(parseInline(list.exec(lines[i++]!)![1]!));
      blocks.push({ kind: "list", ordered: list === NUMBERED, items });
      continue;
    }
    if (line.trimStart().startsWith(">")) {
      const body: string[] = [];
      while (i < lines.length && lines[i]!.trimStart().startsWith(">")) body.push(lines[i++]!.trimStart().replace(/^>\s?/, ""));
      blocks.push({ kind: "quote", children: parseInline(body.join(" ")) });
      continue;
    }
    const para: string[] = [];
    while (i < lines.length && lines[i]!.trim() !== "" && !/^(#{1,6}\s|```|>)/.test(lines[i]!.trimStart()) && !BULLET.test(lines[i]!) && !NUMBERED.test(lines[i]!)) para.push(lines[i++]!.trim());
    blocks.push({ kind: "paragraph", children: parseInline(para.join(" ")) });
  }
  return blocks;
}
