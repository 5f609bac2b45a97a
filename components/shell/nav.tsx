"use client";

import { Bell, BookText, FlagTriangleRight, LayoutDashboard, ListChecks, ScrollText, Settings } from "lucide-react";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "@/lib/utils";

const ITEMS = [
  { href: "", label: "Dashboard", icon: LayoutDashboard },
  { href: "/requests", label: "Requests", icon: ScrollText },
  { href: "/prompts", label: "Prompts", icon: BookText },
  { href: "/flags", label: "Flags", icon: FlagTriangleRight },
  { href: "/alerts", label: "Alerts", icon: Bell },
  { href: "/review", label: "Review", icon: ListChecks },
  { href: "/settings", label: "Settings", icon: Settings },
];

/** A reviewer's work is the review queues, so their nav shows only those (the pages they open from there, like a request, still work). */
export function Nav({ projectId, reviewerOnly = false }: { projectId: string; reviewerOnly?: boolean }) {
  const pathname = usePathname();
  const base = `/p/${projectId}`;
  const items = reviewerOnly ? ITEMS.filter((i) => i.href === "/review") : ITEMS;
  return (
    <nav aria-label="Main" className="flex gap-1 overflow-x-auto md:flex-col">
      {items.map(({ href, label, icon: Icon }) => {
        const url = base + href;
        const active = href === "" ? pathname === base : pathname.startsWith(url);
        return (
          <Link
            key={label}
            href={url}
            aria-current={active ? "page" : undefined}
            className={cn(
              "flex shrink-0 items-center gap-2.5 rounded-md px-3 py-2 text-sm text-muted-fg hover:bg-muted hover:text-fg",
              active && "bg-muted font-medium text-fg",
            )}
          >
            <Icon aria-hidden className="size-4" />
            {label}
          </Link>
        );
      })}
    </nav>
  );
}
