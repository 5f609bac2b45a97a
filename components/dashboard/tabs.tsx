"use client";

import Link from "next/link";
import { usePathname, useSearchParams } from "next/navigation";
import { cn } from "@/lib/utils";

const TABS = [
  { href: "", label: "Overview" },
  { href: "/dashboard/latency", label: "Latency" },
  { href: "/dashboard/errors", label: "Errors" },
  { href: "/dashboard/cost", label: "Cost" },
  { href: "/dashboard/quality", label: "Quality" },
  { href: "/dashboard/users", label: "Users" },
];

/** The dashboard's views; switching keeps the filters. */
export function DashboardTabs({ projectId }: { projectId: string }) {
  const pathname = usePathname();
  const search = useSearchParams().toString();
  return (
    <nav aria-label="Dashboard views" className="mb-4 flex gap-1 overflow-x-auto border-b">
      {TABS.map((t) => {
        const href = `/p/${projectId}${t.href}`;
        const active = pathname === href;
        return (
          <Link key={t.label} href={`${href}${search ? `?${search}` : ""}`} aria-current={active ? "page" : undefined}
            className={cn("-mb-px border-b-2 px-3 py-2 text-sm font-medium text-muted-fg hover:text-fg", active ? "border-primary text-fg" : "border-transparent")}>
            {t.label}
          </Link>
        );
      })}
    </nav>
  );
}
