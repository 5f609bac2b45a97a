import type { LucideIcon } from "lucide-react";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";

/** Said plainly: this part of the product is not built yet, and what it will do. */
export function ComingSoon({ title, icon, what }: { title: string; icon: LucideIcon; what: string }) {
  return (
    <>
      <PageHeader title={title} />
      <Card>
        <EmptyState icon={icon} title={`${title} are not built yet`}>
          <p>{what}</p>
          <p className="mt-2">This page is coming in a later release; nothing here is hidden from you.</p>
        </EmptyState>
      </Card>
    </>
  );
}
