import { ScrollText } from "lucide-react";
import type { Metadata } from "next";
import { ComingSoon } from "@/components/shell/coming-soon";

export const metadata: Metadata = { title: "Requests" };

export default function Page() {
  return <ComingSoon title="Requests" icon={ScrollText} what="Filter and search every model call, open one to see its input, output, cost and trace." />;
}
