import { BookText } from "lucide-react";
import type { Metadata } from "next";
import { ComingSoon } from "@/components/shell/coming-soon";

export const metadata: Metadata = { title: "Prompts" };

export default function Page() {
  return <ComingSoon title="Prompts" icon={BookText} what="Version prompts immutably, deploy and roll back by moving a label, and compare versions on cost, latency and quality." />;
}
