"use client";

import { ArrowDown, ArrowUp } from "lucide-react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import type { MouseEvent } from "react";
import type { RequestItem } from "@/lib/requests/item";
import { cn } from "@/lib/utils";
import { useColumnChoice } from "./column-choice";
import { COLUMNS, type Column } from "./columns";

type Props = { items: RequestItem[]; projectId: string; order: "desc" | "asc"; search: string };

/** The same query with the other order, from its first page (a cursor belongs to one order). */
function sortHref(search: string, order: "desc" | "asc"): string {
  const next = new URLSearchParams(search);
  next.delete("cursor");
  if (order === "desc") next.set("order", "asc");
  else next.delete("order");
  return `?${next.toString()}`;
}

function NameCell({ r, href }: { r: RequestItem; href: string }) {
  const title = r.name ?? r.endpoint ?? r.id;
  return (
    <div className="min-w-0 max-w-64">
      <Link href={href} className="block truncate font-medium text-primary hover:underline focus-visible:underline" title={title}>
        {title}
      </Link>
      {r.name && r.endpoint ? <div className="truncate text-xs text-muted-fg">{r.endpoint}</div> : null}
    </div>
  );
}

function Header({ c, order, search }: { c: Column; order: "desc" | "asc"; search: string }) {
  const cls = cn("whitespace-nowrap px-2.5 py-2 font-medium first:pl-4 last:pr-4", c.numeric && "text-right");
  if (c.id !== "time") return <th scope="col" className={cls}>{c.label}</th>;
  const Icon = order === "desc" ? ArrowDown : ArrowUp;
  return (
    <th scope="col" className={cls} aria-sort={order === "desc" ? "descending" : "ascending"}>
      <Link href={sortHref(search, order)} className="inline-flex items-center gap-1 uppercase hover:text-fg" title={order === "desc" ? "Newest first; show oldest first" : "Oldest first; show newest first"}>
        Time <Icon aria-hidden className="size-3" />
        <span className="sr-only">{order === "desc" ? "(newest first; activate for oldest first)" : "(oldest first; activate for newest first)"}</span>
      </Link>
    </th>
  );
}

/** The request list. Each row opens the request: its name is the link (keyboard), and a click anywhere on the row follows it too. */
export function RequestTable({ items, projectId, order, search }: Props) {
  const router = useRouter();
  const [shown] = useColumnChoice();
  const columns = COLUMNS.filter((c) => shown.includes(c.id));
  const hrefOf = (r: RequestItem) => `/p/${projectId}/requests/${encodeURIComponent(r.id)}`;
  const onRowClick = (e: MouseEvent<HTMLTableRowElement>, href: string) => {
    // Links and buttons handle themselves; a text selection is not a click.
    if ((e.target as HTMLElement).closest("a, button") || window.getSelection()?.toString()) return;
    if (e.metaKey || e.ctrlKey) window.open(href, "_blank", "noopener");
    else router.push(href);
  };
  return (
    <div className="overflow-x-auto">
        <table className="w-full text-sm" aria-label="Requests">
          <thead className="border-b bg-muted/50 text-left text-xs uppercase tracking-wide text-muted-fg">
            <tr>{columns.map((c) => <Header key={c.id} c={c} order={order} search={search} />)}</tr>
          </thead>
          <tbody className="divide-y">
            {items.map((r) => {
              const href = hrefOf(r);
              return (
                <tr key={r.id} onClick={(e) => onRowClick(e, href)} className={cn("cursor-pointer hover:bg-muted/60", r.status === "error" && "bg-danger/5")} data-testid="request-row">
                  {columns.map((c) => (
                    <td key={c.id} className={cn("px-2.5 py-2 align-middle first:pl-4 last:pr-4", c.numeric && "whitespace-nowrap text-right tabular-nums")}>
                      {c.id === "name" ? <NameCell r={r} href={href} /> : c.cell(r)}
                    </td>
                  ))}
                </tr>
              );
            })}
          </tbody>
        </table>
    </div>
  );
}
