import { cn } from "@/lib/utils";
import type { DiffRow } from "@/lib/prompts/diff";

const TONE: Record<DiffRow["kind"], { left: string; right: string }> = {
  same: { left: "", right: "" },
  changed: { left: "bg-danger/10", right: "bg-success/10" },
  removed: { left: "bg-danger/10", right: "bg-muted/40" },
  added: { left: "bg-muted/40", right: "bg-success/10" },
};

/** Two versions side by side, line against line; removed on the left in red, added on the right in green. */
export function DiffView({ rows, left, right, label }: { rows: DiffRow[]; left: string; right: string; label: string }) {
  const changes = rows.filter((r) => r.kind !== "same").length;
  return (
    <div className="overflow-x-auto">
      <table className="w-full table-fixed font-mono text-xs" aria-label={label}>
        <thead className="border-b bg-muted/50 text-left text-muted-fg">
          <tr><th scope="col" className="w-10 px-2 py-1"><span className="sr-only">Line</span></th><th scope="col" className="px-2 py-1 font-sans font-medium">{left}</th><th scope="col" className="w-10 px-2 py-1"><span className="sr-only">Line</span></th><th scope="col" className="px-2 py-1 font-sans font-medium">{right}</th></tr>
        </thead>
        <tbody>
          {rows.map((r, i) => (
            <tr key={i} data-kind={r.kind}>
              <td className="select-none px-2 text-right align-top text-muted-fg">{r.leftNo ?? ""}</td>
              <td className={cn("whitespace-pre-wrap break-words px-2 align-top", TONE[r.kind].left)}>{r.left === null ? "" : r.kind === "same" ? r.left : `- ${r.left}`}</td>
              <td className="select-none px-2 text-right align-top text-muted-fg">{r.rightNo ?? ""}</td>
              <td className={cn("whitespace-pre-wrap break-words px-2 align-top", TONE[r.kind].right)}>{r.right === null ? "" : r.kind === "same" ? r.right : `+ ${r.right}`}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="px-2 py-2 font-sans text-xs text-muted-fg">{changes === 0 ? "No differences." : `${changes} changed ${changes === 1 ? "line" : "lines"}.`}</p>
    </div>
  );
}
