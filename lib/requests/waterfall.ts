// Layout of a trace waterfall: which row each span gets, how far it is indented and
// where its bar sits. Pure, so the page only draws what this returns.

export type WaterfallSpan = { id: string; parentId: string | null; startMs: number; endMs: number };

export type WaterfallRow<S extends WaterfallSpan> = {
  span: S;
  depth: number;
  /** Milliseconds from the trace's first start to this span's start. */
  offsetMs: number;
  durationMs: number;
  /** Bar position and width as percentages of the whole trace (0..100). */
  offsetPct: number;
  widthPct: number;
};

export type Waterfall<S extends WaterfallSpan> = { rows: WaterfallRow<S>[]; startMs: number; totalMs: number };

const byStart = (a: WaterfallSpan, b: WaterfallSpan) => a.startMs - b.startMs || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
const clampPct = (v: number) => Math.min(100, Math.max(0, v));

/**
 * Orders spans as a tree (each parent followed by its children, siblings by start
 * time) and positions them against the whole trace, from the earliest start to the
 * latest end. A span whose parent is missing (never sent, or cut from a truncated
 * trace) is a root of its own. Spans caught in a parent cycle have no root to reach
 * them; the earliest of each cycle is taken as a root, so every span is drawn once
 * and the walk ends.
 */
export function layoutWaterfall<S extends WaterfallSpan>(spans: readonly S[]): Waterfall<S> {
  if (spans.length === 0) return { rows: [], startMs: 0, totalMs: 0 };
  const ids = new Set(spans.map((s) => s.id));
  const children = new Map<string, S[]>();
  const roots: S[] = [];
  for (const s of spans) {
    if (s.parentId !== null && s.parentId !== s.id && ids.has(s.parentId)) {
      const list = children.get(s.parentId);
      if (list) list.push(s);
      else children.set(s.parentId, [s]);
    } else roots.push(s);
  }
  for (const list of children.values()) list.sort(byStart);

  let startMs = Infinity;
  let endMs = -Infinity;
  for (const s of spans) {
    startMs = Math.min(startMs, s.startMs);
    endMs = Math.max(endMs, s.startMs, s.endMs);
  }
  const totalMs = endMs - startMs;
  const rows: WaterfallRow<S>[] = [];
  const seen = new Set<string>();

  // Iterative depth-first walk: deep traces cannot overflow the stack.
  const walk = (root: S) => {
    const stack: { span: S; depth: number }[] = [{ span: root, depth: 0 }];
    while (stack.length) {
      const { span, depth } = stack.pop()!;
      if (seen.has(span.id)) continue;
      seen.add(span.id);
      const offsetMs = span.startMs - startMs;
      const durationMs = Math.max(0, span.endMs - span.startMs);
      rows.push({
        span,
        depth,
        offsetMs,
        durationMs,
        offsetPct: totalMs > 0 ? clampPct((offsetMs / totalMs) * 100) : 0,
        widthPct: totalMs > 0 ? clampPct((durationMs / totalMs) * 100) : 0,
      });
      const kids = children.get(span.id) ?? [];
      for (let i = kids.length - 1; i >= 0; i -= 1) stack.push({ span: kids[i]!, depth: depth + 1 });
    }
  };

  for (const root of [...roots].sort(byStart)) walk(root);
  if (seen.size < spans.length) {
    for (const s of [...spans].sort(byStart)) if (!seen.has(s.id)) walk(s);
  }
  return { rows, startMs, totalMs };
}
