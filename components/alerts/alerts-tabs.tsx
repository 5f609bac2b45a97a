import Link from "next/link";
import { cn } from "@/lib/utils";

/** Rules and silences are two pages of one section; channels live in settings. */
export function AlertsTabs({ projectId, current }: { projectId: string; current: "rules" | "silences" }) {
  const tabs = [
    { key: "rules", href: `/p/${projectId}/alerts`, label: "Alerts and rules" },
    { key: "silences", href: `/p/${projectId}/alerts/silences`, label: "Silences" },
    { key: "channels", href: `/p/${projectId}/settings/channels`, label: "Notification channels" },
  ];
  return (
    <nav aria-label="Alerts" className="mb-6 flex gap-1 overflow-x-auto border-b">
      {tabs.map((t) => (
        <Link
          key={t.key}
          href={t.href}
          aria-current={t.key === current ? "page" : undefined}
          className={cn("-mb-px shrink-0 border-b-2 border-transparent px-3 py-2 text-sm text-muted-fg hover:text-fg", t.key === current && "border-primary font-medium text-fg")}
        >
          {t.label}
        </Link>
      ))}
    </nav>
  );
}
