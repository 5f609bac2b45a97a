// Line diff for the side-by-side view (client-safe): longest common subsequence over lines,
// then rows that pair a removed line with an added one where they sit together.
import type { PromptBody } from "./template";

export type DiffRow = { kind: "same" | "changed" | "removed" | "added"; left: string | null; right: string | null; leftNo: number | null; rightNo: number | null };

/** A template as lines: text as is; chat as a `role:` header then its content, per message. */
export function bodyLines(body: PromptBody): string[] {
  if (typeof body === "string") return body.split("\n");
  return body.flatMap((m, i) => [...(i > 0 ? [""] : []), `${m.role}:`, ...m.content.split("\n")]);
}

/** Config as stable, key-sorted JSON lines, so the same config always diffs as equal. */
export function configLines(config: Record<string, unknown>): string[] {
  const sort = (v: unknown): unknown =>
    Array.isArray(v) ? v.map(sort) : v && typeof v === "object" ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, sort((v as Record<string, unknown>)[k])])) : v;
  return JSON.stringify(sort(config), null, 2).split("\n");
}

export function diffLines(a: string[], b: string[]): DiffRow[] {
  // Table of LCS lengths from the end; templates are at most 100 KB, so lines stay in the thousands.
  const n = a.length;
  const m = b.length;
  const lcs: Uint32Array[] = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
  for (let i = n - 1; i >= 0; i--) for (let j = m - 1; j >= 0; j--) lcs[i]![j] = a[i] === b[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
  const rows: DiffRow[] = [];
  const removed: DiffRow[] = [];
  const added: DiffRow[] = [];
  const flush = () => {
    const pairs = Math.max(removed.length, added.length);
    for (let k = 0; k < pairs; k++) {
      const r = removed[k];
      const d = added[k];
      if (r && d) rows.push({ kind: "changed", left: r.left, right: d.right, leftNo: r.leftNo, rightNo: d.rightNo });
      else rows.push((r ?? d)!);
    }
    removed.length = 0;
    added.length = 0;
  };
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[i] === b[j]) {
      flush();
      rows.push({ kind: "same", left: a[i]!, right: b[j]!, leftNo: i + 1, rightNo: j + 1 });
      i++;
      j++;
    } else if (j < m && (i >= n || lcs[i]![j + 1]! >= lcs[i + 1]![j]!)) {
      added.push({ kind: "added", left: null, right: b[j]!, leftNo: null, rightNo: j + 1 });
      j++;
    } else {
      removed.push({ kind: "removed", left: a[i]!, right: null, leftNo: i + 1, rightNo: null });
      i++;
    }
  }
  flush();
  return rows;
}
