"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "@/lib/utils";

const TABS = [
  { href: "project", label: "Project" },
  { href: "members", label: "Members" },
  { href: "api-keys", label: "API keys" },
  { href: "channels", label: "Channels" },
  { href: "budgets", label: "Budgets" },
  { href: "audit", label: "Audit log" },
];

export function SettingsTabs({ projectId }: { projectId: string }) {
  const pathname = usePathname();
  return (
    <nav aria-label="Settings" className="mb-6 flex gap-1 overflow-x-auto border-b">
      {TABS.map((t) => {
        const href = `/p/${projectId}/settings/${t.href}`;
        const active = pathname.startsWith(href);
        return (
          <Link
            key={t.href}
            href={href}
            aria-current={active ? "page" : undefined}
            className={cn("-mb-px shrink-0 border-b-2 border-transparent px-3 py-2 text-sm text-muted-fg hover:text-fg", active && "border-primary font-medium text-fg")}
          >
            {t.label}
          </Link>
        );
      })}
    </nav>
  );
}
