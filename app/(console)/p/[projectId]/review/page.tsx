import { ListChecks } from "lucide-react";
import type { Metadata } from "next";
import { ComingSoon } from "@/components/shell/coming-soon";

export const metadata: Metadata = { title: "Review queues" };

export default function Page() {
  return <ComingSoon title="Review queues" icon={ListChecks} what="Sample outputs into review queues, score them against a rubric at keyboard speed and export evaluation sets." />;
}
